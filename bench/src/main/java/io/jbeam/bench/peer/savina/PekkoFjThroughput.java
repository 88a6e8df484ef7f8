package io.jbeam.bench.peer.savina;

import io.jbeam.bench.savina.SavinaWork;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;

/**
 * Savina's fork-join throughput with Pekko classic actors: the shape of
 * {@code io.jbeam.bench.woven.savina.FjThroughput}.
 */
final class PekkoFjThroughput {
    private static final Object WORK = "work";

    private PekkoFjThroughput() {
    }

    static Props main(int actors, int messages, CompletableFuture<Long> result) {
        return Props.create(Sender.class, () -> new Sender(actors, messages, result));
    }

    /** Starts the workers and sends them all their messages as it starts; adds up what they report. */
    static final class Sender extends AbstractActor {
        private final int actors;
        private final int messages;
        private final CompletableFuture<Long> result;
        private int reported;
        private long processed;

        Sender(int actors, int messages, CompletableFuture<Long> result) {
            this.actors = actors;
            this.messages = messages;
            this.result = result;
        }

        @Override
        public void preStart() {
            ActorRef self = getSelf();
            Props worker = Props.create(Worker.class, () -> new Worker(messages, self));
            ActorRef[] workers = new ActorRef[actors];
            for (int a = 0; a < actors; a++) {
                workers[a] = getContext().actorOf(worker);
            }
            for (int m = 0; m < messages; m++) {
                for (ActorRef w : workers) {
                    w.tell(WORK, ActorRef.noSender());
                }
            }
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                processed += (Long) m;
                if (++reported == actors) {
                    result.complete(processed);
                    getContext().stop(getSelf());
                }
            }).build();
        }
    }

    /** Does the computation for each message; after {@code messages}, reports the count and stops. */
    static final class Worker extends AbstractActor {
        private final int messages;
        private final ActorRef parent;
        private long processed;

        Worker(int messages, ActorRef parent) {
            this.messages = messages;
            this.parent = parent;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                SavinaWork.compute();
                if (++processed == messages) {
                    parent.tell(processed, ActorRef.noSender());
                    getContext().stop(getSelf());
                }
            }).build();
        }
    }
}
