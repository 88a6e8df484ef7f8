package io.jbeam.bench.woven;

import io.jbeam.Erlang;
import io.jbeam.term.Pid;

/**
 * Process bodies of the fan-in benchmark (woven): producers send the integers 1..M to one consumer, which adds up
 * what it receives and, once all {@code expected} messages are in, sends the sum (a Long) to the benchmark. The sum
 * tells a lost or doubled message apart from a right run, which a count alone would not.
 */
public final class FanIn {
    private FanIn() {
    }

    /** Receives {@code expected} Integers, then sends their sum to {@code parent} and ends. */
    public static Runnable consumer(long expected, Pid parent) {
        return () -> {
            long sum = 0;
            for (long n = 0; n < expected; n++) {
                sum += (Integer) Erlang.receive();
            }
            Erlang.send(parent, sum);
        };
    }

    /** Sends 1, 2, ..., {@code messages} to {@code consumer} and ends. */
    public static Runnable producer(Pid consumer, int messages) {
        return () -> {
            for (int i = 1; i <= messages; i++) {
                Erlang.send(consumer, i);
            }
        };
    }
}
