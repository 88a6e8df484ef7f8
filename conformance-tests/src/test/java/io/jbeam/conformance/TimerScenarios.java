package io.jbeam.conformance;

import io.jbeam.Erlang;
import io.jbeam.SpawnMonitor;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;

import static io.jbeam.conformance.ScenarioSupport.*;

/** Group F: timers (send_after, start_timer, cancel_timer, read_timer). */
public final class TimerScenarios implements ScenarioGroup {

    @Scenario(value = "timer_send_after", source = "erlang-semantics.md item 39")
    void timerSendAfter(Trace t) {
        long t0 = nowUs();
        Ref r = Erlang.sendAfter(100, Erlang.self(), a("tick"));
        t.p(r != null);
        Erlang.receive(m -> m.equals(a("tick")));
        t.p(t(a("tick"), nowUs() - t0 >= 100_000));
    }

    @Scenario(value = "timer_start_timer", source = "erlang-semantics.md item 39")
    void timerStartTimer(Trace t) {
        Ref r = Erlang.startTimer(10, Erlang.self(), a("hello"));
        t.p(r);
        t.p(Erlang.receive());
    }

    @Scenario(value = "timer_cancel_before_expiry", source = "erlang-semantics.md item 40")
    void timerCancelBeforeExpiry(Trace t) {
        Ref r = Erlang.sendAfter(1000, Erlang.self(), a("tick"));
        long left = Erlang.cancelTimer(r);
        t.p(t(a("left_in_range"), left > 0 && left <= 1000));
        Object m = Erlang.receive(x -> x.equals(a("tick")), 200);
        t.p(m == null ? a("no_tick") : a("got_tick"));
        t.p(msOrFalse(Erlang.cancelTimer(r)));
    }

    @Scenario(value = "timer_cancel_after_expiry", source = "erlang-semantics.md item 40")
    void timerCancelAfterExpiry(Trace t) {
        Ref r = Erlang.sendAfter(10, Erlang.self(), a("tick"));
        pause(100);
        t.p(msOrFalse(Erlang.cancelTimer(r)));
        t.p(drain());
    }

    @Scenario(value = "timer_read_timer", source = "erlang-semantics.md item 40")
    void timerReadTimer(Trace t) {
        Ref r = Erlang.sendAfter(1000, Erlang.self(), a("tick"));
        long left = Erlang.readTimer(r);
        t.p(t(a("left_in_range"), left > 0 && left <= 1000));
        Erlang.cancelTimer(r);
        t.p(msOrFalse(Erlang.readTimer(r)));
    }

    @Scenario(value = "timer_name_resolved_at_expiry", source = "erlang-semantics.md item 41; erlang docs send_after/3")
    void timerNameResolvedAtExpiry(Trace t) {
        Erlang.sendAfter(50, a("conf_timer_name"), a("m"));
        Erlang.register(a("conf_timer_name"), Erlang.self());
        Object m = Erlang.receive(2000);
        t.p(m == null ? a("none") : m);
        Erlang.unregister(a("conf_timer_name"));
    }

    @Scenario(value = "timer_unregistered_name_dropped", source = "erlang-semantics.md item 41; erlang docs send_after/3")
    void timerUnregisteredNameDropped(Trace t) {
        Erlang.sendAfter(20, a("conf_timer_nobody"), a("m"));
        pause(100);
        t.p(a("still_alive"));
        t.p(drain());
    }

    @Scenario(value = "timer_cancelled_when_owner_dies", source = "erlang-semantics.md item 41; erlang docs send_after/3")
    void timerCancelledWhenOwnerDies(Trace t) {
        Pid me = Erlang.self();
        SpawnMonitor sm = Erlang.spawnMonitor(() -> {
            Ref tr = Erlang.sendAfter(1000, Erlang.self(), a("x"));
            Erlang.send(me, t(a("t"), tr));
        });
        Ref tr = (Ref) ((Tuple) Erlang.receive(m -> tagged(m, "t"))).get(1);
        t.p(down(sm.ref()));
        pause(100);
        t.p(msOrFalse(Erlang.readTimer(tr)));
    }

    @Scenario(value = "timer_shorter_fires_first", source = "erlang-semantics.md item 39 (different timeouts)")
    void timerShorterFiresFirst(Trace t) {
        Erlang.sendAfter(150, Erlang.self(), a("late"));
        Erlang.sendAfter(10, Erlang.self(), a("early"));
        t.p(Erlang.receive());
        t.p(Erlang.receive());
    }

    @Scenario(value = "timer_unknown_and_bad_args", source = "erlang-semantics.md item 42")
    void timerUnknownAndBadArgs(Trace t) {
        t.p(msOrFalse(Erlang.cancelTimer(Erlang.makeRef())));
        t.p(msOrFalse(Erlang.readTimer(Erlang.makeRef())));
        t.p(c(() -> Erlang.sendAfter(-1, Erlang.self(), a("m"))));
    }

    @Scenario(value = "timer_cancel_async", source = "erlang-semantics.md item 42; erlang docs cancel_timer/2")
    void timerCancelAsync(Trace t) {
        Ref r = Erlang.sendAfter(1000, Erlang.self(), a("tick"));
        Erlang.cancelTimerAsync(r);
        t.p(a("ok"));
        Tuple m = (Tuple) Erlang.receive(x -> tagged(x, "cancel_timer"));
        Object ms = m.get(2);
        t.p(t(a("cancel_timer"), r.equals(m.get(1)),
                ms instanceof Long && (Long) ms > 0 && (Long) ms <= 1000));
        Erlang.cancelTimerAsync(r);
        t.p(a("ok"));
        Tuple m3 = (Tuple) Erlang.receive(x -> tagged(x, "cancel_timer"));
        t.p(t(a("cancel_timer"), r.equals(m3.get(1)), m3.get(2)));
        Object tick = Erlang.receive(x -> x.equals(a("tick")), 100);
        t.p(tick == null ? a("no_tick") : a("got_tick"));
    }

    @Scenario(value = "timer_start_timer_to_name", source = "erlang-semantics.md items 39, 41")
    void timerStartTimerToName(Trace t) {
        Erlang.register(a("conf_timer_start_name"), Erlang.self());
        Ref r = Erlang.startTimer(20, a("conf_timer_start_name"), a("ping"));
        t.p(r);
        t.p(Erlang.receive());
        Erlang.unregister(a("conf_timer_start_name"));
    }

    @Override
    public boolean dispatch(String method, Trace t) {
        switch (method) {
            case "timerSendAfter":
                timerSendAfter(t);
                return true;
            case "timerStartTimer":
                timerStartTimer(t);
                return true;
            case "timerCancelBeforeExpiry":
                timerCancelBeforeExpiry(t);
                return true;
            case "timerCancelAfterExpiry":
                timerCancelAfterExpiry(t);
                return true;
            case "timerReadTimer":
                timerReadTimer(t);
                return true;
            case "timerNameResolvedAtExpiry":
                timerNameResolvedAtExpiry(t);
                return true;
            case "timerUnregisteredNameDropped":
                timerUnregisteredNameDropped(t);
                return true;
            case "timerCancelledWhenOwnerDies":
                timerCancelledWhenOwnerDies(t);
                return true;
            case "timerShorterFiresFirst":
                timerShorterFiresFirst(t);
                return true;
            case "timerUnknownAndBadArgs":
                timerUnknownAndBadArgs(t);
                return true;
            case "timerCancelAsync":
                timerCancelAsync(t);
                return true;
            case "timerStartTimerToName":
                timerStartTimerToName(t);
                return true;
            default:
                return false;
        }
    }
}
