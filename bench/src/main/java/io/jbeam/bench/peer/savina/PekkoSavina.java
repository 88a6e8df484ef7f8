package io.jbeam.bench.peer.savina;

import io.jbeam.bench.peer.PekkoSystem;
import io.jbeam.bench.savina.SavinaProgram;
import io.jbeam.bench.savina.SavinaSizes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;

/**
 * Runs Savina programs with Apache Pekko classic actors, in one {@link ActorSystem} for many runs. Each run creates
 * the program's first actor at the top level; the others are its children (or theirs), so each run's actors are
 * gone once its first actor stops, which it does after completing the run's result.
 *
 * <p>The system is configured as Savina configures Akka, with the thread count of the other implementations: the
 * default dispatcher's fork-join pool has one thread per available processor (as many as jbeam's schedulers and the
 * virtual threads' carriers), and mailboxes are {@code SingleConsumerOnlyUnboundedMailbox}.
 */
public final class PekkoSavina implements AutoCloseable {
    private final ActorSystem system;

    public PekkoSavina() {
        this.system = PekkoSystem.create("savina", String.join("\n",
                "pekko.actor.default-dispatcher.fork-join-executor.parallelism-factor = 1.0",
                "pekko.actor.default-mailbox.mailbox-type = "
                        + "\"org.apache.pekko.dispatch.SingleConsumerOnlyUnboundedMailbox\""));
    }

    /** Runs {@code program} once and returns its result, checked; waits at most {@code timeoutMillis}. */
    public long run(SavinaProgram program, SavinaSizes s, long timeoutMillis) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        system.actorOf(main(program, s, result));
        Long value;
        try {
            value = result.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            value = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + program.id(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(program.id() + " on Pekko failed", e.getCause());
        }
        return s.check(program, "Pekko", value);
    }

    private static Props main(SavinaProgram program, SavinaSizes s, CompletableFuture<Long> result) {
        switch (program) {
            case PING_PONG: return PekkoPingPong.main(s.pings, result);
            case COUNTING: return PekkoCounting.main(s.increments, result);
            case FJ_THROUGHPUT: return PekkoFjThroughput.main(s.throughputActors, s.throughputMessages, result);
            case FJ_CREATE: return PekkoFjCreate.main(s.createdActors, result);
            case THREAD_RING: return PekkoThreadRing.main(s.ringActors, s.ringPasses, result);
            case CHAMENEOS: return PekkoChameneos.main(s.chameneos, s.meetings, result);
            case BIG: return PekkoBig.main(s.bigActors, s.bigPings, result);
            case SKYNET: return PekkoSkynet.main(s.skynetLeaves, result);
            default: throw new IllegalArgumentException(program.toString());
        }
    }

    /** Terminates the actor system and waits (at most a minute) until it has. */
    @Override
    public void close() throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
    }
}
