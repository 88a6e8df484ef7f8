package io.jbeam.conformance;

import io.jbeam.Erlang;
import io.jbeam.ErlangError;
import io.jbeam.SpawnMonitor;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;

import static io.jbeam.conformance.ScenarioSupport.*;

/** Group C: links, exit signals and trap_exit, one scenario per row of the exit-signal table and more. */
public final class LinkScenarios implements ScenarioGroup {

    /** A process that answers {@code {ping, From}} with pong, once. */
    private static void answerPing() {
        Tuple m = (Tuple) Erlang.receive(x -> tagged(x, "ping"));
        Erlang.send((Pid) m.get(1), a("pong"));
    }

    private static Object awaitPong() {
        Object m = Erlang.receive(x -> x.equals(a("pong")), 2000);
        return m == null ? a("no_pong") : m;
    }

    @Scenario(value = "link_trapping_parent_gets_exit", source = "erlang-semantics.md item 13")
    void linkTrappingParentGetsExit(Trace t) {
        Erlang.trapExit(true);
        Pid c = Erlang.spawnLink(() -> Erlang.exit(a("boom")));
        t.p(c);
        t.p(Erlang.receive());
    }

    @Scenario(value = "link_chain_kills_all", source = "erlang-semantics.md item 13")
    void linkChainKillsAll(Trace t) {
        Pid me = Erlang.self();
        SpawnMonitor sa = Erlang.spawnMonitor(() -> {
            Pid b = Erlang.spawnLink(() -> {
                Pid c = Erlang.spawnLink(() -> {
                    Erlang.receive(m -> m.equals(a("go")));
                    Erlang.exit(a("chain"));
                });
                Erlang.send(me, t(a("c"), c));
                idle();
            });
            Erlang.send(me, t(a("b"), b));
            idle();
        });
        Pid b = (Pid) ((Tuple) Erlang.receive(m -> tagged(m, "b"))).get(1);
        Pid c = (Pid) ((Tuple) Erlang.receive(m -> tagged(m, "c"))).get(1);
        Ref rb = Erlang.monitor(b);
        Erlang.send(c, a("go"));
        t.p(t(a("a"), down(sa.ref())));
        t.p(t(a("b"), down(rb)));
    }

