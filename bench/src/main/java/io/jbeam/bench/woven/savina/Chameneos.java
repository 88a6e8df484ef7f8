package io.jbeam.bench.woven.savina;

import io.jbeam.Erlang;
import io.jbeam.bench.savina.ChameneosColours;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;

/**
 * Savina's Chameneos as processes: a mall and {@code chameneos} chameneos. Each chameneos asks the mall for a
 * meeting ({@code {meet, Colour, Pid}}); the mall keeps the first request and forwards the next to it; the kept one
 * takes the colour of the meeting, tells the other ({@code {change, Colour}}), and both ask again. After
 * {@code meetings} meetings the mall answers every request with {@code exit}; a chameneos then reports its meetings
 * and ends, and the mall, once all have reported, sends the total to the result.
 */
public final class Chameneos {
    static final Atom MEET = Atom.of("meet");
    static final Atom CHANGE = Atom.of("change");
    static final Atom EXIT = Atom.of("exit");

    private Chameneos() {
    }

    /** The mall, the program's first process: reports the meetings the chameneos counted (a Long) to {@code result}. */
    public static Runnable main(int chameneos, int meetings, Pid result) {
        return () -> {
            Pid mall = Erlang.self();
            for (int i = 0; i < chameneos; i++) {
                Erlang.spawn(chameneo(i % ChameneosColours.COUNT, mall));
            }
            int left = meetings;
            Tuple waiting = null;
            int faded = 0;
            long total = 0;
            while (faded < chameneos) {
                Object m = Erlang.receive();
                if (m instanceof Long) {
                    faded++;
                    total += (Long) m;
                } else {
                    Tuple meet = (Tuple) m;
                    if (left == 0) {
                        Erlang.send((Pid) meet.get(2), EXIT);
                    } else if (waiting == null) {
                        waiting = meet;
                    } else {
                        left--;
                        Erlang.send((Pid) waiting.get(2), meet);
                        waiting = null;
                    }
                }
            }
            Erlang.send(result, total);
        };
    }

    /** A chameneos of colour {@code colour}: meets until the mall says {@code exit}, then sends it its count. */
    static Runnable chameneo(int colour, Pid mall) {
        return () -> {
            Pid self = Erlang.self();
            int mine = colour;
            long met = 0;
            Erlang.send(mall, Tuple.of(MEET, mine, self));
            while (true) {
                Object m = Erlang.receive();
                if (m == EXIT) {
                    Erlang.send(mall, met);
                    return;
                }
                Tuple t = (Tuple) m;
                if (t.get(0) == MEET) {
                    mine = ChameneosColours.complement(mine, (Integer) t.get(1));
                    Erlang.send((Pid) t.get(2), Tuple.of(CHANGE, mine));
                } else {
                    mine = (Integer) t.get(1);
                }
                met++;
                Erlang.send(mall, Tuple.of(MEET, mine, self));
            }
        };
    }
}
