package io.jbeam;

import io.jbeam.bif.SystemInfo;
import io.jbeam.scheduler.Fiber;
import io.jbeam.scheduler.PinReports;
import io.jbeam.scheduler.SchedulerStats;
import io.jbeam.scheduler.VmConfig;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One scheduler, strict mode. An unwoven body's blocking receive pins its carrier: the scheduler must move to a
 * spare carrier so the other processes keep running, and strict mode must report the pin.
 */
class PinnedOnOneSchedulerTest {
    private static final long BOUND_MS = 30_000;

    @BeforeAll
    static void oneScheduler() {
        VmConfig.configure(VmConfig.builder().schedulers(1).strict(true).spin(100).build());
    }

    @Test
    void aPinnedReceiveDoesNotStopTheOtherProcesses() {
        Pid me = Erlang.self();
        Object lock = new Object();
        Pid pinned = Erlang.spawn(() -> {
            synchronized (lock) { // a held monitor: the receive cannot be captured
                Object m = Erlang.receive();
                Erlang.send(me, Tuple.of(Atom.of("pinned_got"), m));
            }
        });
        // Wait (bounded) until it really blocks, then show another process still runs on the one scheduler.
        SpawnAndMessagesTest.waitUntil(() -> SystemInfo.schedulerStats().pinnedCarriers() == 1);
        Pid other = Erlang.spawn(() -> Erlang.send(me, Atom.of("other_ran")));
        assertEquals(Atom.of("other_ran"), Erlang.receive(BOUND_MS));
        assertTrue(Erlang.isProcessAlive(pinned));
        Erlang.send(pinned, Atom.of("hello"));
        assertEquals(Tuple.of(Atom.of("pinned_got"), Atom.of("hello")), Erlang.receive(BOUND_MS));
        SpawnAndMessagesTest.waitUntil(() -> SystemInfo.schedulerStats().pinnedCarriers() == 0);
        SchedulerStats stats = SystemInfo.schedulerStats();
        assertEquals(1, stats.schedulers());
        assertTrue(stats.carrierThreads() >= 2, stats.toString());
        assertTrue(stats.handOffs() >= 1, stats.toString());
        assertTrue(PinReports.reports().stream().anyMatch(r -> r.pid().equals(pinned) && r.operation().equals("receive")));
        assertNotNull(other);
    }

    @Test
    void pingPongOnOneSchedulerGoesThroughRunnext() {
        Pid me = Erlang.self();
        long before = SystemInfo.schedulerStats().runnextHits();
        Pid echo = Erlang.spawn(new SuspendingProcessesTest.Echo());
        Erlang.spawn(new HandWoven() {
            long n;

            @Override
            protected void body(Fiber f) {
                while (n < 1000) {
                    if (f.status != Fiber.REWINDING) Erlang.send(echo, Tuple.of(n, Erlang.self()));
                    Object reply = receive(f);
                    if (unwinding(f)) return;
                    n = (Long) reply;
                }
                Erlang.send(echo, Atom.of("stop"));
                Erlang.send(me, n);
            }
        });
        assertEquals(1000L, Erlang.receive(BOUND_MS));
        assertTrue(SystemInfo.schedulerStats().runnextHits() - before >= 1000, SystemInfo.schedulerStats().toString());
    }

    @Test
    void aPinnedSleepAlsoHandsOffAndAPreemptedProcessComesBack() {
        Pid me = Erlang.self();
        Erlang.spawn(() -> {
            Erlang.sleep(20); // unwoven: pinned sleep on a detached carrier
            Erlang.send(me, Atom.of("slept"));
        });
        Pid sibling = Erlang.spawn(() -> Erlang.send(me, Atom.of("sibling")));
        Object first = Erlang.receive(BOUND_MS);
        Object second = Erlang.receive(BOUND_MS);
        assertEquals(java.util.Set.of(Atom.of("slept"), Atom.of("sibling")), java.util.Set.of(first, second));
        assertNotNull(sibling);
    }
}
