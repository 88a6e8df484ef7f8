package io.jbeam.vmtests.core;

import io.jbeam.Erlang;
import io.jbeam.SpawnMonitor;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Races between a process's exit and signals sent to it, many times over, under a time bound. Each round runs in
 * woven processes on the schedulers; a round's checker process counts what it received and reports a verdict.
 */
class SignalRacesTest {
    private static final long BOUND_MS = 30_000;
    private static final int ROUNDS = 2_000;
    private static final Atom EXIT = Atom.of("EXIT");
    private static final Atom DOWN = Atom.of("DOWN");
    private static final Atom OK = Atom.of("ok");

    private static Atom a(String s) {
        return Atom.of(s);
    }

    private static boolean isExitFrom(Object m, Pid p) {
        return m instanceof Tuple && ((Tuple) m).arity() == 3 && EXIT.equals(((Tuple) m).get(0))
                && p.equals(((Tuple) m).get(1));
    }

    private static boolean isDownOf(Object m, Ref r) {
        return m instanceof Tuple && ((Tuple) m).arity() == 5 && DOWN.equals(((Tuple) m).get(0))
                && r.equals(((Tuple) m).get(1));
    }

    /** Runs {@code round} in a fresh process ROUNDS times; it sends ok or a complaint to the test. */
    private static void rounds(String what, Runnable round) {
        Pid me = Erlang.self();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MS);
        for (int i = 0; i < ROUNDS; i++) {
            Erlang.spawn(() -> {
                round.run();
                Erlang.send(me, OK);
            });
            long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            Object verdict = Erlang.receive(Math.max(left, 1));
            assertEquals(OK, verdict, what + ", round " + i);
        }
    }

    @Test
    void linkingToAnExitingProcessGivesExactlyOneExit() {
        rounds("link vs exit", () -> {
            Erlang.trapExit(true);
            Pid p = Erlang.spawn(() -> { });
            Erlang.link(p); // races with p's end: EXIT normal, or EXIT noproc
            Object first = Erlang.receive(m -> isExitFrom(m, p), BOUND_MS);
            if (first == null) Erlang.exit(a("no_exit"));
            Object r = ((Tuple) first).get(2);
            if (!r.equals(a("normal")) && !r.equals(a("noproc"))) Erlang.exit(Tuple.of(a("bad_reason"), r));
            Ref probe = Erlang.monitor(p); // DOWN noproc: it comes after anything p could still send
            Erlang.receive(m -> isDownOf(m, probe), BOUND_MS);
            if (Erlang.receive(m -> isExitFrom(m, p), 0) != null) Erlang.exit(a("two_exits"));
        });
    }

    @Test
    void monitoringAnExitingProcessGivesExactlyOneDown() {
        rounds("monitor vs exit", () -> {
            Pid p = Erlang.spawn(() -> { });
            Ref r = Erlang.monitor(p);
            Object first = Erlang.receive(m -> isDownOf(m, r), BOUND_MS);
            if (first == null) Erlang.exit(a("no_down"));
            Object reason = ((Tuple) first).get(4);
            if (!reason.equals(a("normal")) && !reason.equals(a("noproc"))) {
                Erlang.exit(Tuple.of(a("bad_reason"), reason));
            }
            Ref probe = Erlang.monitor(p);
            Erlang.receive(m -> isDownOf(m, probe), BOUND_MS);
            if (Erlang.receive(m -> isDownOf(m, r), 0) != null) Erlang.exit(a("two_downs"));
        });
    }

    @Test
    void twoExitsAtOnceOneReasonWinsAndLinksSeeOne() {
        rounds("exit vs exit", () -> {
            Erlang.trapExit(true);
            Pid victim = Erlang.spawnLink(() -> {
                while (true) Erlang.receive();
            });
            Ref r = Erlang.monitor(victim);
            Erlang.spawn(() -> Erlang.exit(victim, a("one")));
            Erlang.spawn(() -> Erlang.exit(victim, a("two")));
            Object down = Erlang.receive(m -> isDownOf(m, r), BOUND_MS);
            if (down == null) Erlang.exit(a("no_down"));
            Object reason = ((Tuple) down).get(4);
            Object exit = Erlang.receive(m -> isExitFrom(m, victim), 0); // the EXIT was sent before the DOWN
            if (exit == null || !((Tuple) exit).get(2).equals(reason)) Erlang.exit(Tuple.of(a("exit"), exit, reason));
            if (Erlang.receive(m -> isExitFrom(m, victim), 0) != null) Erlang.exit(a("two_exits"));
        });
    }

    @Test
    void messagesRacingAnExitArriveBeforeItOrNever() {
        rounds("send vs exit", () -> {
            Pid checker = Erlang.self();
            SpawnMonitor sm = Erlang.spawnMonitor(() -> {
                long last = -1;
                while (true) {
                    Object m = Erlang.receive();
                    if (m instanceof Long) {
                        long n = (Long) m;
                        if (n != last + 1) Erlang.send(checker, a("out_of_order"));
                        last = n;
                    } else if (m == a("after_exit")) {
                        Erlang.send(checker, a("seen_after_exit"));
                    }
                }
            });
            Pid victim = sm.pid();
            Erlang.spawn(() -> {
                for (long i = 0; i < 50; i++) Erlang.send(victim, i);
            });
            for (int i = 0; i < 5; i++) Erlang.send(victim, (long) -100); // noise from a second sender
            Erlang.exit(victim, a("stop"));
            Erlang.send(victim, a("after_exit"));
            Object down = Erlang.receive(m -> isDownOf(m, sm.ref()), BOUND_MS);
            if (down == null || !((Tuple) down).get(4).equals(a("stop"))) Erlang.exit(Tuple.of(a("down"), down));
            Object complaint = Erlang.receive(m -> m == a("seen_after_exit"), 0);
            if (complaint != null) Erlang.exit(complaint);
        });
    }

    @Test
    void killThenIsProcessAliveIsFalseForBusyAndWaitingProcesses() {
        rounds("kill vs is_process_alive", () -> {
            Pid waiting = Erlang.spawn(Erlang::receive);
            Pid busy = Erlang.spawn(() -> {
                long x = 0;
                while (true) x++;
            });
            Erlang.exit(waiting, a("kill"));
            Erlang.exit(busy, a("kill"));
            if (Erlang.isProcessAlive(waiting) || Erlang.isProcessAlive(busy)) Erlang.exit(a("alive_after_kill"));
        });
    }

    private static final Atom LINKS = Atom.of("links");
    private static final Atom SYNC1 = Atom.of("sync1");
    private static final Atom SYNC2 = Atom.of("sync2");
    private static final Atom DIE = Atom.of("die");
    private static final Atom BOOM = Atom.of("boom");

    /**
     * Two processes link and unlink each other from both sides in random interleavings, then both do the same last
     * operation, so the outcome is known: linked after two links, not after two unlinks. Once their signals have
     * settled, both must report the same links, and when one dies the other (trapping) sees one EXIT if they are
     * linked and none if not.
     */
    @Test
    void linkAndUnlinkFromBothSidesAgreeOnTheOutcome() {
        Pid test = Erlang.self();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        SplittableRandom seeds = new SplittableRandom(20_240_611L);
        int round = 0;
        for (; round < 5_000 && System.nanoTime() < end; round++) {
            long seed = seeds.nextLong();
            SplittableRandom rnd = new SplittableRandom(seed);
            boolean finalLink = rnd.nextBoolean();
            boolean firstChecks = rnd.nextBoolean();
            long seedA = rnd.nextLong();
            long seedB = rnd.nextLong();
            Erlang.spawn(() -> {
                Pid a = Erlang.spawn(() -> churnAndCheck(seedA, finalLink, firstChecks, test));
                Pid b = Erlang.spawn(() -> churnAndCheck(seedB, finalLink, !firstChecks, test));
                Erlang.send(a, b); // both start at about the same time
                Erlang.send(b, a);
            });
            long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) + 10_000;
            Object verdict = Erlang.receive(Math.max(left, 1));
            assertEquals(OK, verdict, "link/unlink race, round " + round + ", seed " + seed + ", final link " + finalLink);
        }
        assertTrue(round >= 100, "only " + round + " rounds in the time bound");
    }

    /** One side of a round: told its peer, random links and unlinks of it, the last op, settling, then the check. */
    private static void churnAndCheck(long seed, boolean finalLink, boolean checks, Pid test) {
        Erlang.trapExit(true);
        Pid peer = (Pid) Erlang.receive(m -> m instanceof Pid, BOUND_MS);
        if (peer == null) return;
        SplittableRandom rnd = new SplittableRandom(seed);
        int ops = rnd.nextInt(1, 12);
        for (int i = 0; i < ops; i++) {
            if (rnd.nextBoolean()) Erlang.link(peer);
            else Erlang.unlink(peer);
            if (rnd.nextInt(4) == 0) Erlang.yield();
        }
        if (finalLink) Erlang.link(peer);
        else Erlang.unlink(peer);
        // Settling: each side's link signals come before its sync1, and whatever it answered to the other's
        // signals comes before its sync2.
        Erlang.send(peer, SYNC1);
        if (Erlang.receive(m -> m == SYNC1, BOUND_MS) == null) {
            complain(test, a("no_sync1"));
            return;
        }
        Erlang.send(peer, SYNC2);
        if (Erlang.receive(m -> m == SYNC2, BOUND_MS) == null) {
            complain(test, a("no_sync2"));
            return;
        }
        if (!checks) {
            if (Erlang.receive(m -> m == DIE, BOUND_MS) == null) return;
            Erlang.exit(BOOM);
        }
        Pid me = Erlang.self();
        Object mine = Erlang.processInfo(me, LINKS);
        Object theirs = Erlang.processInfo(peer, LINKS);
        Object wantMine = Tuple.of(LINKS, finalLink ? List.of(peer) : List.of());
        Object wantTheirs = Tuple.of(LINKS, finalLink ? List.of(me) : List.of());
        if (!wantMine.equals(mine) || !wantTheirs.equals(theirs)) {
            Erlang.exit(peer, a("kill"));
            complain(test, Tuple.of(a("links"), mine, theirs));
            return;
        }
        Ref probe = Erlang.monitor(peer);
        Erlang.send(peer, DIE);
        Object down = Erlang.receive(m -> isDownOf(m, probe), BOUND_MS);
        if (down == null || !BOOM.equals(((Tuple) down).get(4))) {
            complain(test, Tuple.of(a("down"), down));
            return;
        }
        int exits = 0; // the peer's EXIT was sent before its DOWN
        boolean boom = true;
        Object exit;
        while ((exit = Erlang.receive(m -> isExitFrom(m, peer), 0)) != null) {
            boom &= BOOM.equals(((Tuple) exit).get(2));
            exits++;
        }
        if (exits != (finalLink ? 1 : 0) || !boom) {
            complain(test, Tuple.of(a("exits"), (long) exits, boom));
            return;
        }
        Erlang.send(test, OK);
    }

    private static void complain(Pid test, Object what) {
        Erlang.send(test, what);
    }
}
