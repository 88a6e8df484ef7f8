package io.jbeam.bench.peer.savina;

import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;

/** Savina's PingPong with Pekko classic actors: the shape of {@code io.jbeam.bench.woven.savina.PingPong}. */
final class PekkoPingPong {
    private static final Object PONG = "pong";
    private static final Object STOP = "stop";

    private PekkoPingPong() {
    }

    static Props main(int pings, CompletableFuture<Long> result) {
        return Props.create(Pinger.class, () -> new Pinger(pings, result));
    }

    /** Sends its own ref as the ping; on each pong, the next ping, or the count once all are answered. */
    static final class Pinger extends AbstractActor {
        private final int pings;
        private final CompletableFuture<Long> result;
        private ActorRef ponger;
        private int sent;
        private long pongs;

        Pinger(int pings, CompletableFuture<Long> result) {
            this.pings = pings;
            this.result = result;
        }

        @Override
        public void preStart() {
            ponger = getContext().actorOf(Props.create(Ponger.class, Ponger::new));
            ping();
        }

        private void ping() {
            ponger.tell(getSelf(), ActorRef.noSender());
            sent++;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                if (m == PONG) {
                    pongs++;
                }
                if (sent < pings) {
                    ping();
                } else {
                    ponger.tell(STOP, ActorRef.noSender());
                    result.complete(pongs);
                    getContext().stop(getSelf());
                }
            }).build();
        }
    }

    /** Answers every ref with a pong, until {@code stop}. */
    static final class Ponger extends AbstractActor {
        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                if (m == STOP) {
                    getContext().stop(getSelf());
                } else {
                    ((ActorRef) m).tell(PONG, ActorRef.noSender());
                }
            }).build();
        }
    }
}
