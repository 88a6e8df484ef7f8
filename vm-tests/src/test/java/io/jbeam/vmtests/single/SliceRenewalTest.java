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
 * slice instead of unwinding, being queued and picked again at once; while nothing else is there at all, it renews in
 * place from a grant without asking. Everything that could run instead still preempts it: a process in the run queue,
 * a process it woke or spawned, a timer that is due (armed before it ran, by itself, or by another thread while it
 * ran), a signal sent to it; and once its carrier has lost the scheduler (a pinned block), it goes back to a run queue.
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
        long renewals = SystemInfo.schedulerStats().renewals();
        long inPlace = SystemInfo.schedulerStats().renewalsInPlace();
        SpawnMonitor worker = Erlang.spawnMonitor(() -> {
            Pid self = Erlang.self();
            long reductions = SystemInfo.reductions(self);
            long suspensions = Fiber.current().suspensions();
            long x = work(ITERATIONS);
            Erlang.send(me, Tuple.of(Fiber.current().suspensions() - suspensions,
                    SystemInfo.reductions(self) - reductions, x));
        });
        Tuple r = (Tuple) Erlang.receive(BOUND_MS);
        assertNotNull(r, "the worker did not answer");
        awaitDown(worker);
        // Renewals in place are counted when the slice ends, and the worker's has ended now.
        long renewed = SystemInfo.schedulerStats().renewals() - renewals;
        long renewedInPlace = SystemInfo.schedulerStats().renewalsInPlace() - inPlace;
        long suspended = (Long) r.get(0), spent = (Long) r.get(1);
        // Nothing else runs on this scheduler in this test; a process left over from another test that wakes once
        // may preempt it once or twice, not a thousand times.
        assertTrue(suspended <= 2, "suspended " + suspended + " times while alone");
        // Its own count includes the slice under way, renewed or not.
        assertTrue(spent >= ITERATIONS, "the renewed slices' reductions were not counted: " + spent);
        // A slice may overspend its budget by part of a loop chunk, so the count is a little under spent / 4000.
        assertTrue(renewed >= spent * 9 / 10 / 4000, "renewed " + renewed + " slices for " + spent + " reductions");
        // Spawned with nothing else here, it was granted its renewals from its first instruction: none asked.
        assertTrue(renewedInPlace >= renewed - 2, "only " + renewedInPlace + " of " + renewed + " renewed in place");
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
    void aTimerTheWorkerArmsItselfStillFires() {
        Pid me = Erlang.self();
        Erlang.spawn(() -> {
            Erlang.sendAfter(20, Erlang.self(), Atom.of("tick"));
            Erlang.send(me, spinUntil(() -> Erlang.receive(0) != null));
        });
        assertEquals(true, Erlang.receive(BOUND_MS), "the worker's own timer did not fire while it ran");
    }

    @Test
    void aTimerArmedFromAnotherThreadWhileItWorksStillFires() {
        Pid me = Erlang.self();
        AtomicBoolean started = new AtomicBoolean();
        Pid worker = Erlang.spawn(() -> {
            started.set(true);
            Erlang.send(me, spinUntil(() -> Erlang.receive(0) != null));
        });
        awaitTrue(started::get, "the worker did not start");
        Erlang.sendAfter(20, worker, Atom.of("tick")); // armed on the worker's scheduler by this plain thread
        assertEquals(true, Erlang.receive(BOUND_MS), "a timer armed while the worker ran did not fire");
    }

    @Test
    void aProcessItWakesStillGetsToRun() {
        Pid me = Erlang.self();
        AtomicBoolean woke = new AtomicBoolean();
        Pid waiter = Erlang.spawn(() -> {
            Erlang.receive();
            woke.set(true);
        });
        awaitStatus(waiter, "waiting");
        Erlang.spawn(() -> {
            Erlang.send(waiter, Atom.of("wake")); // same scheduler: the waiter runs next, once the worker gives way
            Erlang.send(me, spinUntil(woke::get));
        });
        assertEquals(true, Erlang.receive(BOUND_MS), "the process the worker woke never ran");
    }

    @Test
    void aProcessItSpawnsStillGetsToRun() {
        Pid me = Erlang.self();
        AtomicBoolean ran = new AtomicBoolean();
        Erlang.spawn(() -> {
            Erlang.spawn(() -> ran.set(true)); // queued on this scheduler by the worker's own thread
            Erlang.send(me, spinUntil(ran::get));
        });
        assertEquals(true, Erlang.receive(BOUND_MS), "the process the worker spawned never ran");
    }

    @Test
    void afterBlockingItsCarrierItGoesBackToARunQueue() {
        Pid me = Erlang.self();
        int handOffs = SystemInfo.schedulerStats().handOffs();
        Pid worker = Erlang.spawn(() -> {
            receivePinned(); // its carrier blocks, and a spare takes the scheduler over
            long before = Fiber.current().suspensions();
            long x = work(40_000); // ten slices
            Erlang.send(me, Tuple.of(Fiber.current().suspensions() - before, x));
        });
        // Not process_info: a request is a signal, and would end the worker's renewals in place by itself.
        awaitTrue(() -> SystemInfo.schedulerStats().handOffs() > handOffs, "the worker's carrier never blocked");
        Erlang.send(worker, Atom.of("go"));
        Tuple r = (Tuple) Erlang.receive(BOUND_MS);
        assertNotNull(r, "the worker did not answer");
        // Its carrier no longer runs the scheduler: at its next spent budget it must give itself back to a run
        // queue, not renew in place on a thread of its own.
        assertTrue((Long) r.get(0) >= 1, "it never left the carrier it had blocked");
    }

    @Test
    void aKillReachesItWhileItWorks() {
        AtomicBoolean started = new AtomicBoolean();
        SpawnMonitor worker = Erlang.spawnMonitor(() -> {
            started.set(true);
            spinUntil(() -> false);
        });
        awaitTrue(started::get, "the worker did not start");
        Erlang.exit(worker.pid(), Atom.of("kill"));
        assertEquals(Tuple.of(Atom.of("DOWN"), worker.ref(), Atom.of("process"), worker.pid(), Atom.of("killed")),
                Erlang.receive(BOUND_MS));
    }

    /** A receive under a held monitor: pinned. Its own method, so that its caller's frame stays capturable. */
    private static void receivePinned() {
        synchronized (SliceRenewalTest.class) {
            Erlang.receive();
        }
    }

    private static void awaitDown(SpawnMonitor m) {
        Object down = Erlang.receive(msg -> msg instanceof Tuple && ((Tuple) msg).arity() == 5
                && m.ref().equals(((Tuple) msg).get(1)), BOUND_MS);
        assertNotNull(down, "no DOWN from " + m.pid());
    }

    private static void awaitStatus(Pid p, String status) {
        Object want = Tuple.of(Atom.of("status"), Atom.of(status));
        awaitTrue(() -> want.equals(Erlang.processInfo(p, Atom.of("status"))), p + " never reached status " + status);
    }

    /** Spins (this thread is the test's, not a process) until {@code condition} holds; fails past the bound. */
    private static void awaitTrue(BooleanSupplier condition, String failure) {
        long deadline = System.nanoTime() + BOUND_NS;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.onSpinWait();
        }
    }
}
