package io.jbeam.scheduler;

import org.agrona.DeadlineTimerWheel;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One scheduler's timers: Agrona's {@link DeadlineTimerWheel} with ~1 ms ticks, in System.nanoTime() units.
 *
 * <p>The wheel and its id map belong to the thread that runs the scheduler (its owner; it changes when a spare
 * carrier takes the scheduler over, with a happens-before edge through the hand-off). Other threads arm and cancel
 * through {@link #requests}, a lock-free queue the owner drains before each poll, then wake the owner.
 *
 * <p>Timers fire late, never early: the wheel expires a timer only when now &ge; its deadline, and what it wakes
 * checks the clock again anyway.
 *
 * <p>Memory ordering: {@link #requests} is a lock-free queue used MPSC (the JDK's: Agrona's MPSC queue needs
 * jdk.internal.misc.Unsafe exported, which an agent cannot count on); {@link #earliest} is plain (owner only);
 * everything else is owner-only.
 */
final class TimerWheel {
    /** 2^20 ns, about a millisecond: Agrona wants a power of two. */
    static final long TICK_NANOS = 1L << 20;
    private static final int TICKS_PER_WHEEL = 512;
    /** The earliest deadline is not known (timers fired since it was): the owner polls every tick. */
    static final long UNKNOWN = Long.MIN_VALUE;

    private final DeadlineTimerWheel wheel;
    private final Long2ObjectHashMap<ProcessTimer> byId = new Long2ObjectHashMap<>();
    private final ConcurrentLinkedQueue<Object> requests = new ConcurrentLinkedQueue<>();
    private long earliest = Long.MAX_VALUE;
    private long fired;
    private final DeadlineTimerWheel.TimerHandler onExpiry = this::expire;

    TimerWheel(long now) {
        wheel = new DeadlineTimerWheel(TimeUnit.NANOSECONDS, now, TICK_NANOS, TICKS_PER_WHEEL);
    }

    /** Owner: arms a timer; its action runs on the owner when it expires. */
    void arm(ProcessTimer t) {
        t.wheelId = wheel.scheduleTimer(t.deadline);
        byId.put(t.wheelId, t);
        if (earliest != UNKNOWN && t.deadline < earliest) {
            earliest = t.deadline;
        }
    }

    /** Owner: cancels a timer that has not fired. */
    void cancel(ProcessTimer t) {
        if (t.wheelId >= 0 && byId.remove(t.wheelId) == t) {
            wheel.cancelTimer(t.wheelId);
        }
    }

    /** Any thread: asks the owner to arm (the caller then wakes the owner). */
    void requestArm(ProcessTimer t) {
        requests.offer(t);
    }

    /** Any thread: asks the owner to cancel. */
    void requestCancel(ProcessTimer t) {
        requests.offer(new Cancel(t));
    }

    boolean hasRequests() {
        return !requests.isEmpty();
    }

    /** Owner: applies queued requests, then fires every timer due at {@code now}. Returns how many fired. */
    int poll(long now) {
        Object r;
        while ((r = requests.poll()) != null) {
            if (r instanceof Cancel) {
                cancel(((Cancel) r).timer);
            } else {
                arm((ProcessTimer) r);
            }
        }
        if (wheel.timerCount() == 0) {
            wheel.currentTickTime(now);
            earliest = Long.MAX_VALUE;
            return 0;
        }
        long before = fired;
        // One poll handles one tick; catch up tick by tick, then expire what is due in the current one.
        while (wheel.timerCount() > 0 && now >= wheel.currentTickTime()) {
            wheel.poll(now, onExpiry, Integer.MAX_VALUE);
        }
        if (wheel.timerCount() > 0) {
            wheel.poll(now, onExpiry, Integer.MAX_VALUE);
        }
        int n = (int) (fired - before);
        if (n > 0) {
            earliest = wheel.timerCount() == 0 ? Long.MAX_VALUE : UNKNOWN;
        }
        return n;
    }

    /** Owner: how long it may park before a timer is due, in ns: 0 = poll now; Long.MAX_VALUE = no timers. */
    long nanosUntilNext(long now) {
        if (wheel.timerCount() == 0) {
            return Long.MAX_VALUE;
        }
        if (earliest == UNKNOWN) {
            return TICK_NANOS;
        }
        return Math.max(0, earliest - now);
    }

    long timerCount() {
        return wheel.timerCount();
    }

    private boolean expire(TimeUnit unit, long now, long timerId) {
        ProcessTimer t = byId.remove(timerId);
        if (t != null) {
            fired++;
            t.fired = true;
            t.action.run();
        }
        return true;
    }

    private static final class Cancel {
        final ProcessTimer timer;

        Cancel(ProcessTimer timer) {
            this.timer = timer;
        }
    }
}
