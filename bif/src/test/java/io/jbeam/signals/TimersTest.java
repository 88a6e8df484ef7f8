package io.jbeam.signals;

import io.jbeam.Erlang;
import io.jbeam.ErlangError;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.jbeam.signals.Await.*;
import static org.junit.jupiter.api.Assertions.*;

/** erlang-semantics.md items 39-42: timers. */
class TimersTest {
    @AfterEach
    void clean() {
        reset();
    }

    @Test
    void sendAfterNeverArrivesEarlyAndStartTimerWrapsIt() {
        long t0 = System.nanoTime();
        Erlang.sendAfter(60, Erlang.self(), a("tick"));
        assertEquals(a("tick"), message());
        assertTrue(System.nanoTime() - t0 >= 60_000_000L);
        Ref r = Erlang.startTimer(10, Erlang.self(), a("hello"));
        assertEquals(Tuple.of(a("timeout"), r, a("hello")), message());
    }

    @Test
    void cancelBeforeExpiryLeavesNoMessage() {
        Ref r = Erlang.sendAfter(10_000, Erlang.self(), a("never"));
        long left = Erlang.readTimer(r);
        assertTrue(left > 9_000 && left <= 10_000, "read " + left);
        long ms = Erlang.cancelTimer(r);
        assertTrue(ms > 9_000 && ms <= 10_000, "cancel " + ms);
        assertEquals(-1, Erlang.readTimer(r));
        assertEquals(-1, Erlang.cancelTimer(r));
        Erlang.sendAfter(30, Erlang.self(), a("later")); // a later timer proves the cancelled one stayed quiet
        assertEquals(a("later"), message());
        nothing(0);
    }

    @Test
    void cancelAfterExpiryIsFalseAndTheMessageIsQueued() {
        Ref r = Erlang.sendAfter(5, Erlang.self(), a("fired"));
        Erlang.sleep(100);
        assertEquals(-1, Erlang.cancelTimer(r));
        assertEquals(a("fired"), Erlang.receive(0));
    }

    @Test
    void aNameIsLookedUpWhenTheTimerFires() {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> Erlang.send(me, Tuple.of(a("got"), Erlang.receive())));
        Erlang.sendAfter(50, a("timer_late_name"), a("m"));
        Erlang.register(a("timer_late_name"), p);
        assertEquals(Tuple.of(a("got"), a("m")), message());
        Ref dropped = Erlang.sendAfter(1, a("timer_nobody"), a("m"));
        Erlang.sleep(50);
        assertEquals(-1, Erlang.cancelTimer(dropped));
    }

    @Test
    void aTimerDiesWithItsTargetProcess() {
        var sm = Erlang.spawnMonitor(Erlang::receive);
        Ref r = Erlang.sendAfter(10_000, sm.pid(), a("m"));
        Erlang.exit(sm.pid(), a("kill"));
        down(sm.ref());
        assertEquals(-1, Erlang.readTimer(r));
        assertEquals(-1, Erlang.cancelTimer(r));
    }

    @Test
    void asyncCancelAnswersWithAMessage() {
        Ref r = Erlang.sendAfter(10_000, Erlang.self(), a("never"));
        Erlang.cancelTimerAsync(r);
        Tuple t = (Tuple) message();
        assertEquals(a("cancel_timer"), t.get(0));
        assertEquals(r, t.get(1));
        assertTrue((Long) t.get(2) > 9_000);
        Erlang.cancelTimerAsync(Erlang.makeRef());
        assertEquals(Tuple.of(a("cancel_timer"), ((Tuple) Erlang.receive(BOUND_MS)).get(1), Atom.FALSE).get(2),
                Atom.FALSE);
    }

    @Test
    void badTimerArguments() {
        assertThrows(ErlangError.class, () -> Erlang.sendAfter(-1, Erlang.self(), a("m")));
        assertThrows(ErlangError.class, () -> Erlang.sendAfter(10, (Pid) null, a("m")));
        assertThrows(ErlangError.class, () -> Erlang.cancelTimer(null));
        assertEquals(-1, Erlang.cancelTimer(Erlang.makeRef()));
    }
}
