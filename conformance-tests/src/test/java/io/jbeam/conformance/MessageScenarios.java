package io.jbeam.conformance;

import io.jbeam.Erlang;
import io.jbeam.SpawnMonitor;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;

import java.util.ArrayList;
import java.util.List;

import static io.jbeam.conformance.ScenarioSupport.*;

/** Group B: messages, selective receive, timeouts, and the order of signals from one sender. */
public final class MessageScenarios implements ScenarioGroup {

    @Scenario(value = "msg_order_1000", source = "erlang-semantics.md item 7; Reference Manual: Processes")
    void msgOrder1000(Trace t) {
        Pid me = Erlang.self();
        Erlang.spawn(() -> {
            for (long i = 1; i <= 1000; i++) {
                Erlang.send(me, t(a("n"), i));
            }
        });
        List<Object> got = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (long i = 1; i <= 1000; i++) {
            got.add(((Tuple) Erlang.receive(m -> tagged(m, "n"))).get(1));
            expected.add(i);
        }
        t.p(t(a("in_order"), got.equals(expected)));
        t.p(t(a("first"), got.get(0)));
        t.p(t(a("last"), got.get(got.size() - 1)));
    }

    @Scenario(value = "msg_selective_leaves_rest", source = "erlang-semantics.md item 8")
    void msgSelectiveLeavesRest(Trace t) {
        Pid me = Erlang.self();
        Erlang.send(me, a("a"));
        Erlang.send(me, a("b"));
        Erlang.send(me, a("c"));
        Erlang.receive(m -> m.equals(a("c")));
        t.p(a("got_c"));
        t.p(drain());
    }

    @Scenario(value = "msg_queue_order_beats_clause_order", source = "erlang-semantics.md item 8")
    void msgQueueOrderBeatsClauseOrder(Trace t) {
        Pid me = Erlang.self();
        Erlang.send(me, a("b"));
        Erlang.send(me, a("a"));
        Object first = Erlang.receive(m -> m.equals(a("a")) || m.equals(a("b")));
        t.p(t(a("first"), first));
        t.p(drain());
    }

    @Scenario(value = "msg_after_zero_keeps_queue", source = "erlang-semantics.md item 9; erts after_SUITE receive_zero")
    void msgAfterZeroKeepsQueue(Trace t) {
        Pid me = Erlang.self();
        Erlang.send(me, a("x"));
        Erlang.send(me, a("y"));
        Object z = Erlang.receive(m -> m.equals(a("z")), 0);
        t.p(z == null ? a("timeout") : a("got_z"));
        t.p(drain());
    }

    @Scenario(value = "msg_guard_selects", source = "erlang-semantics.md item 9")
    void msgGuardSelects(Trace t) {
        Pid me = Erlang.self();
        Erlang.send(me, 3L);
        Erlang.send(me, 7L);
        t.p(Erlang.receive(m -> m instanceof Long && (Long) m > 5));
        t.p(drain());
    }

