package io.jbeam.bench.peer.savina;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;

/**
 * The mailbox of a virtual-thread actor: an unbounded {@link LinkedTransferQueue}, so that a send never blocks (as in
 * Erlang) and a receive parks the virtual thread until a message is there. An interrupt is not part of any program
 * here, so a receive that is interrupted fails.
 */
public final class QueueMailbox {
    private final BlockingQueue<Object> queue = new LinkedTransferQueue<>();

    /** Queues {@code message}; never blocks. */
    public void send(Object message) {
        queue.add(message);
    }

    /** The oldest message, waiting for one if there is none. */
    public Object receive() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in receive", e);
        }
    }

    /** The oldest message, waiting at most {@code millis} for one; null if none came. */
    public Object receive(long millis) {
        try {
            return queue.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in receive", e);
        }
    }
}
