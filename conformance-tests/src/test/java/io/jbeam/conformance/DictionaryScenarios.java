package io.jbeam.conformance;

import io.jbeam.Erlang;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;

import static io.jbeam.conformance.ScenarioSupport.*;

/** Group G: the process dictionary. */
public final class DictionaryScenarios implements ScenarioGroup {

    @Scenario(value = "dict_put_get_erase", source = "erlang-semantics.md item 43")
    void dictPutGetErase(Trace t) {
        t.p(Erlang.put(a("k"), 1L));
        t.p(Erlang.put(a("k"), 2L));
        t.p(Erlang.get(a("k")));
        t.p(Erlang.get(a("missing")));
        t.p(Erlang.put(t(a("tuple"), a("key")), l(1L, 2L)));
        t.p(Erlang.get(t(a("tuple"), a("key"))));
        t.p(Erlang.erase(a("k")));
        t.p(Erlang.get(a("k")));
        t.p(Erlang.erase(a("k")));
    }

    @Scenario(value = "dict_all_pairs_and_keys", source = "erlang-semantics.md item 43")
    void dictAllPairsAndKeys(Trace t) {
        Erlang.put(a("a"), 1L);
        Erlang.put(a("b"), 2L);
        Erlang.put(a("c"), 1L);
        t.p(sorted(Erlang.get()));
        t.p(sorted(Erlang.getKeys()));
        t.p(sorted(Erlang.getKeys(1L)));
        t.p(sorted(Erlang.erase()));
        t.p(Erlang.get());
        t.p(Erlang.getKeys());
    }

    @Scenario(value = "dict_not_inherited_read_from_outside", source = "erlang-semantics.md item 44")
    void dictNotInheritedReadFromOutside(Trace t) {
        Erlang.put(a("parent_key"), 1L);
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> {
            Erlang.put(a("child_key"), 2L);
            Erlang.send(me, t(a("child"), Erlang.get()));
            Erlang.receive(m -> m.equals(a("go")));
        });
        t.p(((Tuple) Erlang.receive(m -> tagged(m, "child"))).get(1));
        t.p(Erlang.processInfo(p, a("dictionary")));
        Erlang.send(p, a("go"));
    }

    @Scenario(value = "dict_seen_by_process_info_self", source = "erlang-semantics.md item 44")
    void dictSeenByProcessInfoSelf(Trace t) {
        Pid me = Erlang.self();
        t.p(Erlang.processInfo(me, a("dictionary")));
        Erlang.put(a("x"), t(1L, l(a("a"))));
        Erlang.put(a("y"), 2L);
        t.p(sorted((java.util.List<?>) ((Tuple) Erlang.processInfo(me, a("dictionary"))).get(1)));
        Erlang.erase(a("x"));
        t.p(Erlang.processInfo(me, a("dictionary")));
    }

    @Override
    public boolean dispatch(String method, Trace t) {
        switch (method) {
            case "dictPutGetErase":
                dictPutGetErase(t);
                return true;
            case "dictAllPairsAndKeys":
                dictAllPairsAndKeys(t);
                return true;
            case "dictNotInheritedReadFromOutside":
                dictNotInheritedReadFromOutside(t);
                return true;
            case "dictSeenByProcessInfoSelf":
                dictSeenByProcessInfoSelf(t);
                return true;
            default:
                return false;
        }
    }
}
