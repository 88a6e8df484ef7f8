package io.jbeam.scheduler;

import io.jbeam.term.Pid;
import io.jbeam.term.Ref;

/**
 * MONITOR: the watcher has recorded its monitor; the target records who watches it. Reaching a process that has
 * exited, it is answered with a DOWN noproc.
 */
final class MonitorSignal extends SignalNode {
    final Pid watcher;
    final Ref ref;

    MonitorSignal(Pid watcher, Ref ref) {
        this.watcher = watcher;
        this.ref = ref;
    }

    @Override
    Object handle(ProcessControlBlock receiver) {
        receiver.relations().addMonitoredBy(ref, watcher);
        return null;
    }

    @Override
    void deadLetter(Pid target) {
        SignalQueue.deliver(watcher, new DownSignal(ref, target, LinkSignal.NOPROC));
    }
}
