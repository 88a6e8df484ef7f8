package io.jbeam.bench.woven.savina;

import io.jbeam.Erlang;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;

/**
 * Savina's Counting as processes: a producer sends {@code increments} messages to a counter, then its own pid as the
 * request for the count, and reports the count it gets back.
 */
public final class Counting {
    static final Atom INCREMENT = Atom.of("increment");

    private Counting() {
    }

    /** The producer, the program's first process: reports the counter's count (a Long) to {@code result}. */
    public static Runnable main(int increments, Pid result) {
        return () -> {
            Pid counter = Erlang.spawn(counter());
            for (int i = 0; i < increments; i++) {
                Erlang.send(counter, INCREMENT);
            }
            Erlang.send(counter, Erlang.self());
            Erlang.send(result, Erlang.receive());
        };
    }

    /** Counts {@code increment}s until a pid arrives, sends that pid the count and ends. */
    static Runnable counter() {
        return () -> {
            long count = 0;
            while (true) {
                Object m = Erlang.receive();
                if (m == INCREMENT) {
                    count++;
                } else {
                    Erlang.send((Pid) m, count);
                    return;
                }
            }
        };
    }
}
