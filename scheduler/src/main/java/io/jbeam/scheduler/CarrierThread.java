package io.jbeam.scheduler;

/**
 * A scheduler thread. Final, so that {@link Fiber#current()}'s type check is one compare. Its {@link #fiber} is the
 * fiber of the process it is running (or its own idle fiber between processes).
 *
 * <p>A carrier runs the loop of at most one {@link SchedulerData} at a time ({@link #scheduler}); while its process
 * blocks pinned it runs none, and afterwards it waits in {@link SpareCarriers} until a scheduler is handed to it
 * ({@link #assignment}).
 */
public final class CarrierThread extends Thread {
    /** The fiber woven code sees on this thread. Plain: written and read only by this thread. */
    Fiber fiber;
    /** The scheduler whose loop this thread runs, or null while detached. Plain: this thread only. */
    SchedulerData scheduler;
    /** Volatile: a scheduler handed to this (spare) carrier; the hand-off's happens-before edge. */
    volatile SchedulerData assignment;

    public CarrierThread(ThreadGroup group, Runnable loop, String name, Fiber idleFiber) {
        super(group, loop, name);
        this.fiber = idleFiber;
        setDaemon(true);
    }
}
