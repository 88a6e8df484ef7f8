package io.jbeam.scheduler;

import java.util.function.Predicate;
import java.util.concurrent.locks.LockSupport;

/**
 * The receive leaf, for the facade's four {@code receive} forms (each passes its own handshake id).
 *
 * <p>Suspending: the leaf records the deadline in the process, calls {@link Fiber#suspend} and returns a dummy; the
 * woven frames unwind; the scheduler loop, with the stack unwound, arms the timer and sets WAITING, then re-checks
 * the inbound queue. On wake-up the frames rewind and re-invoke the leaf, which finds REWINDING and continues the
 * same receive: it scans only the messages that arrived since, and checks its deadline against the clock (a timer
 * only wakes; the clock decides, so a timeout never ends a receive early).
 *
 * <p>Pinned (the handshake id does not match: a frame that cannot be captured lies between) or on a plain thread,
 * the leaf blocks its thread instead (a carrier first hands its scheduler to a spare).
 */
public final class Receive {
    /** Returned when the receive must wait and its timeout is negative: the facade raises timeout_value. */
    public static final Object BAD_TIMEOUT = new Object() {
        @Override
        public String toString() {
            return "BAD_TIMEOUT";
        }
    };

    /** From {@link #take}: a signal ended the process. */
    private static final Object EXITED = new Object();
    /** Spinning for a message is worth it only when the sender can run meanwhile. */
    private static final boolean MULTI_CORE = Runtime.getRuntime().availableProcessors() > 1;

    private Receive() {
    }

    /**
     * Receives the oldest message {@code match} accepts (any when null). Returns it, or null when
     * {@code timeoutMillis} passed first (infinite when {@code infinite}), or {@link #BAD_TIMEOUT}; or a dummy null
     * after suspending, which woven callers never look at.
     */
    public static Object receive(int leafId, Predicate<Object> match, boolean infinite, long timeoutMillis) {
        Fiber f = Fiber.current();
        if (f.status == Fiber.REWINDING) {
            f.endRewind();
            return resume((ProcessControlBlock) f.owner(), f, match);
        }
        boolean capturable = f.expect == leafId && !f.isThreadBound();
        ProcessControlBlock p = Processes.ofFiber(f);
        p.mailbox.startScan();
        Object m = take(p, f, match);
        if (m == EXITED) {
            return die(p, f, capturable && f.owner() == p);
        }
        if (m != Mailbox.NO_MATCH) {
            return m;
        }
        if (!infinite) {
            if (timeoutMillis == 0) return null;
            if (timeoutMillis < 0) return BAD_TIMEOUT;
        }
        long deadline = infinite ? ProcessControlBlock.NO_DEADLINE : Deadlines.after(timeoutMillis);
        if (capturable && f.owner() == p) {
            p.deadline = deadline;
            p.waitingForMessage = true;
            f.suspend(SuspendReason.RECEIVE);
            return null;
        }
        return receiveBlocking(p, f, match, deadline);
    }

    /** Re-invoked after a wake-up: the same receive goes on. */
    private static Object resume(ProcessControlBlock p, Fiber f, Predicate<Object> match) {
        Object m = take(p, f, match);
        if (m == EXITED) {
            return die(p, f, true);
        }
        if (m != Mailbox.NO_MATCH) {
            endWait(p);
            return m;
        }
        if (Deadlines.passed(p.deadline)) {
            endWait(p);
            return null;
        }
        f.suspend(SuspendReason.RECEIVE); // woken by a message that did not match, or early: wait again
        return null;
    }

    /** Drains the inbound queue (acting on signals), then scans; {@link #EXITED} when a signal ended the process. */
    private static Object take(ProcessControlBlock p, Fiber f, Predicate<Object> match) {
        f.expect = 0; // the predicate is user code called from the runtime: nothing below it may suspend
        if (!SignalQueue.drain(p)) {
            return EXITED;
        }
        return p.mailbox.take(match);
    }

    /**
     * A signal ended the process inside its receive. Woven, it unwinds by suspending (none of its code runs again;
     * the scheduler sees the decided exit); otherwise it unwinds by {@link ProcessKilled}.
     */
    private static Object die(ProcessControlBlock p, Fiber f, boolean capturable) {
        endWait(p);
        if (capturable) {
            f.suspend(SuspendReason.RECEIVE);
            return null;
        }
        throw SignalQueue.die(p);
    }

    static void endWait(ProcessControlBlock p) {
        p.deadline = ProcessControlBlock.NO_DEADLINE;
        p.waitingForMessage = false;
        ProcessTimer t = p.timer;
        if (t != null) {
            if (!t.fired) {
                t.scheduler.cancelTimer(t);
            }
            p.timer = null;
        }
    }

    /** Pinned or plain thread: block the thread until a match or the deadline. */
    private static Object receiveBlocking(ProcessControlBlock p, Fiber f, Predicate<Object> match, long deadline) {
        if (!p.isPlainThread()) {
            PinReports.pinned(p, "receive");
            Schedulers.get().detachForBlocking();
        }
        while (true) {
            blockUntilMessage(p, deadline);
            Object m = take(p, f, match);
            if (m == EXITED) {
                throw SignalQueue.die(p);
            }
            if (m != Mailbox.NO_MATCH) {
                return m;
            }
            if (Deadlines.passed(deadline)) {
                return null;
            }
        }
    }

    /**
     * Before parking, spins as an idle scheduler does ({@link VmConfig#spin()} rounds): an answer is often already on
     * its way, and a park costs the sender a system call to unpark and this thread microseconds to wake. The state
     * stays RUNNING meanwhile, so a sender only pushes. Only with more than one processor: on one, the sender cannot
     * run while this thread spins. True when the inbound queue holds something (or the deadline passed).
     */
    private static boolean spinForMessage(ProcessControlBlock p, long deadline) {
        if (!MULTI_CORE || Deadlines.passed(deadline)) {
            return false;
        }
        int spin = VmConfig.get().spin();
        for (int i = 0; i < spin; i++) {
            if (p.mailbox.hasInbound()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return p.mailbox.hasInbound() || Deadlines.passed(deadline);
    }

    /**
     * Parks the thread in state BLOCKED until the inbound queue is non-empty, a sender woke it, or the deadline.
     * A sender pushes, then reads the state (volatile); we write BLOCKED, then read the queue (volatile): one of
     * the two sees the other, so no wake-up is lost.
     */
    static void blockUntilMessage(ProcessControlBlock p, long deadline) {
        if (spinForMessage(p, deadline)) {
            return;
        }
        p.blockedThread = Thread.currentThread();
        p.setState(ProcessControlBlock.BLOCKED);
        try {
            while (p.state() == ProcessControlBlock.BLOCKED && !p.mailbox.hasInbound()) {
                if (deadline == ProcessControlBlock.NO_DEADLINE) {
                    LockSupport.park(p);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    LockSupport.parkNanos(p, left);
                }
            }
        } finally {
            p.casState(ProcessControlBlock.BLOCKED, ProcessControlBlock.RUNNING);
        }
    }
}
