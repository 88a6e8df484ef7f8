package io.jbeam.signals;

import io.jbeam.Erlang;
import io.jbeam.ErlangError;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jbeam.signals.Await.*;
import static org.junit.jupiter.api.Assertions.*;

/** erlang-semantics.md items 13-16, 23, 26: links. */
class LinksTest {
    @AfterEach
    void clean() {
        reset();
    }

    @Test
    void aTrappingParentGetsTheChildsExitAsAMessage() {
        Erlang.trapExit(true);
        Pid c = Erlang.spawnLink(() -> Erlang.exit(a("boom")));
        assertEquals(a("boom"), exitFrom(c));
    }

    @Test
    void aCrashTravelsAlongAChainOfLinks() {
        Object reason = reasonOf(() -> {
            Erlang.spawnLink(() -> {
                Erlang.spawnLink(() -> Erlang.exit(a("chain")));
                Erlang.receive();
            });
            Erlang.receive();
        });
        assertEquals(a("chain"), reason);
    }

    @Test
    void aNormalEndLeavesANonTrappingPartnerAliveAndReachesATrappingOne() {
        Pid me = Erlang.self();
        var sm = Erlang.spawnMonitor(() -> {
            Erlang.spawnLink(() -> { });
            Erlang.sleep(50);
            Erlang.send(me, a("still_alive"));
            Erlang.receive();
        });
        assertEquals(a("still_alive"), message());
        Erlang.exit(sm.pid(), a("done"));
        assertEquals(a("done"), down(sm.ref()));

        Erlang.trapExit(true);
        Pid c = Erlang.spawnLink(() -> { });
        assertEquals(a("normal"), exitFrom(c));
    }

    @Test
    void linkToADeadPidRaisesNoprocOrIsTrapped() {
        var sm = Erlang.spawnMonitor(() -> { });
        down(sm.ref());
        ErlangError e = assertThrows(ErlangError.class, () -> Erlang.link(sm.pid()));
        assertEquals(a("noproc"), e.reason());
        assertEquals(List.of(), ((Tuple) Erlang.processInfo(Erlang.self(), a("links"))).get(1));

        Erlang.trapExit(true);
        Erlang.link(sm.pid());
        assertEquals(a("noproc"), exitFrom(sm.pid()));
    }

    @Test
    void linkingSelfDoesNothingAndLinksAreUnique() {
        Erlang.link(Erlang.self());
        Pid p = Erlang.spawn(Erlang::receive);
        Erlang.link(p);
        Erlang.link(p);
        assertEquals(List.of(p), ((Tuple) Erlang.processInfo(Erlang.self(), a("links"))).get(1));
        assertEquals(List.of(Erlang.self()), ((Tuple) Erlang.processInfo(p, a("links"))).get(1));
        Erlang.unlink(p);
        Erlang.unlink(p); // not linked: fine
        assertEquals(List.of(), ((Tuple) Erlang.processInfo(p, a("links"))).get(1));
        Erlang.send(p, a("bye"));
        assertThrows(ErlangError.class, () -> Erlang.link(null));
    }

    @Test
    void afterUnlinkACrashSendsNothing() {
        Erlang.trapExit(true);
        Pid p = Erlang.spawn(() -> Erlang.exit(Erlang.receive()));
        Erlang.link(p);
        Erlang.unlink(p);
        var ref = Erlang.monitor(p);
        Erlang.send(p, a("crash"));
        assertEquals(a("crash"), down(ref)); // the DOWN comes after any EXIT would have (same sender)
        nothing(0);
    }

    @Test
    void anExitQueuedBeforeTheUnlinkStays() {
        Erlang.trapExit(true);
        var sm = Erlang.spawnMonitor(() -> Erlang.exit(Erlang.receive()));
        Erlang.link(sm.pid());
        Erlang.send(sm.pid(), a("crash"));
        assertEquals(a("crash"), down(sm.ref())); // the EXIT was sent before the DOWN: it has arrived
        Erlang.unlink(sm.pid());
        assertEquals(a("crash"), exitFrom(sm.pid()));
    }

    @Test
    void aCrashingLinkedChildKillsANonTrappingParentWithItsReason() {
        Object reason = reasonOf(() -> {
            Erlang.spawnLink(() -> Erlang.error(Tuple.of(a("badmatch"), 2L)));
            Erlang.receive();
        });
        Tuple t = (Tuple) reason;
        assertEquals(Tuple.of(a("badmatch"), 2L), t.get(0));
        assertInstanceOf(List.class, t.get(1));
    }

    @Test
    void aPlainThreadKilledThroughALinkGetsAFreshIdentity() throws Exception {
        Object[] seen = new Object[2];
        Thread t = new Thread(() -> {
            Pid before = Erlang.self();
            Erlang.spawnLink(() -> Erlang.exit(a("boom")));
            try {
                Erlang.receive(BOUND_MS);
                seen[0] = "not killed";
            } catch (Throwable e) {
                seen[0] = e instanceof io.jbeam.scheduler.TermException ? ((io.jbeam.scheduler.TermException) e).reason() : e;
            }
            seen[1] = !Erlang.self().equals(before) && !Erlang.isProcessAlive(before);
        });
        t.start();
        t.join(BOUND_MS);
        assertEquals(a("boom"), seen[0]);
        assertEquals(true, seen[1]);
    }
}
