package io.jbeam.bench.woven.savina;

import io.jbeam.Erlang;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;

/**
 * Savina's ThreadRing as processes: {@code actors} processes in a ring, each told its successor; a token (an
 * Integer, the passes left) goes round until none are left, then an exit message goes once round the ring, each
 * process adding the passes it made before it ends; the last one reports the total to the first process.
 */
public final class ThreadRing {
    static final Atom EXIT = Atom.of("exit");

    private ThreadRing() {
    }

    /** Builds the ring and starts the token; sends the total of passes (a Long) to {@code result}. */
    public static Runnable main(int actors, int passes, Pid result) {
        return () -> {
            Pid self = Erlang.self();
            Pid[] ring = new Pid[actors];
            for (int i = 0; i < actors; i++) {
                ring[i] = Erlang.spawn(node(actors, self));
            }
            for (int i = 0; i < actors; i++) {
                Erlang.send(ring[i], ring[(i + 1) % actors]);
            }
            Erlang.send(ring[0], passes);
            Erlang.send(result, Erlang.receive());
        };
    }

    /**
     * A node: receives its successor's pid, then passes the token on with one pass less; the node that gets the
     * token with none left starts {@code {exit, Left, Total}} round the ring (Left = {@code actors}); a node that
     * gets it adds its passes and, if it is the last, sends the total to {@code main}.
     */
    static Runnable node(int actors, Pid main) {
        return () -> {
            Pid next = (Pid) Erlang.receive();
            long passed = 0;
            while (true) {
                Object m = Erlang.receive();
                if (m instanceof Integer) {
                    int left = (Integer) m;
                    if (left > 0) {
                        Erlang.send(next, left - 1);
                        passed++;
                    } else {
                        Erlang.send(next, Tuple.of(EXIT, actors, 0L));
                    }
                } else {
                    Tuple exit = (Tuple) m;
                    int left = (Integer) exit.get(1);
                    long total = (Long) exit.get(2) + passed;
                    if (left > 1) {
                        Erlang.send(next, Tuple.of(EXIT, left - 1, total));
                    } else {
                        Erlang.send(main, total);
                    }
                    return;
                }
            }
        };
    }
}
