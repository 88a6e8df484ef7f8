package io.jbeam.scheduler;

import java.util.Arrays;

/**
 * Which fiber woven code sees on a thread that is not a scheduler thread. By default each plain thread (main, a test
 * thread) has its own thread-bound fiber, on which woven code never suspends. A {@link Coroutine} resumed on a plain
 * thread mounts its fiber here for the length of the resume.
 *
 * <p>Every woven method entered through a call that is not bound at weave time asks for the current fiber, so the
 * thread-local lookup sits behind a small cache: a table of {@link #WAYS} slots indexed by thread id, each holding the
 * slot of the last thread of that index that missed. A thread finds its own slot with one index and one compare; a
 * thread that misses (first lookup, or another thread of the same index came since) takes the thread-local and puts
 * its slot in the table.
 */
final class ThreadFibers {
    /** Table size: a power of two. Thread ids are handed out in sequence, so up to this many threads never collide. */
    static final int WAYS = 64;
    private static final BudgetPolicy PLAIN = BudgetPolicy.fixed(Integer.MAX_VALUE);
    private static final ThreadLocal<Slot> SLOT =
            ThreadLocal.withInitial(() -> new Slot(Thread.currentThread(), new Fiber(null, true, PLAIN)));

    /**
     * One plain thread's current fiber. {@link #owner} is final, so a thread that reads another thread's slot through
     * the racy {@link #TABLE} sees its owner and no more; {@link #fiber} is read and written by the owner only.
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
     * Each entry the slot of some thread of that index, or one owned by no thread. Plain and racy on purpose: a stale
     * entry is some thread's slot, which the reader either owns (then its fiber is the reader's own last write) or
     * does not (then it falls back). An entry is written only on a miss, so threads that keep their entries only read
     * the table. It keeps at most {@link #WAYS} ended threads (and their own fibers) reachable, until threads of the
     * same index miss.
     */
    private static final Slot[] TABLE = new Slot[WAYS];

    static {
        Arrays.fill(TABLE, new Slot(null, null));
    }

    private ThreadFibers() {
    }

    static Fiber current() {
        return current(Thread.currentThread());
    }

    /** The current fiber of plain thread {@code t}, which is the calling thread. */
    static Fiber current(Thread t) {
        return slotOf(t).fiber;
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
        Slot s = slotOf(t);
        Fiber previous = s.fiber;
        s.fiber = f;
        return previous;
    }

    /** The calling thread {@code t}'s own slot: from the table, or else from the thread-local. */
    private static Slot slotOf(Thread t) {
        Slot s = TABLE[index(t)];
        return s.owner == t ? s : miss(t);
    }

    /** The calling thread {@code t}'s own slot, now in the table. */
    private static Slot miss(Thread t) {
        Slot s = SLOT.get();
        TABLE[index(t)] = s;
        return s;
    }

    /** Where thread {@code t}'s slot goes in the table (an overridden {@code getId} only moves it). */
    static int index(Thread t) {
        return (int) t.getId() & (WAYS - 1);
    }
}
