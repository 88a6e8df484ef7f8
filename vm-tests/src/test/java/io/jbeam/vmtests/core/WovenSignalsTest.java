package io.jbeam.vmtests.core;

import io.jbeam.Erlang;
import io.jbeam.SpawnMonitor;
import io.jbeam.scheduler.PinReports;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Links, monitors, exit signals and timers between woven processes: they suspend, never pin. */
class WovenSignalsTest {
    private static final long BOUND_MS = 30_000;

    private static Atom a(String s) {
        return Atom.of(s);
    }

    @Test
    void aCrashTravelsAChainOfSuspendedProcessesWithoutPinning() {
        long pins = PinReports.count();
        SpawnMonitor sm = Erlang.spawnMonitor(() -> {
            Erlang.spawnLink(() -> {
                Erlang.spawnLink(() -> {
                    Erlang.sleep(20);
                    Erlang.exit(a("chain"));
                });
                Erlang.receive();
            });
            Erlang.receive();
        });
        assertEquals(Tuple.of(a("DOWN"), sm.ref(), a("process"), sm.pid(), a("chain")), Erlang.receive(BOUND_MS));
        assertEquals(pins, PinReports.count(), "woven processes must not pin");
    }

    @Test
    void aTrappingSupervisorSeesEveryChildExit() {
        Pid me = Erlang.self();
        Erlang.spawn(() -> {
            Erlang.trapExit(true);
            int n = 100;
            for (int i = 0; i < n; i++) {
                long k = i;
                Erlang.spawnLink(() -> Erlang.exit(k));
            }
            long sum = 0;
            for (int i = 0; i < n; i++) {
                Tuple e = (Tuple) Erlang.receive();
                sum += (Long) e.get(2);
            }
            Erlang.send(me, sum);
        });
        assertEquals(4950L, Erlang.receive(BOUND_MS));
    }

    @Test
    void aKilledSleeperAndABusyLoopDie() {
        SpawnMonitor sleeper = Erlang.spawnMonitor(() -> Erlang.sleep(60_000));
        SpawnMonitor busy = Erlang.spawnMonitor(() -> {
            long x = 0;
            while (true) x++;
        });
        Erlang.exit(sleeper.pid(), a("kill"));
        Erlang.exit(busy.pid(), a("stop"));
        assertEquals(a("killed"), ((Tuple) Erlang.receive(m -> m instanceof Tuple
                && sleeper.ref().equals(((Tuple) m).get(1)), BOUND_MS)).get(4));
        assertEquals(a("stop"), ((Tuple) Erlang.receive(m -> m instanceof Tuple
                && busy.ref().equals(((Tuple) m).get(1)), BOUND_MS)).get(4));
    }

    @Test
    void processInfoOfASuspendedProcess() {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> {
            Erlang.put(a("k"), 1L);
            Erlang.send(me, a("ready"));
            Erlang.receive(m -> m == a("go"));
        });
        assertEquals(a("ready"), Erlang.receive(BOUND_MS));
        Erlang.send(p, a("x"));
        Ref r = Erlang.monitor(p);
        assertEquals(List.of(Tuple.of(a("messages"), List.of(a("x"))),
                        Tuple.of(a("dictionary"), List.of(Tuple.of(a("k"), 1L))),
                        Tuple.of(a("monitored_by"), List.of(me))),
                Erlang.processInfo(p, List.of(a("messages"), a("dictionary"), a("monitored_by"))));
        Erlang.send(p, a("go"));
        assertEquals(a("normal"), ((Tuple) Erlang.receive(BOUND_MS)).get(4));
        assertNull(Erlang.processInfo(p));
    }

    @Test
    void timersReachWovenReceivers() {
        Pid me = Erlang.self();
        Erlang.spawn(() -> {
            Ref keep = Erlang.startTimer(20, Erlang.self(), a("tick"));
            Ref drop = Erlang.sendAfter(10_000, Erlang.self(), a("never"));
            long left = Erlang.cancelTimer(drop);
            Tuple t = (Tuple) Erlang.receive();
            Erlang.send(me, Tuple.of(t.get(1).equals(keep), t.get(2), left > 0, Erlang.receive(30)));
        });
        assertEquals(Tuple.of(true, a("tick"), true, null), Erlang.receive(BOUND_MS));
    }
}
