package io.jbeam.bench.woven;

import io.jbeam.Erlang;
import io.jbeam.term.Pid;

/**
 * Process bodies of the ring benchmark (woven). A node passes the token, an Integer counting the passes made so far,
 * on with one added, {@code laps} times per run: to its successor, except the last pass of the ring's closing node,
 * which goes to the benchmark instead. A node made for one run ends after its last pass; one made for many runs
 * waits for the next token, and ends on any message that is not an Integer ({@link Messaging#STOP}).
 */
public final class Rings {
    private Rings() {
    }

    /** A node whose successor is already known: every node but the one that closes the ring. */
    public static Runnable node(Pid next, int laps, boolean once) {
        return () -> pass(next, next, laps, once);
    }

    /**
     * The node that closes the ring: spawned first, before its successor (the ring's first node) exists, so it
     * learns that pid from a message. Its last pass of a run goes to {@code parent}.
     */
    public static Runnable closer(Pid parent, int laps, boolean once) {
        return () -> {
            Pid first = (Pid) Erlang.receive(m -> m instanceof Pid);
            pass(first, parent, laps, once);
        };
    }

    private static void pass(Pid next, Pid exit, int laps, boolean once) {
        do {
            for (int lap = 1; lap <= laps; lap++) {
                Object m = Erlang.receive();
                if (!(m instanceof Integer)) {
                    return;
                }
                Erlang.send(lap == laps ? exit : next, (Integer) m + 1);
            }
        } while (!once);
    }
}
