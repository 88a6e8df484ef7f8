package io.jbeam.bench.peer.savina;

import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;

/** Savina's Counting with Pekko classic actors: the shape of {@code io.jbeam.bench.woven.savina.Counting}. */
final class PekkoCounting {
    private static final Object INCREMENT = "increment";

    private PekkoCounting() {
    }

    static Props main(int increments, CompletableFuture<Long> result) {
        return Props.create(Producer.class, () -> new Producer(increments, result));
    }

    /** Sends the increments and the request as it starts; completes the result with the count it gets back. */
    static final class Producer extends AbstractActor {
        private final int increments;
        private final CompletableFuture<Long> result;

        Producer(int increments, CompletableFuture<Long> result) {
            this.increments = increments;
            this.result = result;
        }

        @Override
        public void preStart() {
            ActorRef counter = getContext().actorOf(Props.create(Counter.class, Counter::new));
            for (int i = 0; i < increments; i++) {
                counter.tell(INCREMENT, ActorRef.noSender());
            }
            counter.tell(getSelf(), ActorRef.noSender());
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                result.complete((Long) m);
                getContext().stop(getSelf());
            }).build();
        }
    }

    /** Counts increments until a ref arrives, sends it the count and stops. */
    static final class Counter extends AbstractActor {
        private long count;

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                if (m == INCREMENT) {
                    count++;
                } else {
                    ((ActorRef) m).tell(count, ActorRef.noSender());
                    getContext().stop(getSelf());
                }
            }).build();
        }
    }
}
