package io.jbeam.bench.peer;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.LinkedTransferQueue;
import java.util.function.Predicate;

/**
 * A mailbox with Erlang's selective receive, for threads: any thread sends into an unbounded inbound queue; the one
 * owner thread receives. {@link #receive} returns the oldest message the pattern accepts and leaves the others in
 * order: it scans the messages set aside by earlier receives first (oldest first), then takes from the inbound queue,
 * setting aside each message that does not match, and blocks when the inbound queue is empty.
 *
 * <p>So a fresh receive scans everything set aside, as a fresh Erlang receive scans the whole queue; a receive that
 * blocks looks only at what arrives after. There is no equivalent of Erlang's receive marker for a fresh reference.
 *
 * <p>Memory ordering: the inbound queue is a {@link LinkedTransferQueue} (any thread); {@link #saved} is plain,
 * touched by the owner only.
 */
public final class SelectiveMailbox {
    private final LinkedTransferQueue<Object> inbound = new LinkedTransferQueue<>();
    /** Owner only: messages that did not match a receive yet, oldest first. */
    private final ArrayDeque<Object> saved = new ArrayDeque<>();

    /** Any thread: appends a message; never blocks. */
    public void send(Object message) {
        inbound.put(message);
    }

    /** Owner: the oldest message {@code match} accepts, blocking until one arrives. */
    public Object receive(Predicate<Object> match) throws InterruptedException {
        for (Iterator<Object> it = saved.iterator(); it.hasNext(); ) {
            Object m = it.next();
            if (match.test(m)) {
                it.remove();
                return m;
            }
        }
        while (true) {
            Object m = inbound.take();
            if (match.test(m)) {
                return m;
            }
            saved.addLast(m);
        }
    }

    /** Owner (or any thread once the owner has ended): messages queued, set aside or still inbound. */
    public int size() {
        return saved.size() + inbound.size();
    }
}
