package io.jbeam.scheduler;

import io.jbeam.term.Ref;

/** DEMONITOR: the watcher dropped its monitor (or exited); the target forgets it. */
final class DemonitorSignal extends SignalNode {
    final Ref ref;

    DemonitorSignal(Ref ref) {
        this.ref = ref;
    }

    @Override
    Object handle(ProcessControlBlock receiver) {
        Relations r = receiver.relationsOrNull();
        if (r != null) r.removeMonitoredBy(ref);
        return null;
    }
}
