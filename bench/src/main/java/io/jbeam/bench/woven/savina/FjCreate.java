package io.jbeam.bench.woven.savina;

import io.jbeam.Erlang;
import io.jbeam.bench.savina.SavinaWork;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;

/**
 * Savina's fork-join create as processes: the first process spawns {@code actors} workers, sending each one message
 * as soon as it exists; a worker does {@link SavinaWork#compute()} for it, says it is done and ends.
 */
public final class FjCreate {
    static final Atom WORK = Atom.of("work");
    static final Atom DONE = Atom.of("done");

    private FjCreate() {
    }

    /** The creator, the program's first process: reports the workers that were done (a Long) to {@code result}. */
    public static Runnable main(int actors, Pid result) {
        return () -> {
            Runnable worker = worker(Erlang.self());
            for (int i = 0; i < actors; i++) {
                Erlang.send(Erlang.spawn(worker), WORK);
            }
            long done = 0;
            for (int i = 0; i < actors; i++) {
                if (Erlang.receive() == DONE) {
                    done++;
                }
            }
            Erlang.send(result, done);
        };
    }

    /** Waits for its message, does the computation, sends {@code done} to {@code parent} and ends. */
    static Runnable worker(Pid parent) {
        return () -> {
            Erlang.receive();
            SavinaWork.compute();
            Erlang.send(parent, DONE);
        };
    }
}
