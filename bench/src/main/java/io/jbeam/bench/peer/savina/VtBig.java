package io.jbeam.bench.peer.savina;

import io.jbeam.bench.peer.VirtualThreads;
import io.jbeam.bench.savina.SavinaRandom;

/** Savina's Big with virtual threads: the shape of {@code io.jbeam.bench.woven.savina.Big}. */
final class VtBig {
    private static final Object EXIT = "exit";
    private static final Pong START = new Pong(-1);

    private VtBig() {
    }

    private record Ping(int from) {
    }

    private record Pong(int from) {
    }

    /** The mailboxes of all actors, index by index. */
    private record Neighbours(QueueMailbox[] boxes) {
    }

    static Runnable main(VirtualThreads vt, int actors, int pings, QueueMailbox result) {
        return () -> {
            QueueMailbox self = new QueueMailbox();
            QueueMailbox sink = new QueueMailbox();
            vt.start(sink(sink, actors, self));
            QueueMailbox[] boxes = new QueueMailbox[actors];
            for (int i = 0; i < actors; i++) {
                boxes[i] = new QueueMailbox();
                vt.start(actor(boxes[i], i, actors, pings, sink));
            }
            Neighbours neighbours = new Neighbours(boxes);
            sink.send(neighbours);
            for (QueueMailbox b : boxes) {
                b.send(neighbours);
            }
            for (QueueMailbox b : boxes) {
                b.send(START);
            }
            result.send(self.receive());
        };
    }

    private static Runnable actor(QueueMailbox self, int index, int actors, int pings, QueueMailbox sink) {
        return () -> {
            QueueMailbox[] neighbours = ((Neighbours) self.receive()).boxes();
            SavinaRandom random = new SavinaRandom(index);
            Ping myPing = new Ping(index);
            Pong myPong = new Pong(index);
            int sent = 0;
            int pinged = -1;
            while (true) {
                Object m = self.receive();
                if (m == EXIT) {
                    return;
                }
                if (m instanceof Ping) {
                    neighbours[((Ping) m).from()].send(myPong);
                    continue;
                }
                int from = ((Pong) m).from();
                if (from != pinged) {
                    throw new IllegalStateException("actor " + index + " pinged " + pinged + " but got a pong from "
                            + from);
                } else if (sent == pings) {
                    sink.send((long) sent);
                } else {
                    pinged = random.nextInt(actors);
                    neighbours[pinged].send(myPing);
                    sent++;
                }
            }
        };
    }

    private static Runnable sink(QueueMailbox self, int actors, QueueMailbox main) {
        return () -> {
            QueueMailbox[] neighbours = ((Neighbours) self.receive()).boxes();
            long total = 0;
            for (int i = 0; i < actors; i++) {
                total += (Long) self.receive();
            }
            for (QueueMailbox b : neighbours) {
                b.send(EXIT);
            }
            main.send(total);
        };
    }
}
