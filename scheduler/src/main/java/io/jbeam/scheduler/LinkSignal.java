package io.jbeam.scheduler;

import io.jbeam.term.Atom;
import io.jbeam.term.Pid;

/**
 * LINK and UNLINK: the sender has already changed its own side; the receiver mirrors it. A LINK that reaches a
 * process that has exited is answered with an EXIT noproc, as {@code link/1} to a dead pid is.
 */
final class LinkSignal extends SignalNode {
    static final Atom NOPROC = Atom.of("noproc");

    final Pid from;
    final boolean link;

    LinkSignal(Pid from, boolean link) {
        this.from = from;
        this.link = link;
    }

    @Override
    Object handle(ProcessControlBlock receiver) {
        if (link) {
            receiver.relations().addLink(from);
        } else {
            Relations r = receiver.relationsOrNull();
            if (r != null) r.removeLink(from);
        }
        return null;
    }

    @Override
    void deadLetter(Pid target) {
        if (link) {
            SignalQueue.deliver(from, new ExitSignal(target, NOPROC, true));
        }
    }
}
