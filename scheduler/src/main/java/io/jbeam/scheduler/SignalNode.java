package io.jbeam.scheduler;

import io.jbeam.term.Pid;

/**
 * A control signal (link, unlink, exit, monitor, demonitor, down, request). It travels in the receiver's inbound
 * queue with the messages, so that every signal from one process to another arrives in the order sent, and the
 * receiver acts on it when it drains its queue (see {@link SignalQueue}).
 */
abstract class SignalNode extends MessageNode {
    SignalNode() {
        super(null);
    }

    /**
     * The receiver's owner acts on the signal. Returns a message to queue in its place (a trapped EXIT, a DOWN), or
     * null. May decide that the receiver dies ({@link ProcessControlBlock#beginExit}).
     */
    abstract Object handle(ProcessControlBlock receiver);

    /**
     * The signal reached {@code target} after it exited (or there was no such process): answer as Erlang does for a
     * signal to a dead process. Most signals are simply dropped. Any thread.
     */
    void deadLetter(Pid target) {
    }
}
