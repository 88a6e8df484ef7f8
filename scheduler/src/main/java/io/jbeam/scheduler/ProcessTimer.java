package io.jbeam.scheduler;

/**
 * A timer armed on one scheduler's {@link TimerWheel}: a receive's timeout or a sleep's end, or (later) a
 * send_after. The wheel is owned by one thread at a time; whoever else wants to cancel goes through the wheel's
 * request queue.
 *
 * <p>Memory ordering: {@link #wheelId} is plain, written and read by the owner of {@link #scheduler}'s wheel only.
 * {@link #fired} is volatile: set by the wheel's owner, read by the process when it decides whether to re-arm.
 */
final class ProcessTimer {
    final SchedulerData scheduler;
    final long deadline;
    final Runnable action;
    long wheelId = -1;
    volatile boolean fired;

    ProcessTimer(SchedulerData scheduler, long deadline, Runnable action) {
        this.scheduler = scheduler;
        this.deadline = deadline;
        this.action = action;
    }
}
