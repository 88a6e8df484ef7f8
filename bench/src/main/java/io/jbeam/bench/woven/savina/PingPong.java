package io.jbeam.bench.woven.savina;

import io.jbeam.Erlang;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;

/**
 * Savina's PingPong as processes: the pinger sends its pid to the ponger and waits for the pong, {@code pings}
 * times, then stops the ponger and reports the pongs it received. (Savina's actor version also sends itself a
 * message between rounds, to loop inside an event handler; a process loops by itself.)
 */
public final class PingPong {
    static final Atom PONG = Atom.of("pong");
    static final Atom STOP = Atom.of("stop");

    private PingPong() {
    }

    /** The pinger, the program's first process: reports the number of pongs (a Long) to {@code result}. */
    public static Runnable main(int pings, Pid result) {
        return () -> {
            Pid ponger = Erlang.spawn(ponger());
            Pid self = Erlang.self();
            long pongs = 0;
            for (int i = 0; i < pings; i++) {
                Erlang.send(ponger, self);
                if (Erlang.receive() == PONG) {
                    pongs++;
                }
            }
            Erlang.send(ponger, STOP);
            Erlang.send(result, pongs);
        };
    }

    /** Answers every pid with {@code pong}, until {@code stop}. */
    static Runnable ponger() {
        return () -> {
            while (true) {
                Object m = Erlang.receive();
                if (m == STOP) {
                    return;
                }
                Erlang.send((Pid) m, PONG);
            }
        };
    }
}
