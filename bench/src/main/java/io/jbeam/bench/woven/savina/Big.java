package io.jbeam.bench.woven.savina;

import io.jbeam.Erlang;
import io.jbeam.bench.savina.SavinaRandom;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;

/**
 * Savina's Big as processes: {@code actors} processes, each sending {@code pings} pings, one at a time, to neighbours
 * picked at random ({@link SavinaRandom}, seeded with its index) and answering the pings it gets with pongs. When
 * one has had all its pongs it tells the sink how many; once all have, the sink ends them and sends the total to the
 * first process. A ping is {@code {ping, Index}}, a pong {@code {pong, Index}}; the neighbours are a tuple of pids.
 */
public final class Big {
    static final Atom PING = Atom.of("ping");
    static final Atom PONG = Atom.of("pong");
    static final Atom EXIT = Atom.of("exit");
    /** The first pong each actor gets, from nobody, to start it. */
    static final Tuple START = Tuple.of(PONG, -1);

    private Big() {
    }

    /**
     * Spawns the sink and the actors, gives them all the neighbour tuple, starts the actors, and sends the sink's
     * total of pings (a Long) to {@code result}.
     */
    public static Runnable main(int actors, int pings, Pid result) {
        return () -> {
            Pid sink = Erlang.spawn(sink(actors, Erlang.self()));
            Object[] pids = new Object[actors];
            for (int i = 0; i < actors; i++) {
                pids[i] = Erlang.spawn(actor(i, actors, pings, sink));
            }
            Tuple neighbours = Tuple.of(pids);
            Erlang.send(sink, neighbours);
            for (Object p : pids) {
                Erlang.send((Pid) p, neighbours);
            }
            for (Object p : pids) {
                Erlang.send((Pid) p, START);
            }
            Erlang.send(result, Erlang.receive());
        };
    }

    /** Actor {@code index}: see the class comment. Fails if a pong comes from another actor than the one pinged. */
    static Runnable actor(int index, int actors, int pings, Pid sink) {
        return () -> {
            Tuple neighbours = (Tuple) Erlang.receive();
            SavinaRandom random = new SavinaRandom(index);
            Tuple myPing = Tuple.of(PING, index);
            Tuple myPong = Tuple.of(PONG, index);
            int sent = 0;
            int pinged = -1;
            while (true) {
                Object m = Erlang.receive();
                if (m == EXIT) {
                    return;
                }
                Tuple t = (Tuple) m;
                int from = (Integer) t.get(1);
                if (t.get(0) == PING) {
                    Erlang.send((Pid) neighbours.get(from), myPong);
                } else if (from != pinged) {
                    throw new IllegalStateException("actor " + index + " pinged " + pinged + " but got a pong from "
                            + from);
                } else if (sent == pings) {
                    Erlang.send(sink, (long) sent);
                } else {
                    pinged = random.nextInt(actors);
                    Erlang.send((Pid) neighbours.get(pinged), myPing);
                    sent++;
                }
            }
        };
    }

    /** Counts the actors that are done and adds up their pings; when all are, ends them and reports the total. */
    static Runnable sink(int actors, Pid main) {
        return () -> {
            Tuple neighbours = (Tuple) Erlang.receive();
            long total = 0;
            for (int i = 0; i < actors; i++) {
                total += (Long) Erlang.receive();
            }
            for (int i = 0; i < actors; i++) {
                Erlang.send((Pid) neighbours.get(i), EXIT);
            }
            Erlang.send(main, total);
        };
    }
}
