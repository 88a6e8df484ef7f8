package io.jbeam.scheduler;

/**
 * A body of woven code run in slices on whatever thread calls {@link #resume()}: each call runs it until it suspends
 * (returns false) or ends (returns true). This is the continuation every process is built on, and the unit the
 * yield/resume benchmarks measure.
 *
 * <p>Not thread-safe: one thread at a time may resume a coroutine; handing it to another thread needs a
 * happens-before edge (a queue, a lock).
 */
public final class Coroutine {
    /** The handshake id of {@link #yieldNow()}, the leaf the weaver knows as suspendable. */
    static final int YIELD_NOW_ID = MethodIds.of("yieldNow", "()V");

    private final Runnable body;
    private final Fiber fiber;
    private final int rootExpect;
    private boolean done;

    /** A coroutine that suspends only when its body calls {@link #yieldNow()}. */
    public Coroutine(Runnable body) {
        this(body, BudgetPolicy.fixed(Integer.MAX_VALUE), null);
    }

    /** A coroutine preempted at yield points by {@code budget}; {@code owner} is what {@link Fiber#owner()} tells. */
    public Coroutine(Runnable body, BudgetPolicy budget, Object owner) {
        this.body = body;
        this.fiber = new Fiber(owner == null ? this : owner, false, budget);
        this.rootExpect = WovenCode.rootExpect(body);
    }

    /**
     * Runs the body until it suspends or ends. Returns true when it ended; an exception thrown by the body ends it
     * too, and propagates.
     */
    public boolean resume() {
        if (done) {
            throw new IllegalStateException("coroutine already ended");
        }
        Fiber f = fiber;
        Fiber previous = ThreadFibers.mount(f);
        try {
            f.beginSlice(f.nextSlice());
            f.expect = rootExpect;
            body.run();
            if (f.status == Fiber.CAPTURING) {
                f.status = Fiber.RUNNING;
                return false;
            }
            done = true;
            return true;
        } catch (Throwable t) {
            done = true;
            f.discardFrames();
            throw t;
        } finally {
            ThreadFibers.mount(previous);
        }
    }

    public boolean isDone() {
        return done;
    }

    public Fiber fiber() {
        return fiber;
    }

    /** Why the body last suspended. */
    public SuspendReason takeSuspendReason() {
        return fiber.takeSuspendReason();
    }

    /**
     * Suspends the running coroutine; the next {@link #resume()} returns here. A no-op on a plain thread or where a
     * frame that cannot be captured lies between the coroutine and this call (the process is pinned).
     */
    public static void yieldNow() {
        Fiber f = Fiber.current();
        if (f.status == Fiber.REWINDING) {
            f.endRewind();
            return;
        }
        if (f.expect != YIELD_NOW_ID || f.isThreadBound()) {
            return;
        }
        f.suspend(SuspendReason.YIELDED);
    }
}
