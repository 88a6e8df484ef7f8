package io.jbeam.bench.peer.savina;

import io.jbeam.bench.savina.SavinaWork;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;

/** Savina's fork-join create with Pekko classic actors: the shape of {@code io.jbeam.bench.woven.savina.FjCreate}. */
final class PekkoFjCreate {
    private static final Object WORK = "work";
    private static final Object DONE = "done";

    private PekkoFjCreate() {
    }

    static Props main(int actors, CompletableFuture<Long> result) {
        return Props.create(Forker.class, () -> new Forker(actors, result));
    }

    /** Creates the workers as it starts, sending each its message; counts the ones that are done. */
    static final class Forker extends AbstractActor {
        private final int actors;
        private final CompletableFuture<Long> result;
        private long done;

        Forker(int actors, CompletableFuture<Long> result) {
            this.actors = actors;
            this.result = result;
        }

        @Override
        public void preStart() {
            ActorRef self = getSelf();
            Props worker = Props.create(Worker.class, () -> new Worker(self));
            for (int i = 0; i < actors; i++) {
                getContext().actorOf(worker).tell(WORK, ActorRef.noSender());
            }
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                if (m == DONE && ++done == actors) {
                    result.complete(done);
                    getContext().stop(getSelf());
                }
            }).build();
        }
    }

    /** Does the computation for its one message, says it is done and stops. */
    static final class Worker extends AbstractActor {
        private final ActorRef parent;

        Worker(ActorRef parent) {
            this.parent = parent;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                SavinaWork.compute();
                parent.tell(DONE, ActorRef.noSender());
                getContext().stop(getSelf());
            }).build();
        }
    }
}
