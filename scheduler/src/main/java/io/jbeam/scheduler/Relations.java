package io.jbeam.scheduler;

import io.jbeam.term.Pid;
import io.jbeam.term.Ref;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A process's links and monitors, both directions: whom it is linked to, whom it monitors (ref to target and the
 * item its DOWN will name), and who monitors it. Created on first use, so a process that never links costs nothing.
 *
 * <p>Memory ordering: plain. Only the process's owner touches it (the process itself, its scheduler between slices,
 * or a thread that has taken a waiting process over to inspect it), and ownership passes with a happens-before edge.
 */
final class Relations {
    /** One monitor this process holds. */
    static final class Monitor {
        final Pid target;
        /** What the DOWN names: the pid, or {@code {Name, Node}} for a monitor by name. */
        final Object item;

        Monitor(Pid target, Object item) {
            this.target = target;
            this.item = item;
        }
    }

    private final Links links = new Links();
    private final Map<Ref, Monitor> monitors = new LinkedHashMap<>(4);
    private final Map<Ref, Pid> monitoredBy = new LinkedHashMap<>(4);

    /** The per-peer link states (the link protocol lives there). */
    Links links() {
        return links;
    }

    /** Both sides set up at once (spawn_link): an active link. */
    void addLink(Pid other) {
        links.activate(other);
    }

    boolean isLinked(Pid other) {
        return links.isActive(other);
    }

    void addMonitor(Ref ref, Monitor m) {
        monitors.put(ref, m);
    }

    Monitor removeMonitor(Ref ref) {
        return monitors.remove(ref);
    }

    void addMonitoredBy(Ref ref, Pid watcher) {
        monitoredBy.put(ref, watcher);
    }

    void removeMonitoredBy(Ref ref) {
        monitoredBy.remove(ref);
    }

    /** The active links (process_info's links): not those this process is unlinking. */
    List<Pid> linkedPids() {
        return links.active();
    }

    /** The pids this process monitors, one per monitor (process_info's monitors). */
    List<Pid> monitoredPids() {
        List<Pid> out = new ArrayList<>(monitors.size());
        for (Monitor m : monitors.values()) out.add(m.target);
        return out;
    }

    List<Pid> monitoredBy() {
        return new ArrayList<>(monitoredBy.values());
    }

    /**
     * The process exited with {@code reason}: a demonitor to every process it monitored (so that their monitored_by
     * forgets it), an EXIT to every active link, a DOWN to every watcher. Any signal to a process that has gone too
     * is dropped. A link this process is unlinking gets no EXIT: its UNLINK_ID reaches the peer first, after which the
     * peer would drop the EXIT anyway.
     */
    void signalExit(Pid self, Object reason) {
        // Demonitors first: whoever sees this EXIT or DOWN and then asks a target about its monitored_by asks after
        // the demonitor reached that target's queue, so it is not listed any more.
        for (Map.Entry<Ref, Monitor> e : monitors.entrySet()) {
            SignalQueue.deliver(e.getValue().target, new DemonitorSignal(e.getKey()));
        }
        for (Pid l : links.active()) {
            SignalQueue.deliver(l, new ExitSignal(self, reason, true));
        }
        for (Map.Entry<Ref, Pid> e : monitoredBy.entrySet()) {
            SignalQueue.deliver(e.getValue(), new DownSignal(e.getKey(), self, reason));
        }
        links.clear();
        monitors.clear();
        monitoredBy.clear();
    }
}
