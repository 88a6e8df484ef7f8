package io.jbeam.scheduler;

import io.jbeam.term.Pid;

/**
 * UNLINK_ID_ACK: {@code from} has handled the UNLINK_ID with this id, so nothing it sent before (a LINK, an EXIT)
 * is still on its way. Ends the receiver's unlink if it is still that one (see {@link Links}).
 */
final class UnlinkAckSignal extends SignalNode {
    final Pid from;
    final long id;

    UnlinkAckSignal(Pid from, long id) {
        this.from = from;
        this.id = id;
    }

    @Override
    Object handle(ProcessControlBlock receiver) {
        Relations r = receiver.relationsOrNull();
        if (r != null) {
            r.links().ackReceived(from, id);
        }
        return null;
    }
}
