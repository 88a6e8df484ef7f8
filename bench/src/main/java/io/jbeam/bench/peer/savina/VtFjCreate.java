package io.jbeam.bench.peer.savina;

import io.jbeam.bench.peer.VirtualThreads;
import io.jbeam.bench.savina.SavinaWork;

/** Savina's fork-join create with virtual threads: the shape of {@code io.jbeam.bench.woven.savina.FjCreate}. */
final class VtFjCreate {
    private static final Object WORK = "work";
    private static final Object DONE = "done";

    private VtFjCreate() {
    }

    static Runnable main(VirtualThreads vt, int actors, QueueMailbox result) {
        return () -> {
            QueueMailbox self = new QueueMailbox();
            for (int i = 0; i < actors; i++) {
                QueueMailbox worker = new QueueMailbox();
                vt.start(worker(worker, self));
                worker.send(WORK);
            }
            long done = 0;
            for (int i = 0; i < actors; i++) {
                if (self.receive() == DONE) {
                    done++;
                }
            }
            result.send(done);
        };
    }

    private static Runnable worker(QueueMailbox self, QueueMailbox parent) {
        return () -> {
            self.receive();
            SavinaWork.compute();
            parent.send(DONE);
        };
    }
}
