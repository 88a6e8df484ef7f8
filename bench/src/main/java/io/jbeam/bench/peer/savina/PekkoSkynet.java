package io.jbeam.bench.peer.savina;

import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;

/** Skynet with Pekko classic actors: the shape of {@code io.jbeam.bench.woven.savina.Skynet}. */
final class PekkoSkynet {
    private static final int WIDTH = 10;

    private PekkoSkynet() {
    }

    static Props main(int leaves, CompletableFuture<Long> result) {
        return Props.create(Node.class, () -> new Node(0, leaves, null, result));
    }

    /**
     * A node: a leaf sends its number to its parent and stops as it starts; an inner node creates its ten children as
     * it starts and sends their sum up once all have reported. The root has no parent: it completes the result.
     */
    static final class Node extends AbstractActor {
        private final long first;
        private final int size;
        private final ActorRef parent;
        private final CompletableFuture<Long> result;
        private int reported;
        private long sum;

        Node(long first, int size, ActorRef parent, CompletableFuture<Long> result) {
            this.first = first;
            this.size = size;
            this.parent = parent;
            this.result = result;
        }

        @Override
        public void preStart() {
            if (size == 1) {
                report(first);
                return;
            }
            ActorRef self = getSelf();
            int part = size / WIDTH;
            for (int i = 0; i < WIDTH; i++) {
                long childFirst = first + (long) i * part;
                getContext().actorOf(Props.create(Node.class, () -> new Node(childFirst, part, self, null)));
            }
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                sum += (Long) m;
                if (++reported == WIDTH) {
                    report(sum);
                }
            }).build();
        }

        private void report(long value) {
            if (parent == null) {
                result.complete(value);
            } else {
                parent.tell(value, ActorRef.noSender());
            }
            getContext().stop(getSelf());
        }
    }
}
