package io.jbeam.scheduler;

import io.jbeam.term.Pid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One process's side of its links, as Erlang's link protocol keeps it: per peer, either an active link or an unlink
 * this process started and the peer has not yet acknowledged (its unlink id). Only an active link counts as a link
 * (process_info, exit signals). The transitions, for this process P and a peer Q:
 * <pre>
 *   P sends LINK (link/1)            create or reactivate: active, id cleared; a LINK goes out unless already active
 *   P receives LINK from Q           create as active if there is no state; otherwise ignored, even while unlinking
 *   P sends UNLINK_ID (unlink/1)     only when active: inactive, with a fresh id N
 *   P receives UNLINK_ID from Q      remove if active; leave an unlink of P's own in place; always acknowledge
 *   P receives UNLINK_ID_ACK{N}      remove only if P is still waiting for exactly N
 *   P receives an EXIT through Q     act on it only if active; remove the state either way
 * </pre>
 * Why a LINK is ignored while unlinking: Q sent it before it handled P's UNLINK_ID, which it handles later and so
 * drops its own side too; if P took the LINK, P would be linked and Q not. The ack is what tells P that Q has handled
 * the UNLINK_ID, because Q acknowledges before it sends P anything else and signals between two processes keep their
 * order.
 *
 * <p>Memory ordering: plain fields. Only the process's owner reads or changes them (see {@link Relations}); the
 * signals carrying the other side's moves are immutable and reach the owner through its inbound queue, whose push
 * and drain give the happens-before edge.
 */
final class Links {
    /** The state of an active link; an unlink in progress is its id, never 0. */
    private static final long ACTIVE = 0L;

    private final Map<Pid, Long> states = new LinkedHashMap<>(4);
    /** The last unlink id this process used: unique among its unacknowledged unlinks, as ids only grow. */
    private long lastUnlinkId;

    /** This process links to {@code other}: true when a LINK must be sent (there was no active link). */
    boolean linkSent(Pid other) {
        Long old = states.put(other, ACTIVE);
        return old == null || old != ACTIVE;
    }

    /** A LINK from {@code from}: a new active link unless there is state for it already. */
    void linkReceived(Pid from) {
        states.putIfAbsent(from, ACTIVE);
    }

    /** Both sides set up at once (spawn_link, before the child runs): active. */
    void activate(Pid other) {
        states.put(other, ACTIVE);
    }

    /** A LINK that could not be delivered (the peer is gone) and is not reported: no state is left. */
    void forget(Pid other) {
        states.remove(other);
    }

    /**
     * This process unlinks {@code other}: the id for the UNLINK_ID to send, or 0 when there is no active link (and
     * nothing to send).
     */
    long unlink(Pid other) {
        Long s = states.get(other);
        if (s == null || s != ACTIVE) {
            return 0L;
        }
        long id = ++lastUnlinkId;
        states.put(other, id);
        return id;
    }

    /** An UNLINK_ID from {@code from}: an active link goes; an unlink of this process's own stays in place. */
    void unlinkReceived(Pid from) {
        Long s = states.get(from);
        if (s != null && s == ACTIVE) {
            states.remove(from);
        }
    }

    /** An UNLINK_ID_ACK from {@code from}: ends this process's unlink only if it is the one acknowledged. */
    void ackReceived(Pid from, long id) {
        Long s = states.get(from);
        if (s != null && s == id) {
            states.remove(from);
        }
    }

    /** An exit signal through the link with {@code from}: true when the link was active. The state goes. */
    boolean exitReceived(Pid from) {
        Long s = states.remove(from);
        return s != null && s == ACTIVE;
    }

    boolean isActive(Pid other) {
        Long s = states.get(other);
        return s != null && s == ACTIVE;
    }

    /** The peers of the active links, in the order they were linked. */
    List<Pid> active() {
        List<Pid> out = new ArrayList<>(states.size());
        for (Map.Entry<Pid, Long> e : states.entrySet()) {
            if (e.getValue() == ACTIVE) out.add(e.getKey());
        }
        return out;
    }

    void clear() {
        states.clear();
    }
}
