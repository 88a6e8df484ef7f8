package io.jbeam.conformance;

import io.jbeam.Erlang;
import io.jbeam.ErlangExit;
import io.jbeam.ErlangThrow;
import io.jbeam.ErlangError;
import io.jbeam.SpawnMonitor;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;

import java.util.List;

import static io.jbeam.conformance.ScenarioSupport.*;

/** Group I: exceptions and exit reasons. */
public final class ExceptionScenarios implements ScenarioGroup {

    @Scenario(value = "exc_catch_classes", source = "erlang-semantics.md item 49; erts exception_SUITE")
    void excCatchClasses(Trace t) {
        t.p(c(() -> {
            Erlang.throwTerm(a("x"));
            return true;
        }));
        t.p(c(() -> {
            Erlang.exit(a("r"));
            return true;
        }));
        t.p(c(() -> {
            Erlang.error(a("e"));
            return true;
        }));
        t.p(c(() -> {
            throw new ErlangThrow(a("foo"));
        }));
    }

    @Scenario(value = "exc_after_always_runs", source = "erlang-semantics.md item 49; Reference Manual: Expressions (try)")
    void excAfterAlwaysRuns(Trace t) {
        Object v1;
        try {
            v1 = a("ok");
        } finally {
            t.p(a("after_1"));
        }
        t.p(v1);
        Object v2;
        try {
            Erlang.throwTerm(a("t"));
            v2 = a("unreachable");
        } catch (ErlangThrow e) {
            v2 = t(a("caught_then"), e.value());
        } finally {
            t.p(a("after_2"));
        }
        t.p(v2);
        t.p(c(() -> {
            try {
                Erlang.exit(a("inner"));
                return true;
            } finally {
                t.p(a("after_3"));
            }
        }));
    }

    @Scenario(value = "exc_nested_rethrow", source = "Reference Manual: Expressions (try); erts exception_SUITE")
    void excNestedRethrow(Trace t) {
        t.p(c(() -> {
            try {
                Erlang.error(a("inner"));
                return true;
            } catch (ErlangError e) {
                Erlang.exit(t(a("wrapped"), e.reason()));
                return true;
            }
        }));
        t.p(c(() -> {
            try {
                Erlang.throwTerm(a("a"));
                return true;
            } catch (ErlangThrow e) {
                Erlang.throwTerm(a("b"));
                return true;
            }
        }));
    }

    @Scenario(value = "exc_uncaught_throw_nocatch", source = "erlang-semantics.md item 50; Reference Manual: Errors (exit reasons)")
    void excUncaughtThrowNocatch(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> Erlang.throwTerm(a("x")));
        t.p(((Tuple) down(sm.ref())).get(0));
    }

    @Scenario(value = "exc_uncaught_exit_reason", source = "erlang-semantics.md item 50")
    void excUncaughtExitReason(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> Erlang.exit(t(a("shutdown"), a("why"))));
        t.p(down(sm.ref()));
    }

    @Scenario(value = "exc_uncaught_error_reason", source = "erlang-semantics.md item 50")
    void excUncaughtErrorReason(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> Erlang.error(a("e")));
        Tuple w = (Tuple) down(sm.ref());
        t.p(w.get(0));
        t.p(w.get(1) instanceof List);
    }

    @Scenario(value = "exc_error_normal_is_abnormal", source = "erlang-semantics.md item 50")
    void excErrorNormalIsAbnormal(Trace t) {
        Erlang.trapExit(true);
        Pid me = Erlang.self();
        Pid pa = Erlang.spawnLink(() -> {
            Erlang.spawnLink(() -> Erlang.error(a("normal")));
            idle();
        });
        Ref r = Erlang.monitor(pa);
        Tuple w = (Tuple) down(r);
        t.p(t(a("a_down"), w.get(0)));
        Tuple w2 = (Tuple) ((Tuple) Erlang.receive(m -> isExit(m, pa))).get(2);
        t.p(t(a("a_exit"), w2.get(0)));
        t.p(me.equals(Erlang.self()));
    }

    @Scenario(value = "exc_exit_kill_from_inside", source = "erlang-semantics.md items 20, 50")
    void excExitKillFromInside(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> Erlang.exit(a("kill")));
        t.p(down(sm.ref()));
    }

    @Scenario(value = "exc_exit_normal_deep_keeps_partner", source = "erlang-semantics.md items 14, 50")
    void excExitNormalDeepKeepsPartner(Trace t) {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> {
            Pid c = Erlang.spawnLink(() -> deep(50));
            Ref r = Erlang.monitor(c);
            Erlang.send(me, t(a("c_down"), down(r)));
            Tuple m = (Tuple) Erlang.receive(x -> tagged(x, "ping"));
            Erlang.send((Pid) m.get(1), a("pong"));
        });
        t.p(Erlang.receive());
        Erlang.send(p, t(a("ping"), Erlang.self()));
        Object pong = Erlang.receive(x -> x.equals(a("pong")), 2000);
        t.p(pong == null ? a("no_pong") : pong);
    }

    private static long deep(long n) {
        if (n == 0) {
            Erlang.exit(a("normal"));
        } else {
            deep(n - 1);
        }
        return n;
    }

    @Scenario(value = "exc_after_runs_before_exit", source = "erlang-semantics.md item 49")
    void excAfterRunsBeforeExit(Trace t) {
        Pid me = Erlang.self();
        SpawnMonitor sm = Erlang.spawnMonitor(() -> {
            try {
                Erlang.exit(a("r"));
            } finally {
                Erlang.send(me, a("after_ran"));
            }
        });
        t.p(Erlang.receive(m -> m.equals(a("after_ran"))));
        t.p(down(sm.ref()));
    }

    @Scenario(value = "exc_caught_exit_does_not_end_process", source = "erlang-semantics.md items 22, 49")
    void excCaughtExitDoesNotEndProcess(Trace t) {
        t.p(c(() -> {
            Erlang.exit(a("r"));
            return true;
        }));
        t.p(c(() -> {
            Erlang.exit(a("normal"));
            return true;
        }));
        t.p(c(() -> {
            throw new ErlangExit(a("kill"));
        }));
        t.p(t(a("alive"), Erlang.isProcessAlive(Erlang.self())));
    }

    @Override
    public boolean dispatch(String method, Trace t) {
        switch (method) {
            case "excCatchClasses":
                excCatchClasses(t);
                return true;
            case "excAfterAlwaysRuns":
                excAfterAlwaysRuns(t);
                return true;
            case "excNestedRethrow":
                excNestedRethrow(t);
                return true;
            case "excUncaughtThrowNocatch":
                excUncaughtThrowNocatch(t);
                return true;
            case "excUncaughtExitReason":
                excUncaughtExitReason(t);
                return true;
            case "excUncaughtErrorReason":
                excUncaughtErrorReason(t);
                return true;
            case "excErrorNormalIsAbnormal":
                excErrorNormalIsAbnormal(t);
                return true;
            case "excExitKillFromInside":
                excExitKillFromInside(t);
                return true;
            case "excExitNormalDeepKeepsPartner":
                excExitNormalDeepKeepsPartner(t);
                return true;
            case "excAfterRunsBeforeExit":
                excAfterRunsBeforeExit(t);
                return true;
            case "excCaughtExitDoesNotEndProcess":
                excCaughtExitDoesNotEndProcess(t);
                return true;
            default:
                return false;
        }
    }
}
