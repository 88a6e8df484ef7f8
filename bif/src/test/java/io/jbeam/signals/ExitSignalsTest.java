package io.jbeam.signals;

import io.jbeam.Erlang;
import io.jbeam.HandWovenLoop;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jbeam.signals.Await.*;
import static org.junit.jupiter.api.Assertions.*;

/** erlang-semantics.md items 6, 12, 17-22, 24 and the exit-signal table. */
class ExitSignalsTest {
    @AfterEach
    void clean() {
        reset();
    }

    @Test
    void exitNormalIsIgnoredUnlessTrapped() {
        Pid me = Erlang.self();
        var sm = Erlang.spawnMonitor(() -> Erlang.send(me, Erlang.receive()));
        Erlang.exit(sm.pid(), a("normal"));
        Erlang.send(sm.pid(), a("alive"));
        assertEquals(a("alive"), message());
        assertEquals(a("normal"), down(sm.ref()));

        Pid t = Erlang.spawn(() -> {
            Erlang.trapExit(true);
            Erlang.send(me, a("trapping"));
            Erlang.send(me, Erlang.receive());
        });
        assertEquals(a("trapping"), message());
        Erlang.exit(t, a("normal"));
        assertEquals(Tuple.of(EXIT, me, a("normal")), message());
    }

    @Test
    void exitSelfNormalEndsANonTrappingProcessAndIsAMessageWhenTrapping() {
        Pid me = Erlang.self();
        assertEquals(a("normal"), reasonOf(() -> {
            Erlang.exit(Erlang.self(), a("normal"));
            Erlang.send(me, a("survived"));
        }));
        Erlang.spawn(() -> {
            Erlang.trapExit(true);
            Erlang.exit(Erlang.self(), a("normal"));
            Erlang.send(me, Tuple.of(Erlang.self(), Erlang.receive(0)));
        });
        Tuple got = (Tuple) message();
        Pid child = (Pid) got.get(0);
        assertEquals(Tuple.of(EXIT, child, a("normal")), got.get(1));
        nothing(0);
    }

    @Test
    void killEndsATrappingProcessAsKilledAndItsLinksGetKilled() {
        Pid me = Erlang.self();
        Erlang.trapExit(true);
        Pid p = Erlang.spawnLink(() -> {
            Erlang.trapExit(true);
            Erlang.send(me, a("ready"));
            Erlang.receive();
        });
        assertEquals(a("ready"), message());
        Erlang.exit(p, a("kill"));
        assertEquals(a("killed"), exitFrom(p));
    }

    @Test
    void aKillThroughALinkStaysKillAndIsTrappable() {
        Erlang.trapExit(true);
        Pid c = Erlang.spawnLink(() -> Erlang.exit(a("kill")));
        assertEquals(a("kill"), exitFrom(c)); // trapped: a message, and the parent lives

        // a non-trapping partner dies kill (not killed) and passes kill on
        Object reason = reasonOf(() -> {
            Erlang.spawnLink(() -> Erlang.exit(a("kill")));
            Erlang.receive();
        });
        assertEquals(a("kill"), reason);
    }

    @Test
    void exitSelfKillIsKilledEvenWhenTrapping() {
        assertEquals(a("killed"), reasonOf(() -> {
            Erlang.trapExit(true);
            Erlang.exit(Erlang.self(), a("kill"));
            Erlang.receive();
        }));
    }

    @Test
    void catchingAroundExitSelfDoesNotSaveTheProcess() {
        Pid me = Erlang.self();
        assertEquals(a("die"), reasonOf(() -> {
            try {
                Erlang.exit(Erlang.self(), a("die"));
            } catch (RuntimeException ignored) {
                // as Erlang's catch: it does not catch an exit signal
            }
            Erlang.send(me, a("survived"));
        }));
        nothing(0);
    }

    @Test
    void theFirstOfTwoExitSignalsWins() {
        for (int i = 0; i < 50; i++) {
            var sm = Erlang.spawnMonitor(Erlang::receive);
            Erlang.exit(sm.pid(), a("first"));
            Erlang.exit(sm.pid(), a("second"));
            assertEquals(a("first"), down(sm.ref()));
        }
    }

    @Test
    void killThenIsProcessAliveIsFalseStraightAway() {
        for (int i = 0; i < 200; i++) {
            Pid p = Erlang.spawn(Erlang::receive);
            Erlang.exit(p, a("kill"));
            assertFalse(Erlang.isProcessAlive(p), "alive after kill, round " + i);
            assertNull(Erlang.processInfo(p));
        }
        Pid busy = Erlang.spawn(new HandWovenLoop());
        Erlang.exit(busy, a("kill"));
        assertFalse(Erlang.isProcessAlive(busy));
    }

    @Test
    void aBusyProcessThatNeverReceivesDiesAtItsNextSlice() {
        var sm = Erlang.spawnMonitor(new HandWovenLoop());
        Erlang.exit(sm.pid(), a("stop"));
        assertEquals(a("stop"), down(sm.ref()));
    }

    @Test
    void messagesSentBeforeAnExitAreNeverSeenAfterIt() {
        Pid me = Erlang.self();
        for (int i = 0; i < 200; i++) {
            var sm = Erlang.spawnMonitor(() -> {
                while (true) {
                    if (Erlang.receive() == a("may_not_reach")) Erlang.send(me, a("bad"));
                }
            });
            for (int k = 0; k < 3; k++) Erlang.send(sm.pid(), a("may_reach"));
            Erlang.exit(sm.pid(), a("r"));
            for (int k = 0; k < 3; k++) Erlang.send(sm.pid(), a("may_not_reach"));
            assertEquals(a("r"), down(sm.ref()));
        }
        nothing(0);
    }

    @Test
    void isProcessAliveOfNullIsBadarg() {
        assertThrows(io.jbeam.ErlangError.class, () -> Erlang.isProcessAlive(null));
        assertThrows(io.jbeam.ErlangError.class, () -> Erlang.exit((Pid) null, a("x")));
    }

    @Test
    void uncaughtReasons() {
        assertEquals(a("r"), reasonOf(() -> Erlang.exit(a("r"))));
        Tuple e = (Tuple) reasonOf(() -> Erlang.error(a("e")));
        assertEquals(a("e"), e.get(0));
        assertInstanceOf(List.class, e.get(1));
        Tuple t = (Tuple) reasonOf(() -> Erlang.throwTerm(a("x")));
        assertEquals(Tuple.of(a("nocatch"), a("x")), t.get(0));
        assertInstanceOf(List.class, t.get(1));
        Tuple n = (Tuple) reasonOf(() -> Erlang.error(a("normal")));
        assertEquals(a("normal"), n.get(0));
    }
}
