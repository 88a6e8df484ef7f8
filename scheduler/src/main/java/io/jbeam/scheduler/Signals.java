package io.jbeam.scheduler;

import io.jbeam.term.Pid;
import io.jbeam.term.Ref;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The built-ins' side of links, monitors and exit signals, for the facade: each changes the caller's own state at
 * once and sends the matching signal, in order with everything else the caller sends to that process. Arguments are
 * checked by the facade. Every method acts for the calling process.
 */
public final class Signals {
    private Signals() {
    }

    /** What {@link #link} tells the facade. */
    public enum LinkResult { LINKED, NOPROC }

    /**
     * {@code link/1}. NOPROC when the target has exited and the caller does not trap exits (the facade raises
     * noproc; no link is left). A trapping caller gets {@code {'EXIT', Pid, noproc}} instead.
     */
    public static LinkResult link(Pid other) {
        ProcessControlBlock me = Processes.self();
        if (other.equals(me.pid())) {
            return LinkResult.LINKED;
        }
        Links links = me.relations().links();
        if (!links.linkSent(other)) {
            return LinkResult.LINKED; // already active
        }
        // Also when this process was unlinking: the link is active again and the ack, when it comes, is ignored.
        if (SignalQueue.tryDeliver(other, new LinkSignal(me.pid()))) {
            return LinkResult.LINKED;
        }
        if (!me.trapExit) {
            links.forget(other);
            return LinkResult.NOPROC;
        }
        SignalQueue.deliver(me.pid(), new ExitSignal(other, LinkSignal.NOPROC, true));
        return LinkResult.LINKED;
    }

    /**
     * {@code unlink/1}: no EXIT from that link has an effect after this. A trapping caller first takes in what has
     * arrived, so an EXIT that reached it before the unlink stays queued as a message. Returns at once: the link is
     * gone from this side, which waits (without blocking) for the other side's UNLINK_ID_ACK, ignoring a LINK from
     * it meanwhile (see {@link Links}).
     */
    public static void unlink(Pid other) {
        ProcessControlBlock me = Processes.self();
        if (me.trapExit) {
            SignalQueue.drainOrDie(me);
        }
        Relations r = me.relationsOrNull();
        long id = r == null ? 0L : r.links().unlink(other);
        if (id != 0L) {
            SignalQueue.deliver(other, new UnlinkSignal(me.pid(), id)); // a dead peer's ack comes back at once
        }
    }

    /** {@code exit/2}. To the caller itself it takes effect before this returns (the caller may die right here). */
    public static void exit(Pid to, Object reason) {
        ProcessControlBlock me = Processes.self();
        SignalQueue.deliver(to, new ExitSignal(me.pid(), reason, false));
        if (to.equals(me.pid())) {
            SignalQueue.drainOrDie(me);
        }
    }

    /**
     * {@code monitor(process, Pid)} and the by-name form ({@code item} is what the DOWN names). A dead target gives
     * an immediate DOWN noproc; monitoring oneself records nothing.
     */
    public static Ref monitor(Pid target, Object item) {
        ProcessControlBlock me = Processes.self();
        Ref ref = Ref.make();
        if (target.equals(me.pid())) {
            return ref;
        }
        me.relations().addMonitor(ref, new Relations.Monitor(target, item));
        SignalQueue.deliver(target, new MonitorSignal(me.pid(), ref));
        return ref;
    }

    /** A monitor on a name nobody holds: recorded, and answered at once by DOWN noproc naming {@code item}. */
    public static Ref monitorNobody(Pid nobody, Object item) {
        ProcessControlBlock me = Processes.self();
        Ref ref = Ref.make();
        me.relations().addMonitor(ref, new Relations.Monitor(nobody, item));
        SignalQueue.deliver(me.pid(), new DownSignal(ref, nobody, LinkSignal.NOPROC));
        return ref;
    }

    /**
     * {@code demonitor/2}: removes the monitor (no DOWN for it is queued after this) and, with {@code flush}, a DOWN
     * already queued. Returns whether the monitor was still active (the {@code info} answer).
     */
    public static boolean demonitor(Ref ref, boolean flush) {
        ProcessControlBlock me = Processes.self();
        SignalQueue.drainOrDie(me); // a DOWN that has arrived counts as sent: info says false, flush removes it
        Relations r = me.relationsOrNull();
        Relations.Monitor m = r == null ? null : r.removeMonitor(ref);
        if (m != null) {
            SignalQueue.deliver(m.target, new DemonitorSignal(ref));
        }
        if (flush) {
            me.mailbox.removeIf(isDownOf(ref));
        }
        return m != null;
    }

    private static Predicate<Object> isDownOf(Ref ref) {
        return msg -> msg instanceof io.jbeam.term.Tuple && ((io.jbeam.term.Tuple) msg).arity() == 5
                && DownSignal.DOWN.equals(((io.jbeam.term.Tuple) msg).get(0))
                && ref.equals(((io.jbeam.term.Tuple) msg).get(1));
    }

    /** {@code process_flag(trap_exit, On)}: returns the old value. */
    public static boolean trapExit(boolean on) {
        ProcessControlBlock me = Processes.self();
        boolean old = me.trapExit;
        me.trapExit = on;
        return old;
    }

    /** {@code process_flag(priority, P)}: returns the old value. */
    public static Priority priority(Priority p) {
        ProcessControlBlock me = Processes.self();
        Priority old = me.priority();
        me.setPriority(p);
        return old;
    }

    /** The caller's dictionary. */
    public static ProcessDictionary dictionary() {
        return Processes.self().dictionary();
    }

    /** {@code spawn_link}: the link exists before the child runs. */
    public static ProcessControlBlock spawnLink(Runnable body, Priority priority) {
        ProcessControlBlock me = Processes.self();
        ProcessControlBlock child = Processes.spawn(body, priority, c -> c.relations().addLink(me.pid()));
        me.relations().addLink(child.pid());
        return child;
    }

    /** {@code spawn_monitor}: the monitor exists before the child runs. */
    public static ProcessControlBlock spawnMonitor(Runnable body, Priority priority, Ref ref) {
        ProcessControlBlock me = Processes.self();
        ProcessControlBlock child = Processes.spawn(body, priority, c -> c.relations().addMonitoredBy(ref, me.pid()));
        me.relations().addMonitor(ref, new Relations.Monitor(child.pid(), child.pid()));
        return child;
    }

    /**
     * {@code is_process_alive/1}, ordered after the caller's earlier signals: when signals to the target are still
     * unhandled (a kill the caller just sent, say), the target is asked, so it acts on them first.
     */
    public static boolean isAlive(Pid pid) {
        ProcessControlBlock p = Processes.lookup(pid);
        if (p == null) {
            return false;
        }
        // The count first, then dying: the owner sets dying before its count drops, so a zero count seen here
        // means a kill it handled is visible as dying below.
        boolean pending = p.mailbox.signalsPending();
        if (p.isDying() || !p.isAlive()) {
            return false;
        }
        if (!pending) {
            return true;
        }
        return SignalQueue.ask(Processes.self(), pid, q -> Boolean.TRUE) != InfoRequest.DEAD;
    }

    /**
     * Runs {@code query} on the target's owner after the caller's earlier signals; null when the target is dead.
     * The query sees a quiet process: its signals handled, its messages in its queue.
     */
    public static Object inspect(Pid pid, Function<ProcessControlBlock, Object> query) {
        Object a = SignalQueue.ask(Processes.self(), pid, query);
        return a == InfoRequest.DEAD ? null : a;
    }
}
