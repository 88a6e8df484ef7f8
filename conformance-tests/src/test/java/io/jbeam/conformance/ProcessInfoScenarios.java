package io.jbeam.conformance;

import io.jbeam.Erlang;
import io.jbeam.SpawnMonitor;
import io.jbeam.term.Pid;

import static io.jbeam.conformance.ScenarioSupport.*;

/** Group H: process_info. */
public final class ProcessInfoScenarios {

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
}
