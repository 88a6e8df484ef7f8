package io.jbeam.bench.peer.savina;

import io.jbeam.bench.peer.VirtualThreads;

/** Skynet with virtual threads: the shape of {@code io.jbeam.bench.woven.savina.Skynet}. */
final class VtSkynet {
    private static final int WIDTH = 10;

    private VtSkynet() {
    }

    static Runnable main(VirtualThreads vt, int leaves, QueueMailbox result) {
        return node(vt, 0, leaves, result);
    }

    private static Runnable node(VirtualThreads vt, long first, int size, QueueMailbox parent) {
        return () -> {
            if (size == 1) {
                parent.send(first);
                return;
            }
            QueueMailbox self = new QueueMailbox();
            int part = size / WIDTH;
            for (int i = 0; i < WIDTH; i++) {
                vt.start(node(vt, first + (long) i * part, part, self));
            }
            long sum = 0;
            for (int i = 0; i < WIDTH; i++) {
                sum += (Long) self.receive();
            }
            parent.send(sum);
        };
    }
}
