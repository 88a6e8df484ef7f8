package io.jbeam.bench.peer;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;

/**
 * The actor system of the Pekko peers, one per JMH trial. Its default dispatcher gets one thread per core, as jbeam
 * has one scheduler per core and the virtual threads one carrier per core: out of the box Pekko would start at
 * least eight, which on a small machine measures thread contention rather than messaging. Everything else is
 * Pekko's default (fork-join executor, throughput 5, the unbounded mailbox); logging is quiet so that JMH's output
 * stays readable, and termination may take as long as stopping a million actors does.
 */
public final class PekkoSystem {
    private static final long TERMINATE_SECONDS = 60;

    private PekkoSystem() {
    }

    /** A new actor system named {@code name}. */
    public static ActorSystem create(String name) {
        int cores = Runtime.getRuntime().availableProcessors();
        return create(name, String.join("\n",
                "pekko.coordinated-shutdown.phases.actor-system-terminate.timeout = " + TERMINATE_SECONDS + " s",
                "pekko.actor.internal-dispatcher.fork-join-executor.parallelism-min = " + cores,
                "pekko.actor.internal-dispatcher.fork-join-executor.parallelism-max = " + cores));
    }

    /**
     * A new actor system named {@code name}: quiet logging and a default dispatcher of one thread per core, plus
     * {@code extraSettings} (HOCON lines) of the peer that asks for it.
     */
    public static ActorSystem create(String name, String extraSettings) {
        int cores = Runtime.getRuntime().availableProcessors();
        ClassLoader loader = PekkoSystem.class.getClassLoader();
        Config config = ConfigFactory.parseString(String.join("\n",
                "pekko.loglevel = WARNING",
                "pekko.stdout-loglevel = WARNING",
                "pekko.log-dead-letters = off",
                "pekko.log-dead-letters-during-shutdown = off",
                "pekko.actor.default-dispatcher.fork-join-executor.parallelism-min = " + cores,
                "pekko.actor.default-dispatcher.fork-join-executor.parallelism-max = " + cores,
                extraSettings))
                .withFallback(ConfigFactory.load(loader));
        return ActorSystem.create(name, config, loader);
    }

    /** Terminates {@code system} and waits (bounded) until it has: the next trial starts on a quiet JVM. */
    public static void terminate(ActorSystem system) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(TERMINATE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the actor system did not terminate within " + TERMINATE_SECONDS + " s", e);
        }
    }
}
