package io.jbeam.scheduler;

/**
 * A scheduler thread. Final, so that {@link Fiber#current()}'s type check is one compare. Its {@link #fiber} is the
 * fiber of the process it is running (or its own idle fiber between processes).
 */
public final class CarrierThread extends Thread {
    /** The fiber woven code sees on this thread. Plain: written and read only by this thread. */
    Fiber fiber;

    public CarrierThread(ThreadGroup group, Runnable loop, String name, Fiber idleFiber) {
        super(group, loop, name);
        this.fiber = idleFiber;
        setDaemon(true);
    }
}
