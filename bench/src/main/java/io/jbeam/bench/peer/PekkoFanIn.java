package io.jbeam.bench.peer;

import java.util.concurrent.BlockingQueue;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;

/**
 * The fan-in benchmark's program with Apache Pekko classic actors: the same consumer and producers as
 * {@code io.jbeam.bench.woven.FanIn}. A producer sends everything from {@code preStart}, so it starts on its own as
 * a spawned process does, and stops; the consumer stops once it has answered.
 */
public final class PekkoFanIn {
    private PekkoFanIn() {
    }

    /** A consumer that sums {@code expected} Integers and puts the sum (a Long) into {@code parent}. */
    public static ActorRef consumer(ActorSystem system, long expected, BlockingQueue<Object> parent) {
        return system.actorOf(Props.create(Consumer.class, () -> new Consumer(expected, parent)));
    }

    /** A producer that sends 1, 2, ..., {@code messages} to {@code consumer}. */
    public static void producer(ActorSystem system, ActorRef consumer, int messages) {
        system.actorOf(Props.create(Producer.class, () -> new Producer(consumer, messages)));
    }

    static final class Consumer extends AbstractActor {
        private final long expected;
        private final BlockingQueue<Object> parent;
        private long received;
        private long sum;

        Consumer(long expected, BlockingQueue<Object> parent) {
            this.expected = expected;
            this.parent = parent;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().match(Integer.class, i -> {
                sum += i;
                if (++received == expected) {
                    parent.offer(sum);
                    getContext().stop(getSelf());
                }
            }).build();
        }
    }

    static final class Producer extends AbstractActor {
        private final ActorRef consumer;
        private final int messages;

        Producer(ActorRef consumer, int messages) {
            this.consumer = consumer;
            this.messages = messages;
        }

        @Override
        public void preStart() {
            for (int i = 1; i <= messages; i++) {
                consumer.tell(i, getSelf());
            }
            getContext().stop(getSelf());
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().build();
        }
    }
}
