package io.jbeam.scheduler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Predicate;

/**
 * A process's message queue: a lock-free multi-producer inbound stack, and a private FIFO queue only the owner
 * touches.
 *
 * <p>Senders push onto the inbound stack with a CAS (lock-free, never blocks). The owner takes the whole stack with
 * one getAndSet, reverses it (the stack holds newest first) and appends it to its private queue. Two messages from
 * one sender were pushed in send order, so after the reversal they keep it; across senders the order is the order
 * of their CASes, which is all Erlang promises. The mailbox needs no stub node, so an idle, empty mailbox is one
 * object with five references.
 *
 * <p>Selective receive scans the private queue from the oldest message; {@link #scanned} remembers the last message
 * already rejected by the current receive, so that a receive woken again scans only what arrived since.
 *
 * <p>Memory ordering: {@link #inbound} is CAS (senders) / getAndSet (owner) / volatile read (wake-up checks). Every
 * other field is plain and owned by the process's running thread.
 */
final class Mailbox {
    private static final VarHandle INBOUND;

    static {
        try {
            INBOUND = MethodHandles.lookup().findVarHandle(Mailbox.class, "inbound", MessageNode.class);
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

    /** Newest first. CAS by senders, getAndSet by the owner. */
    @SuppressWarnings("unused") // through INBOUND
    private volatile MessageNode inbound;

    /** Private queue, oldest first. Plain: owner only. */
    private MessageNode head;
    private MessageNode tail;
    /** The last node the current receive has rejected; null means scan from {@link #head}. Plain: owner only. */
    private MessageNode scanned;
    /** Messages in the private queue. Plain: owner only (other threads read it racily for statistics). */
    private int privateCount;

    /** Any thread: appends a message. Lock-free. */
    void push(Object message) {
        MessageNode node = new MessageNode(message);
        MessageNode top;
        do {
            top = (MessageNode) INBOUND.getVolatile(this);
            node.next = top;
        } while (!INBOUND.compareAndSet(this, top, node));
    }

    /** Any thread: true when messages wait in the inbound stack (volatile read). */
    boolean hasInbound() {
        return INBOUND.getVolatile(this) != null;
    }

    /** Owner: starts a new receive, which scans from the oldest message. */
    void startScan() {
        scanned = null;
    }

    /**
     * Owner: removes and returns the oldest message not yet scanned by this receive that {@code match} accepts (any
     * message when null), or {@link #NO_MATCH}. Rejected messages stay in order and are not scanned again by this
     * receive. The predicate is user code: it may throw, leaving the queue as it was.
     */
    Object take(Predicate<Object> match) {
        drainInbound();
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

    /** Owner: messages queued (private queue after draining). */
    int size() {
        drainInbound();
        return privateCount;
    }

    /** Owner: drops every message (the process exits). */
    void clear() {
        INBOUND.getAndSet(this, (MessageNode) null);
        head = tail = scanned = null;
        privateCount = 0;
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

    private void drainInbound() {
        if (INBOUND.getVolatile(this) == null) {
            return;
        }
        MessageNode newest = (MessageNode) INBOUND.getAndSet(this, (MessageNode) null);
        // Reverse newest-first into oldest-first.
        MessageNode reversed = null;
        MessageNode last = newest;
        int n = 0;
        for (MessageNode node = newest; node != null; ) {
            MessageNode next = node.next;
            node.next = reversed;
            reversed = node;
            node = next;
            n++;
        }
        if (tail == null) {
            head = reversed;
        } else {
            tail.next = reversed;
        }
        tail = last;
        privateCount += n;
    }
}
