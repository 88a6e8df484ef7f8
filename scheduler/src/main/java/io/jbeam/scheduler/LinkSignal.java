package io.jbeam.scheduler;

import io.jbeam.term.Atom;
import io.jbeam.term.Pid;

/**
 * LINK: the sender has already made its side active; the receiver takes the link unless it has state for the sender
 * already (an active link, or an unlink of its own still waiting for its ack: see {@link Links}). A LINK that
 * reaches a process that has exited is answered with an EXIT noproc, as {@code link/1} to a dead pid is.
 */
final class LinkSignal extends SignalNode {
    static final Atom NOPROC = Atom.of("noproc");

    final Pid from;

    LinkSignal(Pid from) {
        this.from = from;
    }

    @Override
    Object handle(ProcessControlBlock receiver) {
        receiver.relations().links().linkReceived(from);
        return null;
    }

    @Override
    void deadLetter(Pid target) {
        SignalQueue.deliver(from, new ExitSignal(target, NOPROC, true));
    }
}
