package io.jbeam.scheduler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A process's inbound queue and message queue: a lock-free multi-producer inbound stack that carries messages and
 * control signals alike, and a private FIFO queue of messages only the owner touches.
 *
 * <p>Senders push onto the inbound stack with a CAS (lock-free, never blocks). The owner takes the whole stack with
 * one CAS, reverses it (the stack holds newest first) and walks it oldest first: messages go to the private queue,
 * signals are acted on in that same order ({@link #drainInbound}). Two entries from one sender were pushed in send
 * order, so after the reversal they keep it; across senders the order is the order of their CASes, which is all
 * Erlang promises. The mailbox needs no stub node, so an idle, empty mailbox is one object.
 *
 * <p>When the process exits, its owner swaps in {@link #CLOSED}: a later push fails, so the sender knows at once
 * that the receiver is gone and answers the signal itself (a LINK gets its EXIT noproc, a MONITOR its DOWN noproc).
 * What was still queued at closing is handed to the exit path, which answers the same way.
 *
 * <p>{@link #pendingSignals} counts control signals pushed and not yet acted on: a sender increments it before its
 * push, the owner decrements it after acting. Zero means that every signal anyone sent before has been handled,
 * which lets {@code is_process_alive} answer without a round trip, and lets a scheduler skip the drain at a slice
 * boundary.
 *
 * <p>Selective receive scans the private queue from the oldest message; {@link #scanned} remembers the last message
 * already rejected by the current receive, so that a receive woken again scans only what arrived since.
 *
 * <p>Memory ordering: {@link #inbound} is CAS (senders, owner) / volatile read (wake-up checks);
 * {@link #pendingSignals} is an atomic counter (getAndAdd). Every other field is plain and owned by the process's
 * running thread.
 */
final class Mailbox {
    private static final VarHandle INBOUND;
    private static final VarHandle PENDING;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            INBOUND = l.findVarHandle(Mailbox.class, "inbound", MessageNode.class);
            PENDING = l.findVarHandle(Mailbox.class, "pendingSignals", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Returned by {@link #take} when no message matched. */
    static final Object NO_MATCH = new Object() {
        @Override
        public String toString() {
            return "NO_MATCH";
        }
    };

    /** The inbound stack of an exited process: pushes fail. */
    private static final MessageNode CLOSED = new MessageNode(null);

    /** Newest first. CAS by senders and by the owner. */
    @SuppressWarnings("unused") // through INBOUND
    private volatile MessageNode inbound;
    /** Signals pushed and not yet handled. Atomic (getAndAdd). */
    @SuppressWarnings("unused") // through PENDING
    private volatile int pendingSignals;

    /** Private queue, oldest first. Plain: owner only. */
    private MessageNode head;
    private MessageNode tail;
    /** The last node the current receive has rejected; null means scan from {@link #head}. Plain: owner only. */
    private MessageNode scanned;
    /** Messages in the private queue. Plain: owner only (other threads read it racily for statistics). */
    private int privateCount;
    /** What followed a fatal signal in the inbound queue: answered by the exit path. Plain: owner only. */
    private MessageNode afterFatal;

    /** Any thread: appends a message. Lock-free. False when the process has exited (the message is dropped). */
    boolean push(Object message) {
        return push(new MessageNode(message));
    }

    /** Any thread: appends a node. Lock-free. False when the process has exited. */
    boolean push(MessageNode node) {
        MessageNode top;
        do {
            top = (MessageNode) INBOUND.getVolatile(this);
            if (top == CLOSED) {
                return false;
            }
            node.next = top;
        } while (!INBOUND.compareAndSet(this, top, node));
        return true;
    }

    /** Any thread: a signal is about to be pushed (before the push, so the count never under-reports). */
    void signalComing() {
        PENDING.getAndAdd(this, 1);
    }

    /** Owner (or a sender whose push failed): a signal counted by {@link #signalComing} is done with. */
    void signalDone() {
        PENDING.getAndAdd(this, -1);
    }

    /** Any thread: true when some signal sent has not been handled yet (volatile read). */
    boolean signalsPending() {
        return (int) PENDING.getVolatile(this) > 0;
    }

    /** Any thread: true when entries wait in the inbound stack (volatile read). */
    boolean hasInbound() {
        Object top = INBOUND.getVolatile(this);
        return top != null && top != CLOSED;
    }

    /**
     * Owner: moves the inbound stack into the private queue, acting on signals in order for {@code owner} (null: a
     * bare mailbox, as in tests, where every entry is a message). Returns false, and stops right after the signal,
     * when a signal decided that the owner exits: what followed it is kept for the exit path, never seen as messages.
     */
    boolean drainInbound(ProcessControlBlock owner) {
        MessageNode node = takeInbound();
        while (node != null) {
            MessageNode next = node.next;
            node.next = null;
            if (node instanceof SignalNode && owner != null) {
                Object m = ((SignalNode) node).handle(owner);
                if (m != null) {
                    append(new MessageNode(m));
                }
                signalDone(); // after handle(): a decided exit is visible before the count drops
                if (owner.exitDecided()) {
                    afterFatal = concat(afterFatal, next);
                    return false;
                }
            } else {
                append(node);
            }
            node = next;
        }
        return true;
    }

    /** Owner: takes the inbound stack, oldest first; null when empty or closed. */
    private MessageNode takeInbound() {
        MessageNode top;
        do {
            top = (MessageNode) INBOUND.getVolatile(this);
            if (top == null || top == CLOSED) {
                return null;
            }
        } while (!INBOUND.compareAndSet(this, top, null));
        return reverse(top);
    }

    /**
     * Owner, on exit: closes the inbound queue and returns, oldest first, every entry not yet handled (what followed
     * a fatal signal, then what was still inbound), for the exit path to answer. Drops the private queue.
     */
    MessageNode close() {
        MessageNode top = (MessageNode) INBOUND.getAndSet(this, CLOSED);
        MessageNode rest = concat(afterFatal, top == CLOSED ? null : reverse(top));
        afterFatal = null;
        head = tail = scanned = null;
        privateCount = 0;
        return rest;
    }

    /** Owner: appends to the private queue. */
    private void append(MessageNode node) {
        if (tail == null) {
            head = node;
        } else {
            tail.next = node;
        }
        tail = node;
        privateCount++;
    }

    /** Owner: starts a new receive, which scans from the oldest message. */
    void startScan() {
        scanned = null;
    }

    /**
     * Owner: removes and returns the oldest message of the private queue not yet scanned by this receive that
     * {@code match} accepts (any message when null), or {@link #NO_MATCH}. Rejected messages stay in order and are
     * not scanned again by this receive. The predicate is user code: it may throw, leaving the queue as it was.
     * Callers drain the inbound queue first.
     */
    Object take(Predicate<Object> match) {
        MessageNode prev = scanned;
        MessageNode node = prev == null ? head : prev.next;
        while (node != null) {
            if (match == null || match.test(node.message)) {
                unlink(prev, node);
                scanned = null;
                return node.message;
            }
            prev = node;
            scanned = node; // advanced per node so that a throwing predicate does not rescan the ones before
            node = node.next;
        }
        return NO_MATCH;
    }

    /** Owner: removes every queued message {@code which} accepts (demonitor's flush). Returns how many. */
    int removeIf(Predicate<Object> which) {
        int n = 0;
        MessageNode prev = null;
        for (MessageNode node = head; node != null; ) {
            MessageNode next = node.next;
            if (which.test(node.message)) {
                if (scanned == node) scanned = prev;
                unlink(prev, node);
                n++;
            } else {
                prev = node;
            }
            node = next;
        }
        return n;
    }

    /** Owner: the queued messages, oldest first (process_info's messages). */
    List<Object> snapshot() {
        List<Object> out = new ArrayList<>(privateCount);
        for (MessageNode node = head; node != null; node = node.next) {
            out.add(node.message);
        }
        return out;
    }

    /** Owner: messages in the private queue (callers drain the inbound queue first). */
    int size() {
        return privateCount;
    }

    private void unlink(MessageNode prev, MessageNode node) {
        MessageNode next = node.next;
        if (prev == null) {
            head = next;
        } else {
            prev.next = next;
        }
        if (tail == node) {
            tail = prev;
        }
        node.next = null;
        privateCount--;
    }

    private static MessageNode reverse(MessageNode newest) {
        MessageNode reversed = null;
        for (MessageNode node = newest; node != null; ) {
            MessageNode next = node.next;
            node.next = reversed;
            reversed = node;
            node = next;
        }
        return reversed;
    }

    private static MessageNode concat(MessageNode first, MessageNode second) {
        if (first == null) return second;
        MessageNode last = first;
        while (last.next != null) last = last.next;
        last.next = second;
        return first;
    }
}
