package io.jbeam.scheduler;

import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;

/**
 * An exit signal: from {@code exit/2} ({@link #viaLink} false) or from a linked process that exited (true). The
 * receiver applies Erlang's table (erlang-semantics.md, "Exit-signal handling"):
 * <pre>
 *   via link, no active link                  dropped (unlinked, or being unlinked; see {@link Links})
 *   normal, not trapping, sender != self      dropped
 *   exit/2 with kill                          dies killed (even when trapping)
 *   not trapping, otherwise                   dies with the reason (a kill through a link stays kill)
 *   exit/2 normal from self, not trapping     dies normal
 *   trapping, otherwise                       {'EXIT', From, Reason} message
 * </pre>
 */
final class ExitSignal extends SignalNode {
    static final Atom EXIT = Atom.of("EXIT");
    static final Atom KILL = Atom.of("kill");
    static final Atom KILLED = Atom.of("killed");

    final Pid from;
    final Object reason;
    final boolean viaLink;

    ExitSignal(Pid from, Object reason, boolean viaLink) {
        this.from = from;
        this.reason = reason;
        this.viaLink = viaLink;
    }

    @Override
    Object handle(ProcessControlBlock receiver) {
        if (viaLink) {
            Relations r = receiver.relationsOrNull();
            if (r == null || !r.links().exitReceived(from)) {
                return null; // unlinked since, or being unlinked: the signal has no effect
            }
        } else if (KILL.equals(reason)) {
            receiver.beginExit(KILLED);
            return null;
        }
        if (receiver.trapExit) {
            return Tuple.of(EXIT, from, reason);
        }
        if (ProcessExits.NORMAL.equals(reason)) {
            if (!viaLink && from.equals(receiver.pid())) {
                receiver.beginExit(reason);
            }
            return null;
        }
        receiver.beginExit(reason);
        return null;
    }
}
