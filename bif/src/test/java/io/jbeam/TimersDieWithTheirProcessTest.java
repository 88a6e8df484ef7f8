package io.jbeam;

import io.jbeam.scheduler.ErlangTimers;
import io.jbeam.scheduler.Fiber;
import io.jbeam.scheduler.Schedulers;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.Test;

import static io.jbeam.SpawnAndMessagesTest.waitUntil;
import static org.junit.jupiter.api.Assertions.*;

/**
 * erlang-semantics.md item 41: a timer to a local pid is cancelled when that pid dies, and so is the receive timer of
 * a process that dies while it waits, so neither stays on a scheduler's wheel (nor in the timer table) until its
 * deadline. Runs in its own JVM (surefire forks per class), so the counts here are this class's own.
 */
class TimersDieWithTheirProcessTest {
    private static final long BOUND_MS = 20_000;
    private static final long HOUR_MS = 3_600_000;
    private static final Atom ARMED = Atom.of("armed");
    private static final Atom DOWN = Atom.of("DOWN");

    /** A process that aims a send_after and a start_timer at itself, an hour away, then waits an hour to receive. */
    private static SpawnMonitor waiterWithTimers(Pid me) {
        return Erlang.spawnMonitor(new HandWoven() {
            int step;

            @Override
            protected void body(Fiber f) {
                if (step == 0) {
                    Erlang.sendAfter(HOUR_MS, Erlang.self(), Atom.of("late"));
                    Erlang.startTimer(HOUR_MS, Erlang.self(), Atom.of("late"));
                    Erlang.send(me, ARMED);
                    step = 1;
                }
                receive(f, HOUR_MS);
                if (unwinding(f)) return;
                Erlang.send(me, Atom.of("woke"));
            }
        });
    }

    private static void awaitDown(Ref ref) {
        Object m = Erlang.receive(x -> x instanceof Tuple && ((Tuple) x).arity() == 5
                && DOWN.equals(((Tuple) x).get(0)) && ref.equals(((Tuple) x).get(1)), BOUND_MS);
        assertNotNull(m, "no DOWN within " + BOUND_MS + " ms");
    }

    private static boolean waiting(Pid p) {
        return Tuple.of(Atom.of("status"), Atom.of("waiting")).equals(Erlang.processInfo(p, Atom.of("status")));
    }

    @Test
    void aKilledProcessLeavesNoTimersBehind() {
        Schedulers vm = Schedulers.get();
        int active = ErlangTimers.active();
        long onWheels = vm.wheelTimers();
        SpawnMonitor sm = waiterWithTimers(Erlang.self());
        assertEquals(ARMED, Erlang.receive(BOUND_MS));
        waitUntil(() -> waiting(sm.pid()));
        assertEquals(active + 2, ErlangTimers.active());
        waitUntil(() -> vm.wheelTimers() == onWheels + 3); // send_after, start_timer, receive-after

        Erlang.exit(sm.pid(), Atom.of("kill"));
        awaitDown(sm.ref());
        waitUntil(() -> ErlangTimers.active() == active);
        waitUntil(() -> vm.wheelTimers() == onWheels);
    }

    @Test
    void aProcessThatEndsLeavesNoTimersBehindButANamedTimerStays() {
        Schedulers vm = Schedulers.get();
        int active = ErlangTimers.active();
        long onWheels = vm.wheelTimers();
        Pid me = Erlang.self();
        SpawnMonitor sm = Erlang.spawnMonitor(new HandWoven() {
            @Override
            protected void body(Fiber f) {
                Object m = receive(f);
                if (unwinding(f)) return;
                Erlang.send(me, m);
            }
        });
        Erlang.register(Atom.of("timer_target"), sm.pid());
        Ref byPid = Erlang.sendAfter(HOUR_MS, sm.pid(), Atom.of("late"));
        Ref byName = Erlang.sendAfter(HOUR_MS, Atom.of("timer_target"), Atom.of("late"));
        assertEquals(active + 2, ErlangTimers.active());
        Erlang.send(sm.pid(), Atom.of("go"));
        assertEquals(Atom.of("go"), Erlang.receive(BOUND_MS));
        awaitDown(sm.ref());
        waitUntil(() -> ErlangTimers.active() == active + 1);
        waitUntil(() -> vm.wheelTimers() == onWheels + 1);
        assertEquals(-1, Erlang.readTimer(byPid));
        assertTrue(Erlang.cancelTimer(byName) > HOUR_MS - 60_000, "a named timer outlives the process");
        waitUntil(() -> ErlangTimers.active() == active);
        waitUntil(() -> vm.wheelTimers() == onWheels);
    }

    @Test
    void aTimerToADeadPidIsNeverArmed() {
        SpawnMonitor sm = Erlang.spawnMonitor(() -> { });
        awaitDown(sm.ref());
        int active = ErlangTimers.active();
        Ref r = Erlang.startTimer(HOUR_MS, sm.pid(), Atom.of("late"));
        assertEquals(active, ErlangTimers.active());
        assertEquals(-1, Erlang.readTimer(r));
        assertEquals(-1, Erlang.cancelTimer(r));
    }

    @Test
    void firedAndCancelledTimersLeaveTheTargetsListAndItsExitCancelsOnlyTheRest() {
        Pid me = Erlang.self();
        SpawnMonitor sm = Erlang.spawnMonitor(new HandWoven() {
            @Override
            protected void body(Fiber f) {
                Object m = receive(f);
                if (unwinding(f)) return;
                Erlang.send(me, m);
            }
        });
        int active = ErlangTimers.active();
        Ref[] refs = new Ref[6];
        for (int i = 0; i < refs.length; i++) {
            refs[i] = Erlang.sendAfter(HOUR_MS, sm.pid(), Atom.of("late"));
        }
        // unlink from the head, the middle and the tail of the list (the newest is listed first)
        assertTrue(Erlang.cancelTimer(refs[5]) > 0);
        assertTrue(Erlang.cancelTimer(refs[2]) > 0);
        assertTrue(Erlang.cancelTimer(refs[0]) > 0);
        assertEquals(active + 3, ErlangTimers.active());
        Erlang.send(sm.pid(), Atom.of("go"));
        assertEquals(Atom.of("go"), Erlang.receive(BOUND_MS));
        awaitDown(sm.ref());
        waitUntil(() -> ErlangTimers.active() == active);
        for (Ref r : refs) {
            assertEquals(-1, Erlang.cancelTimer(r));
        }
    }
}
