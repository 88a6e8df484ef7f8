package io.jbeam.conformance;

import io.jbeam.Erlang;
import io.jbeam.SpawnMonitor;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;

import static io.jbeam.conformance.ScenarioSupport.*;

/** Group E: registered names. Every name starts with conf_ and belongs to one scenario only. */
public final class RegistryScenarios implements ScenarioGroup {

    @Scenario(value = "reg_basic", source = "erlang-semantics.md item 36")
    void regBasic(Trace t) {
        Pid p = Erlang.spawn(ScenarioSupport::idle);
        t.p(c(() -> {
            Erlang.register(a("conf_reg_basic"), p);
            return true;
        }));
        t.p(p.equals(Erlang.whereis(a("conf_reg_basic"))));
        t.p(Erlang.registered().contains(a("conf_reg_basic")));
        t.p(c(() -> {
            Erlang.unregister(a("conf_reg_basic"));
            return true;
        }));
        t.p(c(() -> {
            Erlang.unregister(a("conf_reg_basic"));
            return true;
        }));
        t.p(Erlang.whereis(a("conf_reg_basic")));
        t.p(Erlang.registered().contains(a("conf_reg_basic")));
        Erlang.exit(p, a("kill"));
    }

    @Scenario(value = "reg_freed_on_exit", source = "erlang-semantics.md item 36")
    void regFreedOnExit(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> Erlang.receive(m -> m.equals(a("go"))));
        Erlang.register(a("conf_reg_freed"), sm.pid());
        Erlang.send(sm.pid(), a("go"));
        t.p(down(sm.ref()));
        t.p(Erlang.whereis(a("conf_reg_freed")));
        t.p(Erlang.registered().contains(a("conf_reg_freed")));
        t.p(c(() -> {
            Erlang.register(a("conf_reg_freed"), Erlang.self());
            return true;
        }));
        t.p(Erlang.self().equals(Erlang.whereis(a("conf_reg_freed"))));
        Erlang.unregister(a("conf_reg_freed"));
    }

    @Scenario(value = "reg_badarg_cases", source = "erlang-semantics.md item 37; erts process_SUITE bad_register")
    void regBadargCases(Trace t) {
        Pid p = Erlang.spawn(ScenarioSupport::idle);
        Erlang.register(a("conf_reg_bad_a"), p);
        t.p(c(() -> {
            Erlang.register(a("conf_reg_bad_a"), Erlang.self());
            return true;
        }));
        t.p(c(() -> {
            Erlang.register(a("conf_reg_bad_b"), p);
            return true;
        }));
        t.p(c(() -> {
            Erlang.register(a("undefined"), Erlang.self());
            return true;
        }));
        SpawnMonitor sm = Erlang.spawnMonitor(() -> { });
        down(sm.ref());
        t.p(c(() -> {
            Erlang.register(a("conf_reg_bad_c"), sm.pid());
            return true;
        }));
        t.p(Erlang.whereis(a("conf_reg_bad_b")));
        t.p(Erlang.whereis(a("conf_reg_bad_c")));
        t.p(p.equals(Erlang.whereis(a("conf_reg_bad_a"))));
        Erlang.exit(p, a("kill"));
    }

    @Scenario(value = "reg_send_by_name", source = "erlang-semantics.md items 11, 36; Reference Manual: Processes (Registered Names)")
    void regSendByName(Trace t) {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> {
            while (true) {
                Tuple m = (Tuple) Erlang.receive();
                Erlang.send((Pid) m.get(0), t(a("echo"), m.get(1)));
            }
        });
        Erlang.register(a("conf_reg_send"), p);
        Erlang.send(a("conf_reg_send"), t(me, a("hello")));
        t.p(Erlang.receive());
        Erlang.unregister(a("conf_reg_send"));
        t.p(c(() -> {
            Erlang.send(a("conf_reg_send"), t(me, a("again")));
            return t(me, a("again"));
        }));
        Object m = Erlang.receive(100);
        t.p(m == null ? a("nothing") : m);
        Erlang.exit(p, a("kill"));
    }

    @Scenario(value = "reg_whereis_unknown", source = "erlang-semantics.md item 36")
    void regWhereisUnknown(Trace t) {
        t.p(Erlang.whereis(a("conf_never_registered")));
        t.p(Erlang.registered().contains(a("conf_never_registered")));
    }

    @Scenario(value = "reg_registered_name_info", source = "erlang-semantics.md item 38; erts process_SUITE t_process_info")
    void regRegisteredNameInfo(Trace t) {
        t.p(Erlang.processInfo(Erlang.self(), a("registered_name")));
        Erlang.register(a("conf_reg_info"), Erlang.self());
        t.p(Erlang.processInfo(Erlang.self(), a("registered_name")));
        Erlang.unregister(a("conf_reg_info"));
        t.p(Erlang.processInfo(Erlang.self(), a("registered_name")));
    }

    @Scenario(value = "reg_unregister_by_other_process", source = "erlang docs unregister/1")
    void regUnregisterByOtherProcess(Trace t) {
        Pid me = Erlang.self();
        Erlang.register(a("conf_reg_other"), me);
        Erlang.spawn(() -> Erlang.send(me, t(a("done"), c(() -> {
            Erlang.unregister(a("conf_reg_other"));
            return true;
        }))));
        t.p(((Tuple) Erlang.receive(m -> tagged(m, "done"))).get(1));
        t.p(Erlang.whereis(a("conf_reg_other")));
        t.p(Erlang.processInfo(me, a("registered_name")));
    }

    @Override
    public boolean dispatch(String method, Trace t) {
        switch (method) {
            case "regBasic":
                regBasic(t);
                return true;
            case "regFreedOnExit":
                regFreedOnExit(t);
                return true;
            case "regBadargCases":
                regBadargCases(t);
                return true;
            case "regSendByName":
                regSendByName(t);
                return true;
            case "regWhereisUnknown":
                regWhereisUnknown(t);
                return true;
            case "regRegisteredNameInfo":
                regRegisteredNameInfo(t);
                return true;
            case "regUnregisterByOtherProcess":
                regUnregisterByOtherProcess(t);
                return true;
            default:
                return false;
        }
    }
}
