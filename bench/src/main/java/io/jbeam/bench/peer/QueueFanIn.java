package io.jbeam.bench.peer;

import java.util.concurrent.BlockingQueue;

/**
 * The fan-in benchmark's program with virtual threads and {@code LinkedTransferQueue} mailboxes (JDK 21+): the same
 * consumer and producers as {@code io.jbeam.bench.woven.FanIn}.
 */
public final class QueueFanIn {
    private final VirtualThreads threads = new VirtualThreads();

    /** Starts a consumer that sums {@code expected} Integers and puts the sum (a Long) into {@code parent}. */
    public BlockingQueue<Object> consumer(long expected, BlockingQueue<Object> parent) {
        BlockingQueue<Object> in = QueueActors.mailbox();
        threads.start(() -> {
            try {
                long sum = 0;
                for (long n = 0; n < expected; n++) {
                    sum += (Integer) in.take();
                }
                parent.put(sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return in;
    }

    /** Starts a producer that puts 1, 2, ..., {@code messages} into {@code consumer}. */
    public void producer(BlockingQueue<Object> consumer, int messages) {
        threads.start(() -> {
            try {
                for (int i = 1; i <= messages; i++) {
                    consumer.put(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
