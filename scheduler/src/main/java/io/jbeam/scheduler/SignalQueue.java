package io.jbeam.scheduler;

import io.jbeam.term.Pid;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Moving signals: delivering one into a receiver's inbound queue (or answering it as a dead letter), draining a
 * process's queue on its owner, ending a process that a signal killed, and asking another process a question.
 *
 * <p>Where a process drains (acts on its signals): in every receive, at the start of every slice (so a busy process
 * that never receives still dies at its next slice), when a pinned process runs out of budget, in a blocked sleep
 * woken by a signal, and when an inspector has taken it over while it waits. A waiting process is woken by a signal
 * as by a message.
 */
final class SignalQueue {
    /** How long an asker spins before it parks (a running target usually answers within a slice). */
    private static final int ASK_SPINS = 2_000;
    /** An asker parks in slices this long, re-checking its own signals in between. */
    private static final long ASK_PARK_NANOS = 1_000_000;

    private SignalQueue() {
    }

    /** Any thread: delivers the signal, or answers it as a dead letter when {@code to} has exited. */
    static boolean deliver(Pid to, SignalNode s) {
        if (tryDeliver(to, s)) {
            return true;
        }
        s.deadLetter(to);
        return false;
    }

    /** Any thread: delivers the signal and wakes the receiver; false (and nothing else) when it has exited. */
    static boolean tryDeliver(Pid to, SignalNode s) {
        ProcessControlBlock p = Processes.lookup(to);
        if (p == null) {
            return false;
        }
        Mailbox box = p.mailbox;
        box.signalComing();
        p.fiber().withdrawGrant(); // after the count: a running receiver stops renewing in place and acts on it
        if (!box.push(s)) {
            box.signalDone();
            return false;
        }
        if (p.wakeForSignal()) {
            Schedulers.get().makeRunnable(p);
        }
        return true;
    }

    /** Owner: acts on everything queued. False when a signal decided that the process exits. */
    static boolean drain(ProcessControlBlock p) {
        if (p.exitDecided()) {
            return false;
        }
        return p.mailbox.drainInbound(p);
    }

    /** Owner, where the process cannot suspend: drains, and unwinds it at once if a signal ended it. */
    static void drainOrDie(ProcessControlBlock p) {
        if (!drain(p)) {
            throw die(p);
        }
    }

    /**
     * Owner, where the process cannot suspend: the process has been ended by a signal. A plain thread's identity
     * exits here (the thread lives on, with a fresh identity on its next built-in); a scheduled process exits when
     * the returned error has unwound its slice.
     */
    static ProcessKilled die(ProcessControlBlock p) {
        Object reason = p.pendingExitReason();
        if (p.isPlainThread() && p.isAlive()) {
            p.setExitReason(reason);
            Schedulers.get().exit(p);
            Processes.forgetPlain(p);
        }
        return new ProcessKilled(reason);
    }

    // ---------------------------------------------------------------- asking another process

    /**
     * Runs {@code query} on {@code target}'s owner, after every signal sent to it before, and returns its answer, or
     * {@link InfoRequest#DEAD} when the target has exited (before or while answering). A waiting target is taken over
     * and answered here; any other is sent the question and answers at its next drain.
     */
    static Object ask(ProcessControlBlock me, Pid target, Function<ProcessControlBlock, Object> query) {
        ProcessControlBlock p = Processes.lookup(target);
        if (p == null) {
            return InfoRequest.DEAD;
        }
        if (p == me) {
            drainOrDie(me);
            return query.apply(me);
        }
        while (true) {
            int s = p.state();
            if (s == ProcessControlBlock.EXITING) {
                return InfoRequest.DEAD;
            }
            if (s != ProcessControlBlock.WAITING) {
                break;
            }
            if (p.casState(ProcessControlBlock.WAITING, ProcessControlBlock.BORROWED)) {
                return askBorrowed(p, query);
            }
        }
        InfoRequest r = new InfoRequest(query);
        if (!tryDeliver(target, r)) {
            return InfoRequest.DEAD;
        }
        awaitAnswer(me, r);
        return r.answer();
    }

    /**
     * The target waits, and this thread now owns it (the CAS from WAITING kept every waker and scheduler out): drain
     * its queue, answer, and give it back as a waiting process, re-checking what arrived or fired meanwhile exactly
     * as a scheduler does after a process suspends. If a queued signal ended it, it exits here.
     */
    private static Object askBorrowed(ProcessControlBlock p, Function<ProcessControlBlock, Object> query) {
        if (!drain(p)) {
            p.fiber().discardFrames();
            p.setExitReason(p.pendingExitReason());
            Schedulers.get().exit(p);
            return InfoRequest.DEAD;
        }
        try {
            return query.apply(p);
        } finally {
            p.setState(ProcessControlBlock.WAITING);
            boolean wake = (p.waitingForMessage && p.mailbox.hasInbound()) || p.mailbox.signalsPending()
                    || (p.timer != null && p.timer.fired);
            if (wake && p.casState(ProcessControlBlock.WAITING, ProcessControlBlock.RUNNABLE)) {
                Schedulers.get().makeRunnable(p);
            }
        }
    }

    /**
     * Waits for the answer. A process on a scheduler first gives the scheduler to a spare carrier (the target may be
     * queued behind it). While it waits it stays BLOCKED, so signals to it wake it, and it drains them: two processes
     * asking each other both answer.
     */
    private static void awaitAnswer(ProcessControlBlock me, InfoRequest r) {
        for (int i = 0; i < ASK_SPINS; i++) {
            if (r.isDone()) return;
            Thread.onSpinWait();
        }
        if (!me.isPlainThread()) {
            Schedulers.get().detachForBlocking();
        }
        while (!r.isDone()) {
            me.blockedThread = Thread.currentThread();
            me.setState(ProcessControlBlock.BLOCKED);
            try {
                if (!r.isDone() && !me.mailbox.signalsPending()) {
                    LockSupport.parkNanos(r, ASK_PARK_NANOS);
                }
            } finally {
                me.casState(ProcessControlBlock.BLOCKED, ProcessControlBlock.RUNNING);
            }
            if (me.mailbox.signalsPending()) {
                drainOrDie(me);
            }
        }
    }
}
