package io.jbeam.bench.peer.savina;

import io.jbeam.bench.peer.VirtualThreads;

/** Savina's Counting with virtual threads: the shape of {@code io.jbeam.bench.woven.savina.Counting}. */
final class VtCounting {
    private static final Object INCREMENT = "increment";

    private VtCounting() {
    }

    static Runnable main(VirtualThreads vt, int increments, QueueMailbox result) {
        return () -> {
            QueueMailbox self = new QueueMailbox();
            QueueMailbox counter = new QueueMailbox();
            vt.start(counter(counter));
            for (int i = 0; i < increments; i++) {
                counter.send(INCREMENT);
            }
            counter.send(self);
            result.send(self.receive());
        };
    }

    private static Runnable counter(QueueMailbox self) {
        return () -> {
            long count = 0;
            while (true) {
                Object m = self.receive();
                if (m == INCREMENT) {
                    count++;
                } else {
                    ((QueueMailbox) m).send(count);
                    return;
                }
            }
        };
    }
}