    @Scenario(value = "msg_selective_evens_then_odds", source = "Reference Manual: Expressions (receive)")
    void msgSelectiveEvensThenOdds(Trace t) {
        Pid me = Erlang.self();
        for (long i = 1; i <= 10; i++) {
            Erlang.send(me, i);
        }
        List<Object> evens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            evens.add(Erlang.receive(m -> m instanceof Long && (Long) m % 2 == 0));
        }
        t.p(evens);
        t.p(drain());
    }

    @Scenario(value = "msg_after_never_early", source = "erlang-semantics.md item 10; erts after_SUITE t_after")
    void msgAfterNeverEarly(Trace t) {
        long t0 = nowUs();
        Object m = Erlang.receive(x -> x.equals(a("nothing")), 100);
        t.p(m == null ? a("timeout") : a("got"));
        t.p(t(a("waited_at_least_100ms"), nowUs() - t0 >= 100_000));
    }

    @Scenario(value = "msg_after_then_late_message", source = "Reference Manual: Expressions (receive ... after)")
    void msgAfterThenLateMessage(Trace t) {
        Pid me = Erlang.self();
        Erlang.spawn(() -> {
            pause(150);
            Erlang.send(me, a("late"));
        });
        Object m = Erlang.receive(x -> x.equals(a("late")), 10);
        t.p(m == null ? a("timeout") : a("early"));
        Object m2 = Erlang.receive(x -> x.equals(a("late")), 5000);
        t.p(m2 == null ? a("too_late") : a("late"));
    }

    @Scenario(value = "msg_timeout_value_errors", source = "erlang-semantics.md item 10; erts after_SUITE receive_after_errors")
    void msgTimeoutValueErrors(Trace t) {
        Pid me = Erlang.self();
        t.p(c(() -> orTimeout(Erlang.receive(m -> m.equals(a("nothing")), -1))));
        Erlang.send(me, a("m"));
        t.p(c(() -> orTimeout(Erlang.receive(-1))));
        t.p(c(() -> orTimeout(Erlang.receive(m -> m.equals(a("nothing")), 4294967296L))));
        Erlang.send(me, a("n"));
        t.p(c(() -> orTimeout(Erlang.receive(4294967295L))));
    }

    private static Object orTimeout(Object received) {
        return received == null ? a("timeout") : received;
    }

    @Scenario(value = "msg_send_to_dead_pid", source = "erlang-semantics.md item 11; Reference Manual: Processes")
    void msgSendToDeadPid(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> { });
        down(sm.ref());
        Atom m = a("m");
        Erlang.send(sm.pid(), m);
        t.p(m);
        t.p(a("still_here"));
    }

    @Scenario(value = "msg_send_to_unregistered_name", source = "erlang-semantics.md item 11; erts process_SUITE bad_register")
    void msgSendToUnregisteredName(Trace t) {
        t.p(c(() -> {
            Erlang.send(a("conf_nobody_msg"), a("m"));
            return a("m");
        }));
    }

    @Scenario(value = "msg_send_self", source = "Reference Manual: Processes (send to self)")
    void msgSendSelf(Trace t) {
        Erlang.send(Erlang.self(), t(a("x"), l(1L, 2L), t()));
        t.p(Erlang.receive());
        Object m2 = Erlang.receive(0);
        t.p(m2 == null ? a("empty") : m2);
    }

    @Scenario(value = "msg_echo_term", source = "Reference Manual: Data Types (terms sent are copied intact)")
    void msgEchoTerm(Trace t) {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> {
            Tuple m = (Tuple) Erlang.receive();
            Erlang.send((Pid) m.get(0), t(a("echo"), m.get(1)));
        });
        Erlang.send(p, t(me, t(a("a"), l(1L, 2L, t(a("b"), a("c"))), -5L, l(), t(), a("EXIT"), 123456789012345L)));
        t.p(Erlang.receive());
    }

    @Scenario(value = "msg_exit_after_sends_never_overtakes",
            source = "erlang-semantics.md item 12; erts signal_SUITE xm_sig_order")
    void msgExitAfterSendsNeverOvertakes(Trace t) {
        List<Object> reasons = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            reasons.add(sigOrderOnce());
        }
        List<Object> distinct = new ArrayList<>();
        for (Object r : sorted(reasons)) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(r)) distinct.add(r);
        }
        t.p(t(a("reasons"), distinct));
        t.p(t(a("runs"), reasons.size()));
    }

    private static Object sigOrderOnce() {
        SpawnMonitor sm = Erlang.spawnMonitor(MessageScenarios::sigOrderLoop);
        for (int i = 0; i < 3; i++) Erlang.send(sm.pid(), a("may_reach"));
        Erlang.exit(sm.pid(), a("r"));
        for (int i = 0; i < 3; i++) Erlang.send(sm.pid(), a("may_not_reach"));
        return down(sm.ref());
    }

    private static void sigOrderLoop() {
        while (true) {
            Object m = Erlang.receive(x -> x.equals(a("may_reach")) || x.equals(a("may_not_reach")));
            if (m.equals(a("may_not_reach"))) Erlang.exit(a("bad"));
        }
    }

    @Scenario(value = "msg_before_down", source = "Reference Manual: Processes (Delivery of Signals); erts signal_SUITE")
    void msgBeforeDown(Trace t) {
        Pid me = Erlang.self();
        SpawnMonitor sm = Erlang.spawnMonitor(() -> {
            Erlang.send(me, a("m1"));
            Erlang.send(me, a("m2"));
            Erlang.exit(a("done"));
        });
        t.p(t(sm.pid(), sm.ref()));
        t.p(Erlang.receive());
        t.p(Erlang.receive());
        t.p(Erlang.receive());
    }

    @Scenario(value = "msg_before_exit_signal", source = "Reference Manual: Processes (Delivery of Signals)")
    void msgBeforeExitSignal(Trace t) {
        Erlang.trapExit(true);
        Pid me = Erlang.self();
        Pid p = Erlang.spawnLink(() -> {
            Erlang.send(me, a("m1"));
            Erlang.send(me, a("m2"));
            Erlang.exit(a("done"));
        });
        t.p(p);
        t.p(Erlang.receive());
        t.p(Erlang.receive());
        t.p(Erlang.receive());
    }

    @Override
    public boolean dispatch(String method, Trace t) {
        switch (method) {
            case "msgOrder1000":
                msgOrder1000(t);
                return true;
            case "msgSelectiveLeavesRest":
                msgSelectiveLeavesRest(t);
                return true;
            case "msgQueueOrderBeatsClauseOrder":
                msgQueueOrderBeatsClauseOrder(t);
                return true;
            case "msgAfterZeroKeepsQueue":
                msgAfterZeroKeepsQueue(t);
                return true;
            case "msgGuardSelects":
                msgGuardSelects(t);
                return true;
            case "msgSelectiveEvensThenOdds":
                msgSelectiveEvensThenOdds(t);
                return true;
            case "msgAfterNeverEarly":
                msgAfterNeverEarly(t);
                return true;
            case "msgAfterThenLateMessage":
                msgAfterThenLateMessage(t);
                return true;
            case "msgTimeoutValueErrors":
                msgTimeoutValueErrors(t);
                return true;
            case "msgSendToDeadPid":
                msgSendToDeadPid(t);
                return true;
            case "msgSendToUnregisteredName":
                msgSendToUnregisteredName(t);
                return true;
            case "msgSendSelf":
                msgSendSelf(t);
                return true;
            case "msgEchoTerm":
                msgEchoTerm(t);
                return true;
            case "msgExitAfterSendsNeverOvertakes":
                msgExitAfterSendsNeverOvertakes(t);
                return true;
            case "msgBeforeDown":
                msgBeforeDown(t);
                return true;
            case "msgBeforeExitSignal":
                msgBeforeExitSignal(t);
                return true;
            default:
                return false;
        }
    }
}
