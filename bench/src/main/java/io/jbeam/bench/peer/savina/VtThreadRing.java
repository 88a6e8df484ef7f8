package io.jbeam.bench.peer.savina;

import io.jbeam.bench.peer.VirtualThreads;

/** Savina's ThreadRing with virtual threads: the shape of {@code io.jbeam.bench.woven.savina.ThreadRing}. */
final class VtThreadRing {
    private VtThreadRing() {
    }

    /** The exit message going round the ring: nodes still to end, passes counted so far. */
    private record Exit(int left, long total) {
    }

    static Runnable main(VirtualThreads vt, int actors, int passes, QueueMailbox result) {
        return () -> {
            QueueMailbox self = new QueueMailbox();
            QueueMailbox[] ring = new QueueMailbox[actors];
            for (int i = 0; i < actors; i++) {
                ring[i] = new QueueMailbox();
                vt.start(node(ring[i], actors, self));
            }
            for (int i = 0; i < actors; i++) {
                ring[i].send(ring[(i + 1) % actors]);
            }
            ring[0].send(passes);
            result.send(self.receive());
        };
    }

    private static Runnable node(QueueMailbox self, int actors, QueueMailbox main) {
        return () -> {
            QueueMailbox next = (QueueMailbox) self.receive();
            long passed = 0;
            while (true) {
                Object m = self.receive();
                if (m instanceof Integer) {
                    int left = (Integer) m;
                    if (left > 0) {
                        next.send(left - 1);
                        passed++;
                    } else {
                        next.send(new Exit(actors, 0L));
                    }
                } else {
                    Exit exit = (Exit) m;
                    long total = exit.total() + passed;
                    if (exit.left() > 1) {
                        next.send(new Exit(exit.left() - 1, total));
                    } else {
                        main.send(total);
                    }
                    return;
                }
            }
        };
    }
}
