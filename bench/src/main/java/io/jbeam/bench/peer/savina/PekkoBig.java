package io.jbeam.bench.peer.savina;

import io.jbeam.bench.savina.SavinaRandom;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;

/** Savina's Big with Pekko classic actors: the shape of {@code io.jbeam.bench.woven.savina.Big}. */
final class PekkoBig {
    private static final Object EXIT = "exit";
    private static final Pong START = new Pong(-1);

    private PekkoBig() {
    }

    private record Ping(int from) {
    }

    private record Pong(int from) {
    }

    /** The refs of all actors, index by index. */
    private record Neighbours(ActorRef[] refs) {
    }

    static Props main(int actors, int pings, CompletableFuture<Long> result) {
        return Props.create(Main.class, () -> new Main(actors, pings, result));
    }

    /** Starts the sink and the actors as it starts; completes the result with the sink's total. */
    static final class Main extends AbstractActor {
        private final int actors;
        private final int pings;
        private final CompletableFuture<Long> result;

        Main(int actors, int pings, CompletableFuture<Long> result) {
            this.actors = actors;
            this.pings = pings;
            this.result = result;
        }

        @Override
        public void preStart() {
            ActorRef self = getSelf();
            ActorRef sink = getContext().actorOf(Props.create(Sink.class, () -> new Sink(actors, self)));
            ActorRef[] refs = new ActorRef[actors];
            for (int i = 0; i < actors; i++) {
                int index = i;
                refs[i] = getContext().actorOf(
                        Props.create(Pinger.class, () -> new Pinger(index, actors, pings, sink)));
            }
            Neighbours neighbours = new Neighbours(refs);
            sink.tell(neighbours, ActorRef.noSender());
            for (ActorRef r : refs) {
                r.tell(neighbours, ActorRef.noSender());
            }
            for (ActorRef r : refs) {
                r.tell(START, ActorRef.noSender());
            }
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                result.complete((Long) m);
                getContext().stop(getSelf());
            }).build();
        }
    }

    /** One of the actors that ping each other. */
    static final class Pinger extends AbstractActor {
        private final int index;
        private final int actors;
        private final int pings;
        private final ActorRef sink;
        private final SavinaRandom random;
        private final Ping myPing;
        private final Pong myPong;
        private ActorRef[] neighbours;
        private int sent;
        private int pinged = -1;

        Pinger(int index, int actors, int pings, ActorRef sink) {
            this.index = index;
            this.actors = actors;
            this.pings = pings;
            this.sink = sink;
            this.random = new SavinaRandom(index);
            this.myPing = new Ping(index);
            this.myPong = new Pong(index);
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                if (m instanceof Ping) {
                    neighbours[((Ping) m).from()].tell(myPong, ActorRef.noSender());
                } else if (m instanceof Pong) {
                    int from = ((Pong) m).from();
                    if (from != pinged) {
                        throw new IllegalStateException("actor " + index + " pinged " + pinged
                                + " but got a pong from " + from);
                    } else if (sent == pings) {
                        sink.tell((long) sent, ActorRef.noSender());
                    } else {
                        pinged = random.nextInt(actors);
                        neighbours[pinged].tell(myPing, ActorRef.noSender());
                        sent++;
                    }
                } else if (m == EXIT) {
                    getContext().stop(getSelf());
                } else {
                    neighbours = ((Neighbours) m).refs();
                }
            }).build();
        }
    }

    /** Counts the actors that are done; when all are, ends them and sends the total to the first actor. */
    static final class Sink extends AbstractActor {
        private final int actors;
        private final ActorRef main;
        private ActorRef[] neighbours;
        private int done;
        private long total;

        Sink(int actors, ActorRef main) {
            this.actors = actors;
            this.main = main;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                if (m instanceof Neighbours) {
                    neighbours = ((Neighbours) m).refs();
                    return;
                }
                total += (Long) m;
                if (++done == actors) {
                    for (ActorRef r : neighbours) {
                        r.tell(EXIT, ActorRef.noSender());
                    }
                    main.tell(total, ActorRef.noSender());
                    getContext().stop(getSelf());
                }
            }).build();
        }
    }
}
