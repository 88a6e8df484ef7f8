package io.jbeam.bench.woven;

import io.jbeam.Erlang;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;

/**
 * Process bodies of the messaging and fairness benchmarks (woven: they live in the package the agent weaves).
 * A ping is the sender's pid; the echo answers it with {@link #PONG}. Anything that is neither a pid nor an
 * integer ({@link #STOP}) ends the loops.
 */
public final class Messaging {
    public static final Atom PONG = Atom.of("pong");
    public static final Atom STOP = Atom.of("stop");
    public static final Atom DONE = Atom.of("done");
    public static final Atom WARM = Atom.of("warm");

    private Messaging() {
    }

    /** Answers every pid it receives with {@code pong}, until a message that is not a pid. */
    public static Runnable echo() {
        return () -> {
            while (true) {
                Object m = Erlang.receive();
                if (!(m instanceof Pid)) {
                    return;
                }
                Erlang.send((Pid) m, PONG);
            }
        };
    }

    /** Makes {@code rounds} round trips to {@code echo}, one at a time, then sends {@code done} to {@code parent}. */
    public static Runnable pinger(Pid echo, int rounds, Pid parent) {
        return () -> {
            Pid self = Erlang.self();
            for (int i = 0; i < rounds; i++) {
                Erlang.send(echo, self);
                Erlang.receive();
            }
            Erlang.send(parent, DONE);
        };
    }

    /**
     * A ring node: first receives the pid of the next node, then passes on every token (an Integer, the hops left)
     * with one hop less; the node that receives 0 sends {@code done} to {@code parent}.
     */
    public static Runnable ringNode(Pid parent) {
        return () -> {
            Pid next = (Pid) Erlang.receive();
            while (true) {
                Object m = Erlang.receive();
                if (!(m instanceof Integer)) {
                    return;
                }
                int left = (Integer) m;
                if (left == 0) {
                    Erlang.send(parent, DONE);
                } else {
                    Erlang.send(next, left - 1);
                }
            }
        };
    }

    /**
     * The fairness driver: {@code warm} round trips to {@code echo}, then {@code warm} to {@code parent} (the signal to
     * start the spinners); then waits for the go message (a Long: {@link System#nanoTime()} when the parent sent it)
     * and makes {@code latencies.length} timed round trips, one at a time. Each round trip's time goes to
     * {@code latencies[i]} and its end to {@code ends[i]}; the first one is timed from the go message's time, so it
     * includes how long the driver itself waited to run. Sends {@code done} to {@code parent} at the end.
     */
    public static Runnable fairnessDriver(Pid echo, Pid parent, int warm, long[] latencies, long[] ends) {
        return () -> {
            Pid self = Erlang.self();
            for (int i = 0; i < warm; i++) {
                Erlang.send(echo, self);
                Erlang.receive();
            }
            Erlang.send(parent, WARM);
            long go = (Long) Erlang.receive();
            for (int i = 0; i < latencies.length; i++) {
                long t0 = i == 0 ? go : System.nanoTime();
                Erlang.send(echo, self);
                Erlang.receive();
                long t1 = System.nanoTime();
                latencies[i] = t1 - t0;
                ends[i] = t1;
            }
            Erlang.send(parent, DONE);
        };
    }

    /** A CPU-bound spinner: see {@link Spin#spin(long)}. */
    public static Runnable spinner(long deadlineNanos) {
        return () -> Spin.spin(deadlineNanos);
    }
}
