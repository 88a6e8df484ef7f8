package io.jbeam.bench.peer.savina;

import io.jbeam.bench.savina.ChameneosColours;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;

/** Savina's Chameneos with Pekko classic actors: the shape of {@code io.jbeam.bench.woven.savina.Chameneos}. */
final class PekkoChameneos {
    private static final Object EXIT = "exit";

    private PekkoChameneos() {
    }

    /** A request for a meeting, and what the mall forwards to the chameneos that waits. */
    private record Meet(int colour, ActorRef from) {
    }

    /** The colour the chameneos that waited took, for the other to take too. */
    private record Change(int colour) {
    }

    static Props main(int chameneos, int meetings, CompletableFuture<Long> result) {
        return Props.create(Mall.class, () -> new Mall(chameneos, meetings, result));
    }

    /** Starts the chameneos as it starts; pairs requests, then ends them; completes the result with their total. */
    static final class Mall extends AbstractActor {
        private final int chameneos;
        private final CompletableFuture<Long> result;
        private int left;
        private Meet waiting;
        private int faded;
        private long total;

        Mall(int chameneos, int meetings, CompletableFuture<Long> result) {
            this.chameneos = chameneos;
            this.left = meetings;
            this.result = result;
        }

        @Override
        public void preStart() {
            ActorRef self = getSelf();
            for (int i = 0; i < chameneos; i++) {
                int colour = i % ChameneosColours.COUNT;
                getContext().actorOf(Props.create(Chameneo.class, () -> new Chameneo(colour, self)));
            }
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                if (m instanceof Long) {
                    total += (Long) m;
                    if (++faded == chameneos) {
                        result.complete(total);
                        getContext().stop(getSelf());
                    }
                    return;
                }
                Meet meet = (Meet) m;
                if (left == 0) {
                    meet.from().tell(EXIT, ActorRef.noSender());
                } else if (waiting == null) {
                    waiting = meet;
                } else {
                    left--;
                    waiting.from().tell(meet, ActorRef.noSender());
                    waiting = null;
                }
            }).build();
        }
    }

    /** A chameneos: asks for a meeting as it starts, and after each meeting; reports its count on exit. */
    static final class Chameneo extends AbstractActor {
        private final ActorRef mall;
        private int colour;
        private long met;

        Chameneo(int colour, ActorRef mall) {
            this.colour = colour;
            this.mall = mall;
        }

        @Override
        public void preStart() {
            mall.tell(new Meet(colour, getSelf()), ActorRef.noSender());
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                if (m == EXIT) {
                    mall.tell(met, ActorRef.noSender());
                    getContext().stop(getSelf());
                    return;
                }
                if (m instanceof Meet) {
                    Meet other = (Meet) m;
                    colour = ChameneosColours.complement(colour, other.colour());
                    other.from().tell(new Change(colour), ActorRef.noSender());
                } else {
                    colour = ((Change) m).colour();
                }
                met++;
                mall.tell(new Meet(colour, getSelf()), ActorRef.noSender());
            }).build();
        }
    }
}
