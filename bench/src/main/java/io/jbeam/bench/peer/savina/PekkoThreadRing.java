package io.jbeam.bench.peer.savina;

import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;

/** Savina's ThreadRing with Pekko classic actors: the shape of {@code io.jbeam.bench.woven.savina.ThreadRing}. */
final class PekkoThreadRing {
    private PekkoThreadRing() {
    }

    /** The exit message going round the ring: nodes still to end, passes counted so far. */
    private record Exit(int left, long total) {
    }

    static Props main(int actors, int passes, CompletableFuture<Long> result) {
        return Props.create(Main.class, () -> new Main(actors, passes, result));
    }

    /** Builds the ring and starts the token as it starts; completes the result with the total it gets back. */
    static final class Main extends AbstractActor {
        private final int actors;
        private final int passes;
        private final CompletableFuture<Long> result;

        Main(int actors, int passes, CompletableFuture<Long> result) {
            this.actors = actors;
            this.passes = passes;
            this.result = result;
        }

        @Override
        public void preStart() {
            ActorRef self = getSelf();
            Props node = Props.create(Node.class, () -> new Node(actors, self));
            ActorRef[] ring = new ActorRef[actors];
            for (int i = 0; i < actors; i++) {
                ring[i] = getContext().actorOf(node);
            }
            for (int i = 0; i < actors; i++) {
                ring[i].tell(ring[(i + 1) % actors], ActorRef.noSender());
            }
            ring[0].tell(passes, ActorRef.noSender());
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                result.complete((Long) m);
                getContext().stop(getSelf());
            }).build();
        }
    }

    /** A ring node: first its successor, then the token and the exit round. */
    static final class Node extends AbstractActor {
        private final int actors;
        private final ActorRef main;
        private ActorRef next;
        private long passed;

        Node(int actors, ActorRef main) {
            this.actors = actors;
            this.main = main;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                if (m instanceof Integer) {
                    int left = (Integer) m;
                    if (left > 0) {
                        next.tell(left - 1, ActorRef.noSender());
                        passed++;
                    } else {
                        next.tell(new Exit(actors, 0L), ActorRef.noSender());
                    }
                } else if (m instanceof Exit) {
                    Exit exit = (Exit) m;
                    long total = exit.total() + passed;
                    if (exit.left() > 1) {
                        next.tell(new Exit(exit.left() - 1, total), ActorRef.noSender());
                    } else {
                        main.tell(total, ActorRef.noSender());
                    }
                    getContext().stop(getSelf());
                } else {
                    next = (ActorRef) m;
                }
            }).build();
        }
    }
}
