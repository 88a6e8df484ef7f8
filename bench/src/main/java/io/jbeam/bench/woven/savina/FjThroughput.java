package io.jbeam.bench.woven.savina;

import io.jbeam.Erlang;
import io.jbeam.bench.savina.SavinaWork;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;

/**
 * Savina's fork-join throughput as processes: {@code actors} workers; the first process sends each of them one
 * message, round after round, {@code messages} rounds; every message does {@link SavinaWork#compute()}. Each worker
 * reports how many it processed once it has them all.
 */
public final class FjThroughput {
    static final Atom WORK = Atom.of("work");

    private FjThroughput() {
    }

    /** The sender, the program's first process: reports the messages processed, summed (a Long), to {@code result}. */
    public static Runnable main(int actors, int messages, Pid result) {
        return () -> {
            Pid self = Erlang.self();
            Pid[] workers = new Pid[actors];
            for (int a = 0; a < actors; a++) {
                workers[a] = Erlang.spawn(worker(messages, self));
            }
            for (int m = 0; m < messages; m++) {
                for (Pid w : workers) {
                    Erlang.send(w, WORK);
                }
            }
            long processed = 0;
            for (int a = 0; a < actors; a++) {
                processed += (Long) Erlang.receive();
            }
            Erlang.send(result, processed);
        };
    }

    /** Does the computation for each of {@code messages} messages, then sends the count to {@code parent}. */
    static Runnable worker(int messages, Pid parent) {
        return () -> {
            long processed = 0;
            while (processed < messages) {
                Erlang.receive();
                SavinaWork.compute();
                processed++;
            }
            Erlang.send(parent, processed);
        };
    }
}
