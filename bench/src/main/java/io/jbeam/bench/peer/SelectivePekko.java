package io.jbeam.bench.peer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.AbstractActorWithStash;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;

/**
 * The selective receive benchmark with Apache Pekko classic actors: the client and server of
 * {@code io.jbeam.bench.woven.Selective}. An actor has no selective receive; its idiom is the Stash. The client, while
 * it waits for a reply, stashes every other message; the reply makes it {@code unstashAll()} (the stashed messages go
 * back to the front of its mailbox, in order) and send its next call, so the next wait handles and stashes them all
 * again: each call re-examines every queued message, as each fresh Erlang receive does, at the price of a message
 * dispatch per queued message. A reference tag is a fresh {@code new Object()}; as in the thread peer there is no
 * receive marker for it.
 *
 * <p>One actor system, its default dispatcher with one thread per available processor (as many as jbeam's schedulers
 * and the virtual threads' carriers). The client's mailbox is deque-based, as a Stash requires.
 */
public final class SelectivePekko implements AutoCloseable {
    public static final Object CALL = "call";
    public static final Object PONG = "pong";

    private final ActorSystem system;

    public SelectivePekko() {
        system = PekkoSystem.create("selective",
                "pekko.actor.default-dispatcher.fork-join-executor.parallelism-factor = 1.0");
    }

    /** The server: answers as many calls as granted (an Integer), then puts the grant into {@code grantor}. */
    public ActorRef server(BlockingQueue<Object> grantor) {
        return system.actorOf(Props.create(Server.class, () -> new Server(grantor)));
    }

    /** The client: {@code queued} junk messages to itself, then calls {@code server} for as long as it lives. */
    public ActorRef client(ActorRef server, int queued, boolean byRef) {
        return system.actorOf(Props.create(Client.class, () -> new Client(server, queued, byRef)));
    }

    /** Terminates the actor system and waits (at most a minute) until it has. */
    @Override
    public void close() throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
    }

    /** Answers calls while it has credit; holds the one call that arrives without (the client makes one at a time). */
    static final class Server extends AbstractActor {
        private final BlockingQueue<Object> grantor;
        private int granted;
        private int credit;
        private ActorRef waitingClient;
        private Object waitingTag;

        Server(BlockingQueue<Object> grantor) {
            this.grantor = grantor;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder()
                    .match(Integer.class, n -> {
                        granted = n;
                        credit = n;
                        if (waitingClient != null) {
                            ActorRef c = waitingClient;
                            waitingClient = null;
                            answer(c, waitingTag);
                        }
                    })
                    .match(Object[].class, call -> {
                        if (credit > 0) {
                            answer(getSender(), call[0]);
                        } else {
                            waitingClient = getSender();
                            waitingTag = call[0];
                        }
                    })
                    .build();
        }

        private void answer(ActorRef client, Object tag) throws InterruptedException {
            client.tell(tag == CALL ? PONG : new Object[] {tag, PONG}, getSelf());
            if (--credit == 0) {
                grantor.put(granted);
            }
        }
    }

    /** Calls forever; stashes what is not the reply it waits for, and unstashes it all when the reply comes. */
    static final class Client extends AbstractActorWithStash {
        private final ActorRef server;
        private final int queued;
        private final boolean byRef;
        private Object tag;

        Client(ActorRef server, int queued, boolean byRef) {
            this.server = server;
            this.queued = queued;
            this.byRef = byRef;
        }

        @Override
        public void preStart() {
            for (int i = 0; i < queued; i++) {
                getSelf().tell(new Object[] {"junk", i}, getSelf());
            }
            call();
        }

        private void call() {
            tag = byRef ? new Object() : CALL;
            server.tell(new Object[] {tag}, getSelf());
        }

        private boolean isReply(Object m) {
            return byRef ? m instanceof Object[] && ((Object[]) m)[0] == tag : m == PONG;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder()
                    .matchAny(m -> {
                        if (isReply(m)) {
                            unstashAll();
                            call();
                        } else {
                            stash();
                        }
                    })
                    .build();
        }
    }
}
