package io.jbeam.bench.peer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;

/**
 * The messaging benchmarks' peer: the same programs as {@code io.jbeam.bench.woven.Messaging} with a virtual thread
 * per process and a {@link LinkedTransferQueue} per mailbox (an unbounded queue: a send never blocks, as in Erlang).
 */
public final class QueueActors {
    public static final Object PONG = "pong";
    public static final Object DONE = "done";
    public static final Object STOP = "stop";

    private final VirtualThreads threads = new VirtualThreads();

    public static BlockingQueue<Object> mailbox() {
        return new LinkedTransferQueue<>();
    }

    /** Answers every queue it receives with {@link #PONG}, until a message that is not a queue. */
    @SuppressWarnings("unchecked")
    public void echo(BlockingQueue<Object> in) {
        threads.start(() -> {
            try {
                while (true) {
                    Object m = in.take();
                    if (!(m instanceof BlockingQueue)) {
                        return;
                    }
                    ((BlockingQueue<Object>) m).put(PONG);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** {@code rounds} round trips from a new virtual thread to {@code echo}, then {@link #DONE} to {@code parent}. */
    public void pinger(BlockingQueue<Object> echo, int rounds, BlockingQueue<Object> parent) {
        threads.start(() -> {
            try {
                BlockingQueue<Object> self = mailbox();
                for (int i = 0; i < rounds; i++) {
                    echo.put(self);
                    self.take();
                }
                parent.put(DONE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** {@code n} ring nodes; returns their mailboxes (node i sends to node i + 1, the last to the first). */
    public BlockingQueue<Object>[] ring(int n, BlockingQueue<Object> parent) {
        @SuppressWarnings("unchecked")
        BlockingQueue<Object>[] boxes = new BlockingQueue[n];
        for (int i = 0; i < n; i++) {
            boxes[i] = mailbox();
        }
        for (int i = 0; i < n; i++) {
            BlockingQueue<Object> in = boxes[i];
            BlockingQueue<Object> next = boxes[(i + 1) % n];
            threads.start(() -> {
                try {
                    while (true) {
                        Object m = in.take();
                        if (!(m instanceof Integer)) {
                            return;
                        }
                        int left = (Integer) m;
                        if (left == 0) {
                            parent.put(DONE);
                        } else {
                            next.put(left - 1);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        return boxes;
    }
}
