package io.jbeam.scheduler;

/**
 * Which fiber woven code sees on a thread that is not a scheduler thread. By default each plain thread (main, a test
 * thread) has its own thread-bound fiber, on which woven code never suspends. A {@link Coroutine} resumed on a plain
 * thread mounts its fiber here for the length of the resume.
 */
final class ThreadFibers {
    private static final BudgetPolicy PLAIN = BudgetPolicy.fixed(Integer.MAX_VALUE);
    private static final ThreadLocal<Fiber> FIBER = ThreadLocal.withInitial(() -> new Fiber(null, true, PLAIN));

    private ThreadFibers() {
    }

    static Fiber current() {
        return FIBER.get();
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
        Fiber previous = FIBER.get();
        FIBER.set(f);
        return previous;
    }
}
