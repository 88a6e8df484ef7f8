package io.jbeam.bench.peer.savina;

import io.jbeam.bench.peer.VirtualThreads;

/** Savina's PingPong with virtual threads: the shape of {@code io.jbeam.bench.woven.savina.PingPong}. */
final class VtPingPong {
    private static final Object PONG = "pong";
    private static final Object STOP = "stop";

    private VtPingPong() {
    }

    static Runnable main(VirtualThreads vt, int pings, QueueMailbox result) {
        return () -> {
            QueueMailbox self = new QueueMailbox();
            QueueMailbox ponger = new QueueMailbox();
            vt.start(ponger(ponger));
            long pongs = 0;
            for (int i = 0; i < pings; i++) {
                ponger.send(self);
                if (self.receive() == PONG) {
                    pongs++;
                }
            }
            ponger.send(STOP);
            result.send(pongs);
        };
    }

    private static Runnable ponger(QueueMailbox self) {
        return () -> {
            while (true) {
                Object m = self.receive();
                if (m == STOP) {
                    return;
                }
                ((QueueMailbox) m).send(PONG);
            }
        };
    }
}
