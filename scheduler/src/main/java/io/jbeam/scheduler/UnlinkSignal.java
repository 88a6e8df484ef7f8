package io.jbeam.scheduler;

import io.jbeam.term.Pid;

/**
 * UNLINK_ID: {@code from} has dropped its side of the link (see {@link Links}). The receiver drops its own side if
 * it is active and answers with UNLINK_ID_ACK carrying the same id, before it sends {@code from} anything else: it
 * sends the ack while it handles this signal, on its owner, which is the only place its signals come from.
 */
final class UnlinkSignal extends SignalNode {
    final Pid from;
    final long id;

    UnlinkSignal(Pid from, long id) {
        this.from = from;
        this.id = id;
    }

    @Override
    Object handle(ProcessControlBlock receiver) {
        Relations r = receiver.relationsOrNull();
        if (r != null) {
            r.links().unlinkReceived(from);
        }
        SignalQueue.deliver(from, new UnlinkAckSignal(receiver.pid(), id));
        return null;
    }

    /** A process that has gone has no link left either: it acknowledges, so the unlinker's state goes. */
    @Override
    void deadLetter(Pid target) {
        SignalQueue.deliver(from, new UnlinkAckSignal(target, id));
    }
}
