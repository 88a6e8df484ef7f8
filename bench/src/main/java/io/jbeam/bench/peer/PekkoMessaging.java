package io.jbeam.bench.peer;

import java.util.concurrent.BlockingQueue;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;

/**
 * The messaging benchmarks' programs with Apache Pekko classic actors: the same echo, pinger and ring as
 * {@code io.jbeam.bench.woven.Messaging}. An actor answers the sender of a ping, as Pekko code does; the benchmark
 * thread, which is no actor, gets its answers through a queue ({@link ReplyTo}).
 */
public final class PekkoMessaging {
    public static final Object PING = "ping";
    public static final Object PONG = "pong";
    public static final Object DONE = "done";

    private PekkoMessaging() {
    }

    /** A ping from a plain thread: the echo puts its {@link #PONG} into {@link #box}. Made once, sent many times. */
    public static final class ReplyTo {
        final BlockingQueue<Object> box;

        public ReplyTo(BlockingQueue<Object> box) {
            this.box = box;
        }
    }

    /** An actor that answers every ping with {@link #PONG}. */
    public static ActorRef echo(ActorSystem system) {
        return system.actorOf(Props.create(Echo.class, Echo::new));
    }

    /** A new actor: {@code rounds} round trips to {@code echo}, then {@link #DONE} into {@code parent}, and it stops. */
    public static void pinger(ActorSystem system, ActorRef echo, int rounds, BlockingQueue<Object> parent) {
        system.actorOf(Props.create(Pinger.class, () -> new Pinger(echo, rounds, parent)));
    }

    /**
     * {@code n} ring nodes, each told its successor (node i sends to node i + 1, the last to the first). A node passes
     * every token (an Integer, the hops left) on with one hop less; the node that receives 0 puts {@link #DONE} into
     * {@code parent}.
     */
    public static ActorRef[] ring(ActorSystem system, int n, BlockingQueue<Object> parent) {
        ActorRef[] nodes = new ActorRef[n];
        for (int i = 0; i < n; i++) {
            nodes[i] = system.actorOf(Props.create(RingNode.class, () -> new RingNode(parent)));
        }
        for (int i = 0; i < n; i++) {
            nodes[i].tell(nodes[(i + 1) % n], ActorRef.noSender());
        }
        return nodes;
    }

    static final class Echo extends AbstractActor {
        @Override
        public Receive createReceive() {
            return receiveBuilder()
                    .match(ReplyTo.class, r -> r.box.offer(PONG))
                    .matchAny(m -> getSender().tell(PONG, getSelf()))
                    .build();
        }
    }

    static final class Pinger extends AbstractActor {
        private final ActorRef echo;
        private final int rounds;
        private final BlockingQueue<Object> parent;
        private int done;

        Pinger(ActorRef echo, int rounds, BlockingQueue<Object> parent) {
            this.echo = echo;
            this.rounds = rounds;
            this.parent = parent;
        }

        @Override
        public void preStart() {
            echo.tell(PING, getSelf());
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(pong -> {
                if (++done < rounds) {
                    echo.tell(PING, getSelf());
                } else {
                    parent.offer(DONE);
                    getContext().stop(getSelf());
                }
            }).build();
        }
    }

    static final class RingNode extends AbstractActor {
        private final BlockingQueue<Object> parent;
        private ActorRef next;

        RingNode(BlockingQueue<Object> parent) {
            this.parent = parent;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder()
                    .match(Integer.class, left -> {
                        if (left == 0) {
                            parent.offer(DONE);
                        } else {
                            next.tell(left - 1, getSelf());
                        }
                    })
                    .match(ActorRef.class, n -> next = n)
                    .build();
        }
    }
}
