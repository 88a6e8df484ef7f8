package io.jbeam.conformance;

import io.jbeam.Erlang;
import io.jbeam.SpawnMonitor;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static io.jbeam.conformance.ScenarioSupport.*;

/** Group A: spawn and identity. */
public final class SpawnScenarios implements ScenarioGroup {

    @Scenario(value = "spawn_identity", source = "Reference Manual: Processes (self/0, spawn)")
    void spawnIdentity(Trace t) {
        Pid me = Erlang.self();
        t.p(me);
        Pid p = Erlang.spawn(() -> Erlang.send(me, t(a("child"), Erlang.self())));
        t.p(p);
        Tuple m = (Tuple) Erlang.receive(x -> tagged(x, "child"));
        t.p(t(a("same"), m.get(1).equals(p)));
        t.p(t(a("differs_from_parent"), !m.get(1).equals(me)));
    }

    @Scenario(value = "spawn_monitor_normal", source = "erlang-semantics.md item 4; erts monitor_SUITE mon_1")
    void spawnMonitorNormal(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> { });
        t.p(t(sm.pid(), sm.ref()));
        t.p(Erlang.receive());
    }

    @Scenario(value = "spawn_inherits_nothing", source = "erlang-semantics.md item 5")
    void spawnInheritsNothing(Trace t) {
        Erlang.trapExit(true);
        Erlang.put(a("k"), a("v"));
        Erlang.register(a("conf_inherit"), Erlang.self());
        Pid me = Erlang.self();
        Erlang.spawn(() -> Erlang.send(me, t(a("child"), Erlang.trapExit(false), Erlang.getKeys(),
                Erlang.processInfo(Erlang.self(), a("registered_name")))));
        t.p(Erlang.receive());
        Erlang.unregister(a("conf_inherit"));
    }

    @Scenario(value = "spawn_kill_then_dead", source = "erlang-semantics.md item 6; erts signal_SUITE pending_exit")
    void spawnKillThenDead(Trace t) {
        Pid p = Erlang.spawn(ScenarioSupport::idle);
        t.p(Erlang.isProcessAlive(p));
        Erlang.exit(p, a("kill"));
        t.p(Erlang.isProcessAlive(p));
        t.p(Erlang.processInfo(p, a("status")));
    }

    @Scenario(value = "spawn_many_distinct", source = "Reference Manual: Processes (pids are unique)")
    void spawnManyDistinct(Trace t) {
        Pid me = Erlang.self();
        List<Pid> ps = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ps.add(Erlang.spawn(() -> Erlang.send(me, t(a("pid"), Erlang.self()))));
        }
        List<Object> got = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            got.add(((Tuple) Erlang.receive(x -> tagged(x, "pid"))).get(1));
        }
        t.p(t(a("distinct"), new HashSet<>(ps).size()));
        t.p(t(a("same_set"), sorted(got).equals(sorted(ps))));
    }

    @Scenario(value = "spawn_alive_until_exit", source = "erlang docs is_process_alive/1, processes/0")
    void spawnAliveUntilExit(Trace t) {
        t.p(Erlang.isProcessAlive(Erlang.self()));
        SpawnMonitor sm = Erlang.spawnMonitor(() -> Erlang.receive(m -> m.equals(a("go"))));
        Pid p = sm.pid();
        t.p(Erlang.isProcessAlive(p));
        t.p(Erlang.processes().contains(p));
        Erlang.send(p, a("go"));
        t.p(down(sm.ref()));
        t.p(Erlang.isProcessAlive(p));
        t.p(Erlang.processes().contains(p));
    }

    @Override
    public boolean dispatch(String method, Trace t) {
        switch (method) {
            case "spawnIdentity":
                spawnIdentity(t);
                return true;
            case "spawnMonitorNormal":
                spawnMonitorNormal(t);
                return true;
            case "spawnInheritsNothing":
                spawnInheritsNothing(t);
                return true;
            case "spawnKillThenDead":
                spawnKillThenDead(t);
                return true;
            case "spawnManyDistinct":
                spawnManyDistinct(t);
                return true;
            case "spawnAliveUntilExit":
                spawnAliveUntilExit(t);
                return true;
            default:
                return false;
        }
    }
}
