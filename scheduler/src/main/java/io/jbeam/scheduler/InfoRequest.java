package io.jbeam.scheduler;

import io.jbeam.term.Pid;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A question about another process (process_info, is_process_alive) that only its owner may answer: it travels as
 * a signal, after everything the asker sent before, and the owner answers when it drains its queue. A process that
 * has exited answers {@link #DEAD}.
 *
 * <p>Memory ordering: {@link #answer} is written before the volatile {@link #done}; the asker reads done, then
 * answer. {@link #asker} is final.
 */
final class InfoRequest extends SignalNode {
    /** The answer of a process that has exited. */
    static final Object DEAD = new Object() {
        @Override
        public String toString() {
            return "DEAD";
        }
    };

    private final Function<ProcessControlBlock, Object> query;
    private final Thread asker;
    private Object answer;
    private volatile boolean done;

    InfoRequest(Function<ProcessControlBlock, Object> query) {
        this.query = query;
        this.asker = Thread.currentThread();
    }

    @Override
    Object handle(ProcessControlBlock receiver) {
        Object a;
        try {
            a = query.apply(receiver);
        } catch (RuntimeException e) {
            a = e; // the asker rethrows it
        }
        complete(a);
        return null;
    }

    @Override
    void deadLetter(Pid target) {
        complete(DEAD);
    }

    private void complete(Object a) {
        answer = a;
        done = true;
        LockSupport.unpark(asker);
    }

    boolean isDone() {
        return done;
    }

    Object answer() {
        Object a = answer;
        if (a instanceof RuntimeException) {
            throw (RuntimeException) a;
        }
        return a;
    }
}
