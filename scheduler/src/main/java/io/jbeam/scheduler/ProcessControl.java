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
        p.blockedThread = Thread.currentThread();
        p.setState(ProcessControlBlock.BLOCKED);
        try {
            long left;
            while ((left = deadline - System.nanoTime()) > 0 && deadline != ProcessControlBlock.NO_DEADLINE) {
                LockSupport.parkNanos(p, left);
            }
            while (deadline == ProcessControlBlock.NO_DEADLINE) {
                LockSupport.park(p);
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
