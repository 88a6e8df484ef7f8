package io.jbeam.scheduler;

/**
 * Which fiber woven code sees on a thread that is not a scheduler thread. By default each plain thread (main, a test
 * thread) has its own thread-bound fiber, on which woven code never suspends. A {@link Coroutine} resumed on a plain
 * thread mounts its fiber here for the length of the resume.
 *
 * <p>Every woven method asks for the current fiber at entry, so the thread-local lookup sits in front of a one-entry
 * cache: the slot of the plain thread that last mounted a fiber ({@link #recent}). A thread resuming coroutines finds
 * its own slot there with one compare; any other thread sees a slot it does not own and takes the thread-local.
 */
final class ThreadFibers {
    private static final BudgetPolicy PLAIN = BudgetPolicy.fixed(Integer.MAX_VALUE);
    private static final ThreadLocal<Slot> SLOT =
            ThreadLocal.withInitial(() -> new Slot(Thread.currentThread(), new Fiber(null, true, PLAIN)));

    /**
     * One plain thread's current fiber. {@link #owner} is final, so a thread that reads another thread's slot through
     * the racy {@link #recent} sees its owner and no more; {@link #fiber} is read and written by the owner only.
     */
    private static final class Slot {
        final Thread owner;
        Fiber fiber;

        Slot(Thread owner, Fiber fiber) {
            this.owner = owner;
            this.fiber = fiber;
        }
    }

    /**
     * The slot of the thread that last mounted a fiber. Plain and racy on purpose: a stale value is some thread's slot,
     * which the reader either owns (then its fiber is the reader's own last write) or does not (then it falls back).
     * Written only by {@link #mount}, never on the lookup path, so threads that merely run woven code share the line.
     * It keeps at most one ended thread (and its own fiber) reachable, until another thread mounts a fiber.
     */
    private static Slot recent = new Slot(null, null);

    private ThreadFibers() {
    }

    static Fiber current() {
        return current(Thread.currentThread());
    }

    /** The current fiber of plain thread {@code t}, which is the calling thread. */
    static Fiber current(Thread t) {
        Slot s = recent;
        if (s.owner == t) {
            return s.fiber;
        }
        return SLOT.get().fiber;
    }

    /** Makes {@code f} the current fiber of this thread; returns the one it replaces. */
    static Fiber mount(Fiber f) {
        Thread t = Thread.currentThread();
        if (t instanceof CarrierThread) {
            CarrierThread c = (CarrierThread) t;
            Fiber previous = c.fiber;
            c.fiber = f;
            return previous;
        }
        Slot s = recent;
        if (s.owner != t) {
            s = SLOT.get();
            recent = s;
        }
        Fiber previous = s.fiber;
        s.fiber = f;
        return previous;
    }
}
