package io.jbeam.bench.peer;

import java.util.concurrent.BlockingQueue;

/**
 * The ring benchmark's program with a virtual thread per node and a {@code LinkedTransferQueue} per mailbox (JDK
 * 21+): the same nodes as {@code io.jbeam.bench.woven.Rings}. A queue exists before its thread, so the ring closes
 * without the message that tells a jbeam or Erlang node its successor.
 */
public final class QueueRing {
    private final VirtualThreads threads = new VirtualThreads();

    /**
     * Starts {@code n} nodes that each pass the token {@code laps} times per run (once: then end), the last pass of
     * the last node to {@code parent}; returns their mailboxes, the token goes into the first.
     */
    public BlockingQueue<Object>[] build(int n, int laps, boolean once, BlockingQueue<Object> parent) {
        @SuppressWarnings("unchecked")
        BlockingQueue<Object>[] boxes = new BlockingQueue[n];
        for (int i = 0; i < n; i++) {
            boxes[i] = QueueActors.mailbox();
        }
        for (int i = 0; i < n; i++) {
            BlockingQueue<Object> in = boxes[i];
            BlockingQueue<Object> next = boxes[(i + 1) % n];
            BlockingQueue<Object> exit = i == n - 1 ? parent : next;
            threads.start(() -> pass(in, next, exit, laps, once));
        }
        return boxes;
    }

    private static void pass(BlockingQueue<Object> in, BlockingQueue<Object> next, BlockingQueue<Object> exit,
                             int laps, boolean once) {
        try {
            do {
                for (int lap = 1; lap <= laps; lap++) {
                    Object m = in.take();
                    if (!(m instanceof Integer)) {
                        return;
                    }
                    (lap == laps ? exit : next).put((Integer) m + 1);
                }
            } while (!once);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
