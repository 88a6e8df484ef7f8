package io.jbeam.scheduler;

import java.util.concurrent.locks.LockSupport;

/** The sleep and yield leaves (see {@link Receive} for the protocol they follow). */
public final class ProcessControl {
    private ProcessControl() {
    }

    /** Suspends the calling process for at least {@code millis} (non-negative; the facade checks). */
    public static void sleep(int leafId, long millis) {
        Fiber f = Fiber.current();
        if (f.status == Fiber.REWINDING) {
            f.endRewind();
            ProcessControlBlock p = (ProcessControlBlock) f.owner();
            if (Deadlines.passed(p.deadline)) {
                Receive.endWait(p);
            } else {
                f.suspend(SuspendReason.SLEEP); // woken early: sleep on
            }
            return;
        }
        if (millis <= 0) {
            return;
        }
        boolean capturable = f.expect == leafId && !f.isThreadBound();
        ProcessControlBlock p = Processes.ofFiber(f);
        long deadline = Deadlines.after(millis);
        if (capturable && f.owner() == p) {
            p.deadline = deadline;
            p.waitingForMessage = false;
            f.suspend(SuspendReason.SLEEP);
            return;
        }
        if (!p.isPlainThread()) {
            PinReports.pinned(p, "sleep");
            Schedulers.get().detachForBlocking();
        }
        while (deadline - System.nanoTime() > 0) {
            blockSleeping(p, deadline);
            if (p.mailbox.signalsPending()) {
                SignalQueue.drainOrDie(p); // a signal woke it: act on it (it may end the process) and sleep on
            }
        }
    }

    /** Parks in state BLOCKED until the deadline or a signal (whose sender moves the state back to RUNNING). */
    private static void blockSleeping(ProcessControlBlock p, long deadline) {
        p.blockedThread = Thread.currentThread();
        p.setState(ProcessControlBlock.BLOCKED);
        try {
            long left;
            while (p.state() == ProcessControlBlock.BLOCKED && !p.mailbox.signalsPending()
                    && (left = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(p, left);
            }
        } finally {
            p.casState(ProcessControlBlock.BLOCKED, ProcessControlBlock.RUNNING);
        }
    }

    /** Gives the rest of the slice to the other processes of the run queue. A no-op when pinned or plain. */
    public static void yield(int leafId) {
        Fiber f = Fiber.current();
        if (f.status == Fiber.REWINDING) {
            f.endRewind();
            return;
        }
        if (f.expect == leafId && !f.isThreadBound() && f.owner() instanceof ProcessControlBlock) {
            f.suspend(SuspendReason.YIELDED);
        }
    }
}
