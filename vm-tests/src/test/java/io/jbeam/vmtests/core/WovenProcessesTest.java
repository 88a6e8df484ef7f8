package io.jbeam.vmtests.core;

import io.jbeam.Erlang;
import io.jbeam.bif.SystemInfo;
import io.jbeam.scheduler.PinReports;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Plain lambdas, woven by the agent: receive and sleep suspend the process instead of pinning its carrier. */
class WovenProcessesTest {
    private static final long BOUND_MS = 30_000;

    private static void echo() {
        while (true) {
            Object m = Erlang.receive();
            if (m == Atom.of("stop")) return;
            Tuple t = (Tuple) m;
            Erlang.send((Pid) t.get(1), (Long) t.get(0) + 1);
        }
    }

    @Test
    void pingPongSuspendsWithoutPinning() {
        long pins = PinReports.count();
        Pid me = Erlang.self();
        Pid echo = Erlang.spawn(WovenProcessesTest::echo);
        Erlang.spawn(() -> {
            long n = 0;
            while (n < 20_000) {
                Erlang.send(echo, Tuple.of(n, Erlang.self()));
                n = (Long) Erlang.receive();
            }
            Erlang.send(echo, Atom.of("stop"));
            Erlang.send(me, n);
        });
        assertEquals(20_000L, Erlang.receive(BOUND_MS));
        assertEquals(pins, PinReports.count(), "woven processes must not pin");
        assertTrue(SystemInfo.schedulerStats().suspensions() >= 20_000);
    }

    @Test
    void receiveAfterAndSleepNeverEndEarly() {
        Pid me = Erlang.self();
        Erlang.spawn(() -> {
            long t0 = System.nanoTime();
            Object none = Erlang.receive(m -> false, 40);
            long t1 = System.nanoTime();
            Erlang.sleep(30);
            long t2 = System.nanoTime();
            Erlang.send(me, Tuple.of(String.valueOf(none), t1 - t0 >= 40_000_000L, t2 - t1 >= 30_000_000L));
        });
        assertEquals(Tuple.of("null", true, true), Erlang.receive(BOUND_MS));
    }

    @Test
    void aRingOfTenThousandProcesses() {
        Pid me = Erlang.self();
        Pid next = me;
        for (int i = 0; i < 10_000; i++) {
            Pid to = next;
            next = Erlang.spawn(() -> Erlang.send(to, (Long) Erlang.receive() + 1));
        }
        Erlang.send(next, 0L);
        assertEquals(10_000L, Erlang.receive(BOUND_MS));
    }
}
