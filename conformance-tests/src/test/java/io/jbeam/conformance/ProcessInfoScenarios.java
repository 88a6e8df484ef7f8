package io.jbeam.conformance;

import io.jbeam.Erlang;
import io.jbeam.SpawnMonitor;
import io.jbeam.SpawnOptions;
import io.jbeam.scheduler.Priority;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;

import java.util.ArrayList;
import java.util.List;

import static io.jbeam.conformance.ScenarioSupport.*;

/** Group H: process_info. */
public final class ProcessInfoScenarios implements ScenarioGroup {

    @Scenario(value = "pinfo_dead_undefined", source = "erlang-semantics.md item 45; erts process_SUITE t_process_info")
    void pinfoDeadUndefined(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> { });
        down(sm.ref());
        t.p(Erlang.processInfo(sm.pid(), a("status")));
        t.p(Erlang.processInfo(sm.pid(), a("messages")));
        t.p(Erlang.processInfo(sm.pid(), a("registered_name")));
    }

    @Scenario(value = "pinfo_status", source = "erlang-semantics.md item 46")
    void pinfoStatus(Trace t) {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> {
            Erlang.send(me, a("ready"));
            Erlang.receive(m -> m.equals(a("go")));
        });
        Erlang.receive(m -> m.equals(a("ready")));
        pause(100);
        t.p(Erlang.processInfo(p, a("status")));
        t.p(Erlang.processInfo(me, a("status")));
        Erlang.send(p, a("go"));
    }

    @Scenario(value = "pinfo_messages_self", source = "erlang-semantics.md item 47; erts process_SUITE process_info_other_msg")
    void pinfoMessagesSelf(Trace t) {
        Pid me = Erlang.self();
        Erlang.send(me, a("a"));
        Erlang.send(me, a("b"));
        t.p(Erlang.processInfo(me, a("messages")));
        t.p(Erlang.processInfo(me, a("message_queue_len")));
        t.p(drain());
        t.p(Erlang.processInfo(me, a("message_queue_len")));
    }

    @Scenario(value = "pinfo_messages_other", source = "erlang-semantics.md item 47; erts process_SUITE process_info_other_msg")
    void pinfoMessagesOther(Trace t) {
        Pid p = Erlang.spawn(() -> Erlang.receive(m -> m.equals(a("go"))));
        Erlang.send(p, a("x"));
        Erlang.send(p, t(a("y"), 1L));
        t.p(Erlang.processInfo(p, a("messages")));
        t.p(Erlang.processInfo(p, a("message_queue_len")));
        Erlang.send(p, a("go"));
    }

    @Scenario(value = "pinfo_links_and_trap_exit", source = "erlang-semantics.md item 48; erts process_SUITE t_process_info")
    void pinfoLinksAndTrapExit(Trace t) {
        Pid me = Erlang.self();
        t.p(me);
        t.p(Erlang.processInfo(me, a("trap_exit")));
        Erlang.trapExit(true);
        Pid p = Erlang.spawnLink(ScenarioSupport::idle);
        t.p(p);
        t.p(Erlang.processInfo(me, a("links")));
        t.p(Erlang.processInfo(me, a("trap_exit")));
        t.p(Erlang.processInfo(p, a("links")));
        t.p(Erlang.processInfo(p, a("trap_exit")));
        Erlang.unlink(p);
        t.p(Erlang.processInfo(me, a("links")));
        Erlang.exit(p, a("kill"));
    }

    @Scenario(value = "pinfo_bad_item_badarg", source = "erlang-semantics.md item 45; erts process_SUITE t_process_info")
    void pinfoBadItemBadarg(Trace t) {
        t.p(c(() -> Erlang.processInfo(Erlang.self(), a("conf_no_such_item"))));
    }

    @Scenario(value = "pinfo_list_form", source = "erlang-semantics.md items 38, 47; erts process_SUITE process_info_2_list")
    void pinfoListForm(Trace t) {
        Pid me = Erlang.self();
        Erlang.send(me, a("a"));
        Erlang.send(me, a("b"));
        t.p(Erlang.processInfo(me, List.of(a("messages"), a("message_queue_len"))));
        t.p(Erlang.processInfo(me, List.of(a("message_queue_len"), a("trap_exit"), a("message_queue_len"))));
        t.p(Erlang.processInfo(me, List.of(a("registered_name"))));
        drain();
        SpawnMonitor sm = Erlang.spawnMonitor(() -> { });
        down(sm.ref());
        t.p(Erlang.processInfo(sm.pid(), List.of(a("status"), a("messages"))));
    }

    @Scenario(value = "pinfo_info1_keys", source = "erlang-semantics.md items 38, 48; erts process_SUITE t_process_info")
    void pinfoInfo1Keys(Trace t) {
        Pid p = Erlang.spawn(ScenarioSupport::idle);
        t.p(keys(Erlang.processInfo(p)));
        Erlang.register(a("conf_pinfo_keys"), p);
        t.p(Erlang.processInfo(p).get(0));
        t.p(keys(Erlang.processInfo(p)).contains(a("registered_name")));
        Erlang.exit(p, a("kill"));
    }

    private static List<Object> keys(List<Object> info) {
        List<Object> keys = new ArrayList<>();
        for (Object item : info) keys.add(((Tuple) item).get(0));
        return keys;
    }

    @Scenario(value = "pinfo_current_function_sleep", source = "erlang-semantics.md items 4, 46")
    void pinfoCurrentFunctionSleep(Trace t) {
        Pid p = Erlang.spawn(() -> Erlang.sleep(2000));
        Pid q = Erlang.spawn(ScenarioSupport::idle);
        pause(100);
        t.p(Erlang.processInfo(p, a("current_function")));
        t.p(Erlang.processInfo(p, a("status")));
        t.p(Erlang.processInfo(q, a("initial_call")));
        Erlang.exit(p, a("kill"));
        Erlang.exit(q, a("kill"));
    }

    @Scenario(value = "pinfo_priority_flag", source = "erlang docs process_flag/2 (priority), spawn_opt/2")
    void pinfoPriorityFlag(Trace t) {
        Pid me = Erlang.self();
        t.p(Erlang.processInfo(me, a("priority")));
        t.p(Erlang.processFlag(a("priority"), a("high")));
        t.p(Erlang.processInfo(me, a("priority")));
        t.p(Erlang.processFlag(a("priority"), a("normal")));
        Pid p = Erlang.spawnOpt(ScenarioSupport::idle, SpawnOptions.priority(Priority.LOW));
        t.p(Erlang.processInfo(p, a("priority")));
        Erlang.exit(p, a("kill"));
    }

    @Override
    public boolean dispatch(String method, Trace t) {
        switch (method) {
            case "pinfoDeadUndefined":
                pinfoDeadUndefined(t);
                return true;
            case "pinfoStatus":
                pinfoStatus(t);
                return true;
            case "pinfoMessagesSelf":
                pinfoMessagesSelf(t);
                return true;
            case "pinfoMessagesOther":
                pinfoMessagesOther(t);
                return true;
            case "pinfoLinksAndTrapExit":
                pinfoLinksAndTrapExit(t);
                return true;
            case "pinfoBadItemBadarg":
                pinfoBadItemBadarg(t);
                return true;
            case "pinfoListForm":
                pinfoListForm(t);
                return true;
            case "pinfoInfo1Keys":
                pinfoInfo1Keys(t);
                return true;
            case "pinfoCurrentFunctionSleep":
                pinfoCurrentFunctionSleep(t);
                return true;
            case "pinfoPriorityFlag":
                pinfoPriorityFlag(t);
                return true;
            default:
                return false;
        }
    }
}
