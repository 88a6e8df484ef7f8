package io.jbeam.vmtests.core;

import io.jbeam.Erlang;
import io.jbeam.ErlangError;
import io.jbeam.SpawnOptions;
import io.jbeam.bif.SystemInfo;
import io.jbeam.scheduler.Priority;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The spawn option {@code {scheduler, N}}: a process bound to scheduler N runs there and nowhere else, however it is
 * woken. Each process reports the set of scheduler ids it ran on as a bit mask (bit i for scheduler i).
 */
class BoundProcessesTest {
    private static final long BOUND_MS = 30_000;
    private static final int ROUNDS = 2000;
    private static final Atom PONG = Atom.of("pong");
    private static final Atom NAP = Atom.of("nap");
    private static final Atom REPORT = Atom.of("report");

    private static long here() {
        return 1L << SystemInfo.schedulerId();
    }

    /**
     * Answers {@code {From}} with pong and {@code nap} by a receive that times out (a timer wakes it); on
     * {@code {report, To}} sends {@code To} the schedulers it ran on, and ends.
     */
    private static void echo() {
        long ran = here();
        while (true) {
            Object m = Erlang.receive();
            ran |= here();
            if (m == NAP) {
                Erlang.receive(x -> false, 2);
                ran |= here();
            } else if (m instanceof Pid) {
                Erlang.send((Pid) m, PONG);
            } else {
                Erlang.send((Pid) ((Tuple) m).get(1), ran);
                return;
            }
        }
    }

    /** {@code ROUNDS} round trips to {@code echo}, then the schedulers it ran on to {@code parent}. */
    private static Runnable pinger(Pid echo, Pid parent) {
        return () -> {
            long ran = here();
            Pid self = Erlang.self();
            for (int i = 0; i < ROUNDS; i++) {
                Erlang.send(echo, self);
                Erlang.receive();
                ran |= here();
            }
            Erlang.send(parent, Tuple.of(self, ran));
        };
    }

    /** The scheduler ids of a mask, as "[1, 2]". */
    private static String ids(long mask) {
        java.util.List<Integer> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            if ((mask & (1L << i)) != 0) ids.add(i);
        }
        return ids.toString();
    }

    private static long report(Pid echo) {
        Erlang.send(echo, Tuple.of(REPORT, Erlang.self()));
        Object ran = Erlang.receive(m -> m instanceof Long, BOUND_MS);
        assertNotNull(ran, "no report from " + echo);
        return (Long) ran;
    }

    private static long pingerResult(Pid pinger) {
        Object t = Erlang.receive(m -> m instanceof Tuple && ((Tuple) m).get(0).equals(pinger), BOUND_MS);
        assertNotNull(t, "pinger " + pinger + " did not finish within " + BOUND_MS + " ms");
        return (Long) ((Tuple) t).get(1);
    }

    @Test
    void aBoundProcessRunsOnlyOnItsSchedulerWhoeverWakesIt() {
        int schedulers = SystemInfo.schedulerStats().schedulers();
        assumeTrue(schedulers >= 2, "needs two schedulers");
        AtomicBoolean stop = new AtomicBoolean();
        long deadline = System.nanoTime() + BOUND_MS * 1_000_000L;
        // Keeps scheduler 1 busy: a woken process waits in its queue, where an idle scheduler 2 would steal it.
        Pid spinner = Erlang.spawnOpt(() -> {
            long n = 0;
            while (!stop.get() && System.nanoTime() < deadline) {
                n++;
            }
        }, SpawnOptions.scheduler(1));
        try {
            Pid bound = Erlang.spawnOpt(BoundProcessesTest::echo, SpawnOptions.scheduler(1));
            Pid me = Erlang.self();
            // Woken by a process on scheduler 2, ...
            Pid toBound = Erlang.spawnOpt(pinger(bound, me), SpawnOptions.scheduler(2));
            assertEquals("[2]", ids(pingerResult(toBound)), "schedulers the pinger ran on");
            // ... by this plain thread, and by its own receive timer.
            for (int i = 0; i < 100; i++) {
                Erlang.send(bound, me);
                assertEquals(PONG, Erlang.receive(BOUND_MS));
                Erlang.send(bound, NAP);
            }
            assertEquals("[1]", ids(report(bound)), "schedulers the bound process ran on");

            // The control: an unbound process, spawned on scheduler 1, moves to the scheduler of its waker.
            Pid spawner = Erlang.spawnOpt(() -> Erlang.send(me, Tuple.of(Erlang.self(),
                    Erlang.spawn(BoundProcessesTest::echo))), SpawnOptions.scheduler(1));
            Object spawned = Erlang.receive(m -> m instanceof Tuple && ((Tuple) m).get(0).equals(spawner), BOUND_MS);
            assertNotNull(spawned);
            Pid unbound = (Pid) ((Tuple) spawned).get(1);
            Pid toUnbound = Erlang.spawnOpt(pinger(unbound, me), SpawnOptions.scheduler(2));
            pingerResult(toUnbound);
            long ran = report(unbound);
            assertTrue((ran & (1L << 2)) != 0, "an unbound process woken from scheduler 2 runs there; it ran on " + ids(ran));
        } finally {
            stop.set(true);
            Erlang.exit(spinner, Atom.of("kill"));
        }
    }

    @Test
    void priorityAndSchedulerCombine() {
        Pid me = Erlang.self();
        Pid p = Erlang.spawnOpt(() -> Erlang.send(me, Tuple.of(Erlang.self(), here())),
                SpawnOptions.priority(Priority.HIGH).withScheduler(1));
        Object t = Erlang.receive(m -> m instanceof Tuple && ((Tuple) m).get(0).equals(p), BOUND_MS);
        assertEquals(Tuple.of(p, 1L << 1), t);
        SpawnOptions both = SpawnOptions.scheduler(1).withPriority(Priority.LOW);
        assertEquals(Priority.LOW, both.priority());
        assertEquals(1, both.scheduler());
        assertEquals(SpawnOptions.ANY_SCHEDULER, SpawnOptions.priority(Priority.LOW).scheduler());
    }

    @Test
    void schedulerOutsideOneToSchedulersIsBadarg() {
        int schedulers = SystemInfo.schedulerStats().schedulers();
        Runnable body = () -> { };
        ErlangError zero = assertThrows(ErlangError.class, () -> Erlang.spawnOpt(body, SpawnOptions.scheduler(0)));
        assertEquals(Erlang.BADARG, zero.reason());
        ErlangError above = assertThrows(ErlangError.class,
                () -> Erlang.spawnOpt(body, SpawnOptions.scheduler(schedulers + 1)));
        assertEquals(Erlang.BADARG, above.reason());
        assertThrows(ErlangError.class, () -> SpawnOptions.priority(Priority.HIGH).withScheduler(-1));
        assertEquals(0, SystemInfo.schedulerId(), "a plain thread runs no scheduler");
    }
}
