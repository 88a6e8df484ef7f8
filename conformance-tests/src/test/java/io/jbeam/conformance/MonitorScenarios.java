package io.jbeam.conformance;

import io.jbeam.Erlang;
import io.jbeam.SpawnMonitor;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;

import static io.jbeam.conformance.ScenarioSupport.*;

/** Group D: monitors. */
public final class MonitorScenarios implements ScenarioGroup {

    @Scenario(value = "mon_exit2_reason", source = "erlang-semantics.md item 27; erts monitor_SUITE mon_1")
    void monExit2Reason(Trace t) {
        Pid p = Erlang.spawn(ScenarioSupport::idle);
        Ref r = Erlang.monitor(p);
        t.p(r);
        Erlang.exit(p, a("frop"));
        t.p(Erlang.receive());
    }

    @Scenario(value = "mon_dead_pid_noproc", source = "erlang-semantics.md item 27; erts monitor_SUITE mon_1")
    void monDeadPidNoproc(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> { });
        down(sm.ref());
        Ref r = Erlang.monitor(sm.pid());
        t.p(t(sm.pid(), r));
        t.p(Erlang.receive());
    }

    @Scenario(value = "mon_by_name", source = "erlang-semantics.md item 28; erts monitor_SUITE mon_1")
    void monByName(Trace t) {
        Pid p = Erlang.spawn(ScenarioSupport::idle);
        Erlang.register(a("conf_jeeves"), p);
        Ref r = Erlang.monitor(a("conf_jeeves"));
        t.p(r);
        Erlang.exit(p, a("kill"));
        t.p(Erlang.receive());
    }

    @Scenario(value = "mon_by_unregistered_name", source = "erlang-semantics.md item 28; erts monitor_SUITE mon_1")
    void monByUnregisteredName(Trace t) {
        Ref r = Erlang.monitor(a("conf_nobody_mon"));
        t.p(r);
        t.p(Erlang.receive());
    }

    @Scenario(value = "mon_two_monitors_two_downs", source = "erlang-semantics.md item 29; Reference Manual: Processes (Monitors)")
    void monTwoMonitorsTwoDowns(Trace t) {
        Pid p = Erlang.spawn(() -> Erlang.receive(m -> m.equals(a("go"))));
        Ref r1 = Erlang.monitor(p);
        Ref r2 = Erlang.monitor(p);
        t.p(t(r1, r2));
        t.p(!r1.equals(r2));
        Erlang.send(p, a("go"));
        t.p(t(a("first"), down(r1)));
        t.p(t(a("second"), down(r2)));
        t.p(drain());
    }

    @Scenario(value = "mon_demonitor_before_exit", source = "erlang-semantics.md item 30; erts monitor_SUITE demon_1")
    void monDemonitorBeforeExit(Trace t) {
        Pid p = Erlang.spawn(() -> {
            Erlang.receive(m -> m.equals(a("go")));
            Erlang.exit(a("boom"));
        });
        Ref r1 = Erlang.monitor(p);
        Ref r2 = Erlang.monitor(p);
        t.p(Erlang.demonitor(r1));
        Erlang.send(p, a("go"));
        t.p(down(r2));
        Object m = Erlang.receive(100);
        t.p(m == null ? a("no_more") : m);
    }

    @Scenario(value = "mon_demonitor_flush", source = "erlang-semantics.md item 30; erts monitor_SUITE demonitor_flush")
    void monDemonitorFlush(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> { });
        pause(100);
        t.p(Erlang.demonitor(sm.ref(), true));
        t.p(drain());
    }

    @Scenario(value = "mon_demonitor_keeps_queued_down", source = "erlang-semantics.md item 30; erlang docs demonitor/1")
    void monDemonitorKeepsQueuedDown(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> { });
        t.p(t(sm.pid(), sm.ref()));
        pause(100);
        t.p(Erlang.demonitor(sm.ref()));
        t.p(drain());
    }

    @Scenario(value = "mon_demonitor_unknown_ref", source = "erlang-semantics.md item 31; erts monitor_SUITE demon_1")
    void monDemonitorUnknownRef(Trace t) {
        t.p(Erlang.demonitor(Erlang.makeRef()));
        t.p(Erlang.demonitor(Erlang.makeRef(), true));
    }

    @Scenario(value = "mon_self_nothing_delivered", source = "erlang-semantics.md item 32")
    void monSelfNothingDelivered(Trace t) {
        Ref r = Erlang.monitor(Erlang.self());
        t.p(r != null);
        t.p(Erlang.processInfo(Erlang.self(), a("monitors")));
        t.p(Erlang.demonitor(r));
        Object m = Erlang.receive(100);
        t.p(m == null ? a("nothing") : m);
    }

    @Scenario(value = "mon_monitors_and_monitored_by", source = "erlang-semantics.md item 33; erts monitor_SUITE list_cleanup")
    void monMonitorsAndMonitoredBy(Trace t) {
        Pid me = Erlang.self();
        t.p(me);
        Pid p = Erlang.spawn(ScenarioSupport::idle);
        Ref r = Erlang.monitor(p);
        t.p(Erlang.processInfo(me, a("monitors")));
        t.p(Erlang.processInfo(p, a("monitored_by")));
        Erlang.demonitor(r);
        t.p(Erlang.processInfo(me, a("monitors")));
        t.p(Erlang.processInfo(p, a("monitored_by")));
        Erlang.exit(p, a("kill"));
    }

    @Scenario(value = "mon_name_released_before_down", source = "erlang-semantics.md item 34; erts monitor_SUITE named_down")
    void monNameReleasedBeforeDown(Trace t) {
        Pid p = Erlang.spawn(ScenarioSupport::idle);
        Erlang.register(a("conf_named_down"), p);
        Ref r = Erlang.monitor(p);
        Erlang.exit(p, a("kill"));
        t.p(down(r));
        t.p(Erlang.whereis(a("conf_named_down")));
    }

    @Scenario(value = "mon_spawn_monitor_crash", source = "erlang-semantics.md item 4; erlang docs spawn_monitor/1")
    void monSpawnMonitorCrash(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> Erlang.exit(a("boom")));
        t.p(t(sm.pid(), sm.ref()));
        t.p(Erlang.receive());
    }

    @Scenario(value = "mon_down_then_alive_false", source = "Reference Manual: Processes (Monitors); erlang-semantics.md item 45")
    void monDownThenAliveFalse(Trace t) {
        Pid p = Erlang.spawn(() -> Erlang.receive(m -> m.equals(a("go"))));
        Ref r = Erlang.monitor(p);
        Erlang.send(p, a("go"));
        t.p(down(r));
        t.p(Erlang.isProcessAlive(p));
        t.p(Erlang.processInfo(p, a("status")));
    }

    @Scenario(value = "mon_demonitor_info", source = "erlang-semantics.md item 30; erts monitor_SUITE remove_monitor")
    void monDemonitorInfo(Trace t) {
        Pid p = Erlang.spawn(() -> Erlang.receive(m -> m.equals(a("go"))));
        Ref r1 = Erlang.monitor(p);
        t.p(Erlang.demonitorInfo(r1, false));
        Ref r2 = Erlang.monitor(p);
        Ref r3 = Erlang.monitor(p);
        Erlang.send(p, a("go"));
        pause(100);
        t.p(Erlang.demonitorInfo(r2, false));
        Object m = Erlang.receive(x -> isDown(x, r2), 0);
        t.p(m == null ? a("gone") : t(a("still_queued"), ((Tuple) m).get(4)));
        t.p(Erlang.demonitorInfo(r3, true));
        t.p(drain());
    }

    @Override
    public boolean dispatch(String method, Trace t) {
        switch (method) {
            case "monExit2Reason":
                monExit2Reason(t);
                return true;
            case "monDeadPidNoproc":
                monDeadPidNoproc(t);
                return true;
            case "monByName":
                monByName(t);
                return true;
            case "monByUnregisteredName":
                monByUnregisteredName(t);
                return true;
            case "monTwoMonitorsTwoDowns":
                monTwoMonitorsTwoDowns(t);
                return true;
            case "monDemonitorBeforeExit":
                monDemonitorBeforeExit(t);
                return true;
            case "monDemonitorFlush":
                monDemonitorFlush(t);
                return true;
            case "monDemonitorKeepsQueuedDown":
                monDemonitorKeepsQueuedDown(t);
                return true;
            case "monDemonitorUnknownRef":
                monDemonitorUnknownRef(t);
                return true;
            case "monSelfNothingDelivered":
                monSelfNothingDelivered(t);
                return true;
            case "monMonitorsAndMonitoredBy":
                monMonitorsAndMonitoredBy(t);
                return true;
            case "monNameReleasedBeforeDown":
                monNameReleasedBeforeDown(t);
                return true;
            case "monSpawnMonitorCrash":
                monSpawnMonitorCrash(t);
                return true;
            case "monDownThenAliveFalse":
                monDownThenAliveFalse(t);
                return true;
            case "monDemonitorInfo":
                monDemonitorInfo(t);
                return true;
            default:
                return false;
        }
    }
}
