package io.jbeam.bench.peer.savina;

import io.jbeam.bench.peer.VirtualThreads;
import io.jbeam.bench.savina.SavinaWork;

/**
 * Savina's fork-join throughput with virtual threads: the shape of {@code io.jbeam.bench.woven.savina.FjThroughput}.
 */
final class VtFjThroughput {
    private static final Object WORK = "work";

    private VtFjThroughput() {
    }

    static Runnable main(VirtualThreads vt, int actors, int messages, QueueMailbox result) {
        return () -> {
            QueueMailbox self = new QueueMailbox();
            QueueMailbox[] workers = new QueueMailbox[actors];
            for (int a = 0; a < actors; a++) {
                workers[a] = new QueueMailbox();
                vt.start(worker(workers[a], messages, self));
            }
            for (int m = 0; m < messages; m++) {
                for (QueueMailbox w : workers) {
                    w.send(WORK);
                }
            }
            long processed = 0;
            for (int a = 0; a < actors; a++) {
                processed += (Long) self.receive();
            }
            result.send(processed);
        };
    }

    private static Runnable worker(QueueMailbox self, int messages, QueueMailbox parent) {
        return () -> {
            long processed = 0;
            while (processed < messages) {
                self.receive();
                SavinaWork.compute();
                processed++;
            }
            parent.send(processed);
        };
    }
}
