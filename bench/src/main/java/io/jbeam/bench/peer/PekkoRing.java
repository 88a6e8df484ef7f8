package io.jbeam.bench.peer;

import java.util.concurrent.BlockingQueue;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;

/**
 * The ring benchmark's program with Apache Pekko classic actors: the same nodes as {@code io.jbeam.bench.woven.Rings},
 * built the same way (from the last node back to the first, the last told the first's ref), each a top-level actor
 * of the system. A node made for one run stops itself after its last pass.
 */
public final class PekkoRing {
    private PekkoRing() {
    }

    /**
     * {@code n} nodes that each pass the token {@code laps} times per run, the last pass of the last node into
     * {@code parent}; the token goes to the first of the returned refs.
     */
    public static ActorRef[] build(ActorSystem system, int n, int laps, boolean once, BlockingQueue<Object> parent) {
        ActorRef[] nodes = new ActorRef[n];
        nodes[n - 1] = system.actorOf(Props.create(Node.class, () -> new Node(null, parent, laps, once)));
        for (int i = n - 2; i >= 0; i--) {
            ActorRef next = nodes[i + 1];
            nodes[i] = system.actorOf(Props.create(Node.class, () -> new Node(next, null, laps, once)));
        }
        nodes[n - 1].tell(nodes[0], ActorRef.noSender());
        return nodes;
    }

    /** A node; {@code exit} is set only in the last one, whose successor arrives as a message. */
    static final class Node extends AbstractActor {
        private final BlockingQueue<Object> exit;
        private final int laps;
        private final boolean once;
        private ActorRef next;
        private int lap;

        Node(ActorRef next, BlockingQueue<Object> exit, int laps, boolean once) {
            this.next = next;
            this.exit = exit;
            this.laps = laps;
            this.once = once;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder()
                    .match(Integer.class, this::pass)
                    .match(ActorRef.class, first -> next = first)
                    .build();
        }

        private void pass(Integer token) {
            Integer passed = token + 1;
            if (++lap < laps) {
                next.tell(passed, getSelf());
                return;
            }
            lap = 0;
            if (exit != null) {
                exit.offer(passed);
            } else {
                next.tell(passed, getSelf());
            }
            if (once) {
                getContext().stop(getSelf());
            }
        }
    }
}
