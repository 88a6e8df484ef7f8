package io.jbeam.scheduler;

import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;

/**
 * DOWN: a monitored process exited (or never existed). It becomes the message
 * {@code {'DOWN', Ref, process, Item, Reason}} only if the receiver still holds the monitor: a demonitor that came
 * first drops it, so there is never more than one DOWN per monitor.
 */
final class DownSignal extends SignalNode {
    static final Atom DOWN = Atom.of("DOWN");
    static final Atom PROCESS = Atom.of("process");

    final Ref ref;
    final Pid from;
    final Object reason;

    DownSignal(Ref ref, Pid from, Object reason) {
        this.ref = ref;
        this.from = from;
        this.reason = reason;
    }

    @Override
    Object handle(ProcessControlBlock receiver) {
        Relations r = receiver.relationsOrNull();
        Relations.Monitor m = r == null ? null : r.removeMonitor(ref);
        return m == null ? null : Tuple.of(DOWN, ref, PROCESS, m.item, reason);
    }
}
