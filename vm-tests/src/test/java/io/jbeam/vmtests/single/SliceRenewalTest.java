package io.jbeam.vmtests.single;

import io.jbeam.Erlang;
import io.jbeam.SpawnMonitor;
import io.jbeam.bif.SystemInfo;
import io.jbeam.scheduler.Fiber;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One scheduler. A process whose budget runs out while its scheduler has nothing else to run goes on with a fresh
 * slice instead of unwinding, being queued and picked again at once. Everything that could run instead still
 * preempts it: a process in the run queue, a timer that is due, a signal sent to it.
 */
class SliceRenewalTest {
    private static final long BOUND_MS = 30_000;
    private static final long BOUND_NS = BOUND_MS * 1_000_000L;
    /** At least a reduction an iteration (the callee's entry): 500 slices of the default 4000 or more. */
    private static final long ITERATIONS = 2_000_000;

    /** Lets every process this test started go, whatever its outcome (one flag per test: JUnit's instance). */
    private final AtomicBoolean release = new AtomicBoolean();

    @AfterEach
    void releaseProcesses() {
        release.set(true);
    }

    private static long step(long x) {
        return x * 31 + 7;
    }

    /** A call per iteration, so each iteration costs a reduction at the callee's entry. */
    private static long work(long iterations) {
        long x = 0;
        for (long i = 0; i < iterations; i++) {
            x = step(x);
        }
        return x;
    }

    /**
     * Works until {@code done} holds, {@link #release} is set, or the bound passes; true only when {@code done} held.
     * Nothing in it waits: whatever else runs on the scheduler runs only because this process was preempted.
     */
    private boolean spinUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + BOUND_NS;
        long x = 0;
        while (!release.get() && System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            x = work(1000) ^ x;
        }
        return x == 42 && done.getAsBoolean(); // x keeps the work alive
    }

    @Test
    void aloneItGoesOnWithFreshSlicesAndTheirReductionsCount() {
        Pid me = Erlang.self();
        Erlang.spawn(() -> {
            Pid self = Erlang.self();
            long reductions = SystemInfo.reductions(self);
            long suspensions = Fiber.current().suspensions();
            long renewals = SystemInfo.schedulerStats().renewals();
            long x = work(ITERATIONS);
            Erlang.send(me, Tuple.of(Fiber.current().suspensions() - suspensions,
                    SystemInfo.reductions(self) - reductions,
                    SystemInfo.schedulerStats().renewals() - renewals, x));
        });
        Tuple r = (Tuple) Erlang.receive(BOUND_MS);
        assertNotNull(r, "the worker did not answer");
        long suspended = (Long) r.get(0), spent = (Long) r.get(1), renewed = (Long) r.get(2);
        // Nothing else runs on this scheduler in this test; a process left over from another test that wakes once
        // may preempt it once or twice, not a thousand times.
        assertTrue(suspended <= 2, "suspended " + suspended + " times while alone");
        // The slice under way when it reads its count is not in it yet.
        assertTrue(spent >= ITERATIONS - 4000, "the renewed slices' reductions were not counted: " + spent);
        // A slice may overspend its budget by part of a loop chunk, so the count is a little under spent / 4000.
        assertTrue(renewed >= spent * 9 / 10 / 4000, "renewed " + renewed + " slices for " + spent + " reductions");
    }

    @Test
    void aProcessInTheRunQueueStillGetsItsTurns() {
        AtomicLong yields = new AtomicLong();
        Pid me = Erlang.self();
        Erlang.spawn(() -> Erlang.send(me, spinUntil(() -> yields.get() >= 100)));
        Erlang.spawn(() -> {
            while (!release.get()) {
                yields.incrementAndGet();
                Erlang.yield();
            }
        });
        assertEquals(true, Erlang.receive(BOUND_MS), "the yielding process did not run 100 times");
    }

    @Test
    void aTimerThatFallsDueStillWakesItsProcess() {
        Pid me = Erlang.self();
        AtomicBoolean timedOut = new AtomicBoolean();
        Pid waiter = Erlang.spawn(() -> {
            Erlang.receive(m -> false, 50);
            timedOut.set(true);
        });
        awaitStatus(waiter, "waiting");
        Erlang.spawn(() -> Erlang.send(me, spinUntil(timedOut::get)));
        assertEquals(true, Erlang.receive(BOUND_MS), "the receive timeout did not fire while the worker ran");
    }

    @Test
    void aKillReachesItWhileItWorks() {
        AtomicBoolean started = new AtomicBoolean();
        SpawnMonitor worker = Erlang.spawnMonitor(() -> {
            started.set(true);
            spinUntil(() -> false);
        });
        long deadline = System.nanoTime() + BOUND_NS;
        while (!started.get() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(started.get(), "the worker did not start");
        Erlang.exit(worker.pid(), Atom.of("kill"));
        assertEquals(Tuple.of(Atom.of("DOWN"), worker.ref(), Atom.of("process"), worker.pid(), Atom.of("killed")),
                Erlang.receive(BOUND_MS));
    }

    private static void awaitStatus(Pid p, String status) {
        Object want = Tuple.of(Atom.of("status"), Atom.of(status));
        long deadline = System.nanoTime() + BOUND_NS;
        while (!want.equals(Erlang.processInfo(p, Atom.of("status")))) {
            assertTrue(System.nanoTime() < deadline, p + " never reached status " + status);
            Thread.onSpinWait();
        }
    }
}
