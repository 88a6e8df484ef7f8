package io.jbeam.signals;

import io.jbeam.Erlang;
import io.jbeam.ErlangError;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jbeam.signals.Await.*;
import static org.junit.jupiter.api.Assertions.*;

/** erlang-semantics.md items 4, 27-34: monitors. */
class MonitorsTest {
    @AfterEach
    void clean() {
        reset();
    }

    @Test
    void aDownCarriesTheReasonAndTheShape() {
        Pid p = Erlang.spawn(Erlang::receive);
        Ref r = Erlang.monitor(p);
        Erlang.exit(p, a("frop"));
        assertEquals(Tuple.of(DOWN, r, a("process"), p, a("frop")), message());
        var sm = Erlang.spawnMonitor(() -> { });
        assertEquals(Tuple.of(DOWN, sm.ref(), a("process"), sm.pid(), a("normal")), message());
    }

    @Test
    void monitoringADeadPidGivesNoprocAtOnce() {
        var sm = Erlang.spawnMonitor(() -> { });
        down(sm.ref());
        Ref r = Erlang.monitor(sm.pid());
        assertEquals(a("noproc"), down(r));
    }

    @Test
    void twoMonitorsGiveTwoDownsAndEachOnlyOnce() {
        Pid p = Erlang.spawn(Erlang::receive);
        Ref r1 = Erlang.monitor(p);
        Ref r2 = Erlang.monitor(p);
        assertNotEquals(r1, r2);
        Erlang.send(p, a("go"));
        assertEquals(a("normal"), down(r1));
        assertEquals(a("normal"), down(r2));
        nothing(50);
    }

    @Test
    void monitoringSelfRecordsNothing() {
        Ref r = Erlang.monitor(Erlang.self());
        assertNotNull(r);
        assertEquals(List.of(), ((Tuple) Erlang.processInfo(Erlang.self(), a("monitors"))).get(1));
        assertTrue(Erlang.demonitor(r));
    }

    @Test
    void demonitorBeforeTheExitMeansNoDown() {
        Pid p = Erlang.spawn(Erlang::receive);
        Ref r = Erlang.monitor(p);
        Ref probe = Erlang.monitor(p);
        assertTrue(Erlang.demonitor(r));
        Erlang.send(p, a("go"));
        assertEquals(a("normal"), down(probe)); // sent after any DOWN for r would have been
        nothing(0);
    }

    @Test
    void flushRemovesAQueuedDownAndInfoTellsWhetherItWasActive() {
        var sm = Erlang.spawnMonitor(() -> { });
        Ref probe = Erlang.monitor(sm.pid());
        down(probe); // so the DOWN of sm has arrived too
        assertTrue(Erlang.demonitor(sm.ref(), true));
        nothing(0);

        var sm2 = Erlang.spawnMonitor(() -> { });
        Ref probe2 = Erlang.monitor(sm2.pid());
        down(probe2);
        assertFalse(Erlang.demonitorInfo(sm2.ref(), false)); // already sent: it stays
        assertEquals(a("normal"), down(sm2.ref()));

        Pid p = Erlang.spawn(Erlang::receive);
        Ref r = Erlang.monitor(p);
        assertTrue(Erlang.demonitorInfo(r, false));
        Erlang.send(p, a("go"));

        assertTrue(Erlang.demonitor(Erlang.makeRef()));
        assertThrows(ErlangError.class, () -> Erlang.demonitor(null));
        assertThrows(ErlangError.class, () -> Erlang.monitor((Pid) null));
    }

    @Test
    void monitorByNameNamesTheNameInTheDown() {
        Pid p = Erlang.spawn(Erlang::receive);
        Erlang.register(a("jeeves"), p);
        Ref r = Erlang.monitor(a("jeeves"));
        Erlang.exit(p, a("bye"));
        assertEquals(Tuple.of(DOWN, r, a("process"), Tuple.of(a("jeeves"), a("nonode@nohost")), a("bye")),
                message());
        Ref n = Erlang.monitor(a("nobody"));
        assertEquals(Tuple.of(DOWN, n, a("process"), Tuple.of(a("nobody"), a("nonode@nohost")), a("noproc")),
                message());
    }

    @Test
    void monitorsAndMonitoredByAreListedAndCleanedUp() {
        Pid me = Erlang.self();
        Pid target = Erlang.spawn(Erlang::receive);
        Pid watcher = Erlang.spawn(() -> {
            Erlang.monitor(target);
            Erlang.send(me, a("watching"));
            Erlang.receive();
        });
        assertEquals(a("watching"), message());
        assertEquals(List.of(Tuple.of(a("process"), target)),
                ((Tuple) Erlang.processInfo(watcher, a("monitors"))).get(1));
        assertEquals(List.of(watcher), ((Tuple) Erlang.processInfo(target, a("monitored_by"))).get(1));
        Ref w = Erlang.monitor(watcher);
        Erlang.exit(watcher, a("kill"));
        down(w);
        assertEquals(List.of(), ((Tuple) Erlang.processInfo(target, a("monitored_by"))).get(1));
        Erlang.send(target, a("go"));
    }

    @Test
    void theNameIsReleasedBeforeTheDownArrives() {
        for (int i = 0; i < 100; i++) {
            Pid p = Erlang.spawn(Erlang::receive);
            Erlang.register(a("named_down"), p);
            Ref r = Erlang.monitor(p);
            Erlang.exit(p, a("kill"));
            down(r);
            assertNull(Erlang.whereis(a("named_down")), "round " + i);
        }
    }
}
