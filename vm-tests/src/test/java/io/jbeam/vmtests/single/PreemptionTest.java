package io.jbeam.vmtests.single;

import io.jbeam.Erlang;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/** One scheduler: a process spinning forever is preempted by reductions, so another still runs. */
class PreemptionTest {
    static final AtomicBoolean STOP = new AtomicBoolean();

    private static long spin() {
        long n = 0;
        while (!STOP.get()) {
            n++;
        }
        return n;
    }

    @Test
    void aBusyProcessDoesNotStarveTheOthers() {
        Pid me = Erlang.self();
        Erlang.spawn(() -> Erlang.send(me, spin()));
        Erlang.spawn(() -> Erlang.send(me, Atom.of("still_scheduled")));
        assertEquals(Atom.of("still_scheduled"), Erlang.receive(30_000));
        STOP.set(true);
        assertTrue(Erlang.receive(30_000) instanceof Long);
    }
}