    @Scenario(value = "link_normal_exit_ignored", source = "erlang-semantics.md item 14; exit-signal table row 2")
    void linkNormalExitIgnored(Trace t) {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> {
            Pid c = Erlang.spawnLink(() -> Erlang.receive(m -> m.equals(a("go"))));
            Ref r = Erlang.monitor(c);
            Erlang.send(c, a("go"));
            Erlang.send(me, t(a("c_ended"), down(r)));
            answerPing();
        });
        t.p(Erlang.receive());
        Erlang.send(p, t(a("ping"), Erlang.self()));
        t.p(awaitPong());
    }

    @Scenario(value = "link_normal_exit_trapped", source = "erlang-semantics.md item 14")
    void linkNormalExitTrapped(Trace t) {
        Erlang.trapExit(true);
        Pid c = Erlang.spawnLink(() -> { });
        t.p(c);
        t.p(Erlang.receive());
    }

    @Scenario(value = "link_dead_not_trapping_noproc", source = "erlang-semantics.md item 15; Reference Manual: Processes")
    void linkDeadNotTrappingNoproc(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> { });
        down(sm.ref());
        t.p(c(() -> {
            Erlang.link(sm.pid());
            return true;
        }));
        Object m = Erlang.receive(100);
        t.p(m == null ? a("nothing") : m);
    }

    @Scenario(value = "link_dead_trapping_exit_noproc", source = "erlang-semantics.md item 15")
    void linkDeadTrappingExitNoproc(Trace t) {
        Erlang.trapExit(true);
        SpawnMonitor sm = Erlang.spawnMonitor(() -> { });
        down(sm.ref());
        t.p(sm.pid());
        t.p(c(() -> {
            Erlang.link(sm.pid());
            return true;
        }));
        t.p(Erlang.receive());
    }

    @Scenario(value = "link_self_and_twice", source = "erlang-semantics.md item 16")
    void linkSelfAndTwice(Trace t) {
        Erlang.trapExit(true);
        t.p(c(() -> {
            Erlang.link(Erlang.self());
            return true;
        }));
        Pid p = Erlang.spawn(() -> {
            Erlang.receive(m -> m.equals(a("go")));
            Erlang.exit(a("boom"));
        });
        Erlang.link(p);
        Erlang.link(p);
        Ref r = Erlang.monitor(p);
        Erlang.send(p, a("go"));
        t.p(down(r));
        t.p(t(a("exit"), ((Tuple) Erlang.receive(m -> isExit(m, p))).get(2)));
        Object more = Erlang.receive(100);
        t.p(more == null ? a("no_second_exit") : more);
        t.p(c(() -> {
            Erlang.unlink(p);
            return true;
        }));
    }

    @Scenario(value = "link_exit2_normal_ignored", source = "erlang-semantics.md item 17; erts process_SUITE t_exit_2_other_normal")
    void linkExit2NormalIgnored(Trace t) {
        Pid p = Erlang.spawn(() -> {
            while (true) answerPing();
        });
        Erlang.exit(p, a("normal"));
        Erlang.send(p, t(a("ping"), Erlang.self()));
        t.p(awaitPong());
        Erlang.exit(p, a("kill"));
    }

    @Scenario(value = "link_exit2_normal_trapped", source = "erlang-semantics.md item 17")
    void linkExit2NormalTrapped(Trace t) {
        Pid me = Erlang.self();
        t.p(me);
        Pid p = Erlang.spawn(() -> {
            Erlang.trapExit(true);
            Erlang.send(me, a("ready"));
            Erlang.send(me, t(a("got"), Erlang.receive()));
        });
        Erlang.receive(m -> m.equals(a("ready")));
        Erlang.exit(p, a("normal"));
        t.p(Erlang.receive());
    }

    @Scenario(value = "link_exit2_self_normal_dies",
            source = "erlang-semantics.md item 18; erts process_SUITE normal_suicide_exit; exit-signal table row 5")
    void linkExit2SelfNormalDies(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> {
            Erlang.exit(Erlang.self(), a("normal"));
            idle();
        });
        t.p(down(sm.ref()));
    }

    @Scenario(value = "link_exit2_self_normal_trapped", source = "erlang-semantics.md item 18; erts process_SUITE self_exit")
    void linkExit2SelfNormalTrapped(Trace t) {
        Pid me = Erlang.self();
        Erlang.spawn(() -> {
            Erlang.trapExit(true);
            Erlang.exit(Erlang.self(), a("normal"));
            Erlang.send(me, t(a("got"), Erlang.self(), Erlang.receive()));
        });
        t.p(Erlang.receive());
    }

    @Scenario(value = "link_exit2_self_trapped", source = "exit-signal table row 6 (exit/2 to oneself while trapping)")
    void linkExit2SelfTrapped(Trace t) {
        Erlang.trapExit(true);
        t.p(Erlang.self());
        Erlang.exit(Erlang.self(), a("boom"));
        t.p(Erlang.receive());
    }

    @Scenario(value = "link_exit2_kill_trapping_dies_killed", source = "erlang-semantics.md item 19; exit-signal table row 3")
    void linkExit2KillTrappingDiesKilled(Trace t) {
        Erlang.trapExit(true);
        Pid me = Erlang.self();
        Pid p = Erlang.spawnLink(() -> {
            Erlang.trapExit(true);
            Erlang.send(me, a("ready"));
            idle();
        });
        Erlang.receive(m -> m.equals(a("ready")));
        Ref r = Erlang.monitor(p);
        Erlang.exit(p, a("kill"));
        t.p(down(r));
        t.p(t(a("exit_message"), ((Tuple) Erlang.receive(m -> isExit(m, p))).get(2)));
    }

    @Scenario(value = "link_exit2_kill_passes_killed", source = "erlang-semantics.md item 19")
    void linkExit2KillPassesKilled(Trace t) {
        Pid me = Erlang.self();
        Pid pa = Erlang.spawn(() -> {
            Pid b = Erlang.spawnLink(ScenarioSupport::idle);
            Erlang.send(me, t(a("b"), b));
            idle();
        });
        Pid b = (Pid) ((Tuple) Erlang.receive(m -> tagged(m, "b"))).get(1);
        Ref ra = Erlang.monitor(pa);
        Ref rb = Erlang.monitor(b);
        Erlang.exit(pa, a("kill"));
        t.p(t(a("a"), down(ra)));
        t.p(t(a("b"), down(rb)));
    }

    @Scenario(value = "link_exit1_kill_trapped_by_parent", source = "erlang-semantics.md item 20; erts signal_SUITE kill2killed")
    void linkExit1KillTrappedByParent(Trace t) {
        Erlang.trapExit(true);
        Pid c = Erlang.spawnLink(() -> Erlang.exit(a("kill")));
        t.p(c);
        t.p(Erlang.receive());
        t.p(t(a("alive"), Erlang.isProcessAlive(Erlang.self())));
    }

    @Scenario(value = "link_exit1_kill_propagates_as_kill",
            source = "erlang-semantics.md item 20; erts signal_SUITE kill2killed; exit-signal table row 4")
    void linkExit1KillPropagatesAsKill(Trace t) {
        Erlang.trapExit(true);
        Pid me = Erlang.self();
        Pid pa = Erlang.spawnLink(() -> {
            Pid c = Erlang.spawnLink(() -> {
                Erlang.receive(m -> m.equals(a("go")));
                Erlang.exit(a("kill"));
            });
            Erlang.send(me, t(a("c"), c));
            idle();
        });
        Pid c = (Pid) ((Tuple) Erlang.receive(m -> tagged(m, "c"))).get(1);
        Ref ra = Erlang.monitor(pa);
        Erlang.send(c, a("go"));
        t.p(t(a("a_down"), down(ra)));
        t.p(t(a("a_exit"), ((Tuple) Erlang.receive(m -> isExit(m, pa))).get(2)));
    }

    @Scenario(value = "link_exit2_self_kill_trapping", source = "erlang-semantics.md item 21; erts signal_SUITE kill2killed")
    void linkExit2SelfKillTrapping(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> {
            Erlang.trapExit(true);
            Erlang.exit(Erlang.self(), a("kill"));
            idle();
        });
        t.p(down(sm.ref()));
    }

    @Scenario(value = "link_catch_exit2_self_not_caught", source = "erlang-semantics.md item 22; erts process_SUITE t_exit_2_catch")
    void linkCatchExit2SelfNotCaught(Trace t) {
        Pid me = Erlang.self();
        SpawnMonitor sm = Erlang.spawnMonitor(() -> {
            Object r1 = c(() -> {
                Erlang.exit(Erlang.self(), a("die"));
                return true;
            });
            Erlang.send(me, t(a("continued"), r1));
            Erlang.exit(t(a("survived"), r1));
        });
        t.p(down(sm.ref()));
        t.p(drain());
        t.p(c(() -> {
            Erlang.exit(a("die"));
            return true;
        }));
    }

    @Scenario(value = "link_unlink_then_crash_silent", source = "erlang-semantics.md item 23; erlang docs unlink/1")
    void linkUnlinkThenCrashSilent(Trace t) {
        Erlang.trapExit(true);
        Pid p = Erlang.spawn(() -> {
            Erlang.receive(m -> m.equals(a("go")));
            Erlang.exit(a("boom"));
        });
        Erlang.link(p);
        Erlang.unlink(p);
        Ref r = Erlang.monitor(p);
        Erlang.send(p, a("go"));
        t.p(down(r));
        Object m = Erlang.receive(x -> isExit(x, null), 100);
        t.p(m == null ? a("no_exit") : m);
    }

    @Scenario(value = "link_unlink_keeps_queued_exit", source = "erlang-semantics.md item 23; erlang docs unlink/1")
    void linkUnlinkKeepsQueuedExit(Trace t) {
        Erlang.trapExit(true);
        Pid p = Erlang.spawn(() -> {
            Erlang.receive(m -> m.equals(a("go")));
            Erlang.exit(a("boom"));
        });
        Erlang.link(p);
        Ref r = Erlang.monitor(p);
        Erlang.send(p, a("go"));
        t.p(down(r));
        pause(100);
        Erlang.unlink(p);
        Object m = Erlang.receive(x -> isExit(x, p), 0);
        t.p(m == null ? a("gone") : t(a("still_queued"), ((Tuple) m).get(2)));
    }

    @Scenario(value = "link_removed_signal_dropped", source = "exit-signal table row 1 (link already removed)")
    void linkRemovedSignalDropped(Trace t) {
        Pid me = Erlang.self();
        Pid pa = Erlang.spawn(() -> {
            Pid c = Erlang.spawn(() -> {
                Erlang.receive(m -> m.equals(a("go")));
                Erlang.exit(a("boom"));
            });
            Erlang.link(c);
            Erlang.unlink(c);
            Ref r = Erlang.monitor(c);
            Erlang.send(c, a("go"));
            Erlang.send(me, t(a("c_down"), down(r)));
            answerPing();
        });
        t.p(Erlang.receive());
        Erlang.send(pa, t(a("ping"), Erlang.self()));
        t.p(awaitPong());
    }

    @Scenario(value = "link_exit_twice_first_wins", source = "erlang-semantics.md item 24; erts process_SUITE exit_twice")
    void linkExitTwiceFirstWins(Trace t) {
        SpawnMonitor sm = Erlang.spawnMonitor(ScenarioSupport::idle);
        Erlang.exit(sm.pid(), a("first"));
        Erlang.exit(sm.pid(), a("second"));
        t.p(down(sm.ref()));
    }

    @Scenario(value = "link_trap_exit_flag_returns_old", source = "erlang-semantics.md item 25; erts process_SUITE process_flag_badarg")
    void linkTrapExitFlagReturnsOld(Trace t) {
        t.p(Erlang.trapExit(true));
        t.p(Erlang.trapExit(true));
        t.p(Erlang.trapExit(false));
        t.p(Erlang.trapExit(false));
    }

    @Scenario(value = "link_badmatch_kills_parent", source = "erlang-semantics.md item 26")
    void linkBadmatchKillsParent(Trace t) {
        SpawnMonitor sa = Erlang.spawnMonitor(() -> {
            Erlang.spawnLink(() -> {
                throw new ErlangError(t(a("badmatch"), 2L));
            });
            idle();
        });
        Object w = down(sa.ref());
        t.p(((Tuple) w).get(0));
    }

    @Scenario(value = "link_abnormal_same_reason", source = "exit-signal table row 4 (link, not trapping)")
    void linkAbnormalSameReason(Trace t) {
        SpawnMonitor sa = Erlang.spawnMonitor(() -> {
            Erlang.spawnLink(() -> Erlang.exit(t(a("custom"), 1L)));
            idle();
        });
        t.p(down(sa.ref()));
    }

    @Scenario(value = "link_exit2_trapped_message", source = "exit-signal table row 6 (exit/2, trapping)")
    void linkExit2TrappedMessage(Trace t) {
        Pid me = Erlang.self();
        t.p(me);
        Pid p = Erlang.spawn(() -> {
            Erlang.trapExit(true);
            Erlang.send(me, a("ready"));
            Erlang.send(me, t(a("got"), Erlang.receive()));
        });
        Erlang.receive(m -> m.equals(a("ready")));
        Erlang.exit(p, a("frop"));
        t.p(Erlang.receive());
    }

    @Scenario(value = "link_from_child_side", source = "Reference Manual: Processes (links are bidirectional)")
    void linkFromChildSide(Trace t) {
        Erlang.trapExit(true);
        Pid me = Erlang.self();
        Pid c = Erlang.spawn(() -> {
            Erlang.link(me);
            Erlang.send(me, a("linked"));
            Erlang.receive(m -> m.equals(a("go")));
            Erlang.exit(a("bye"));
        });
        Erlang.receive(m -> m.equals(a("linked")));
        t.p(c);
        Erlang.send(c, a("go"));
        t.p(Erlang.receive());
    }

    @Scenario(value = "link_process_flag_badarg", source = "erlang-semantics.md item 25; erts process_SUITE process_flag_badarg")
    void linkProcessFlagBadarg(Trace t) {
        t.p(c(() -> Erlang.processFlag(a("trap_exit"), 1L)));
        t.p(c(() -> Erlang.processFlag(a("priority"), a("urgent"))));
        t.p(Erlang.processInfo(Erlang.self(), a("trap_exit")));
    }

    @Override
    public boolean dispatch(String method, Trace t) {
        switch (method) {
            case "linkTrappingParentGetsExit":
                linkTrappingParentGetsExit(t);
                return true;
            case "linkChainKillsAll":
                linkChainKillsAll(t);
                return true;
            case "linkNormalExitIgnored":
                linkNormalExitIgnored(t);
                return true;
            case "linkNormalExitTrapped":
                linkNormalExitTrapped(t);
                return true;
            case "linkDeadNotTrappingNoproc":
                linkDeadNotTrappingNoproc(t);
                return true;
            case "linkDeadTrappingExitNoproc":
                linkDeadTrappingExitNoproc(t);
                return true;
            case "linkSelfAndTwice":
                linkSelfAndTwice(t);
                return true;
            case "linkExit2NormalIgnored":
                linkExit2NormalIgnored(t);
                return true;
            case "linkExit2NormalTrapped":
                linkExit2NormalTrapped(t);
                return true;
            case "linkExit2SelfNormalDies":
                linkExit2SelfNormalDies(t);
                return true;
            case "linkExit2SelfNormalTrapped":
                linkExit2SelfNormalTrapped(t);
                return true;
            case "linkExit2SelfTrapped":
                linkExit2SelfTrapped(t);
                return true;
            case "linkExit2KillTrappingDiesKilled":
                linkExit2KillTrappingDiesKilled(t);
                return true;
            case "linkExit2KillPassesKilled":
                linkExit2KillPassesKilled(t);
                return true;
            case "linkExit1KillTrappedByParent":
                linkExit1KillTrappedByParent(t);
                return true;
            case "linkExit1KillPropagatesAsKill":
                linkExit1KillPropagatesAsKill(t);
                return true;
            case "linkExit2SelfKillTrapping":
                linkExit2SelfKillTrapping(t);
                return true;
            case "linkCatchExit2SelfNotCaught":
                linkCatchExit2SelfNotCaught(t);
                return true;
            case "linkUnlinkThenCrashSilent":
                linkUnlinkThenCrashSilent(t);
                return true;
            case "linkUnlinkKeepsQueuedExit":
                linkUnlinkKeepsQueuedExit(t);
                return true;
            case "linkRemovedSignalDropped":
                linkRemovedSignalDropped(t);
                return true;
            case "linkExitTwiceFirstWins":
                linkExitTwiceFirstWins(t);
                return true;
            case "linkTrapExitFlagReturnsOld":
                linkTrapExitFlagReturnsOld(t);
                return true;
            case "linkBadmatchKillsParent":
                linkBadmatchKillsParent(t);
                return true;
            case "linkAbnormalSameReason":
                linkAbnormalSameReason(t);
                return true;
            case "linkExit2TrappedMessage":
                linkExit2TrappedMessage(t);
                return true;
            case "linkFromChildSide":
                linkFromChildSide(t);
                return true;
            case "linkProcessFlagBadarg":
                linkProcessFlagBadarg(t);
                return true;
            default:
                return false;
        }
    }
}
