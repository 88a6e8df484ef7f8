package io.jbeam;

import io.jbeam.bif.SystemInfo;
import io.jbeam.scheduler.Fiber;
import io.jbeam.scheduler.PinReports;
import io.jbeam.scheduler.SchedulerStats;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** Processes that really suspend (hand-woven bodies), on the default number of schedulers. */
class SuspendingProcessesTest {
    private static final long BOUND_MS = 30_000;
    private static final Atom DONE = Atom.of("done");

    /** Receives {n, from} and answers n+1 to from, until it gets stop. */
    static final class Echo extends HandWoven {
        @Override
        protected void body(Fiber f) {
            while (true) {
                Object m = receive(f);
                if (unwinding(f)) return;
                if (m == Atom.of("stop")) return;
                Tuple t = (Tuple) m;
                Erlang.send((Pid) t.get(1), (Long) t.get(0) + 1);
            }
        }
    }

    @Test
    void pingPongSuspendsInsteadOfPinning() {
        long pinsBefore = PinReports.count();
        Pid me = Erlang.self();
        Pid echo = Erlang.spawn(new Echo());
        int rounds = 10_000;
        Pid pinger = Erlang.spawn(new HandWoven() {
            long n;

            @Override
            protected void body(Fiber f) {
                while (n < rounds) {
                    if (f.status != Fiber.REWINDING) Erlang.send(echo, Tuple.of(n, Erlang.self()));
                    Object reply = receive(f);
                    if (unwinding(f)) return;
                    assertEquals(n + 1, reply);
                    n++;
                }
                Erlang.send(echo, Atom.of("stop"));
                Erlang.send(me, Tuple.of(DONE, n));
            }
        });
        assertEquals(Tuple.of(DONE, (long) rounds), Erlang.receive(BOUND_MS));
        assertEquals(pinsBefore, PinReports.count(), "no process pinned");
        SchedulerStats stats = SystemInfo.schedulerStats();
        assertTrue(stats.suspensions() >= rounds, stats.toString());
        assertTrue(stats.runnextHits() > 0, stats.toString());
        SpawnAndMessagesTest.waitUntil(() -> !Erlang.isProcessAlive(pinger) && !Erlang.isProcessAlive(echo));
    }

    @Test
    void receiveTimeoutNeverEndsEarlyAndZeroPolls() {
        Pid me = Erlang.self();
        long timeout = 50;
        Erlang.spawn(new HandWoven() {
            int step;
            long start;

            @Override
            protected void body(Fiber f) {
                if (step == 0) {
                    Erlang.send(Erlang.self(), Atom.of("x"));
                    Object polled = receive(f, 0); // there is a message: the poll takes it
                    Object none = receive(f, 0);
                    Erlang.send(me, Tuple.of(polled, String.valueOf(none)));
                    start = System.nanoTime();
                    step = 1;
                }
                Object m = receive(f, timeout);
                if (unwinding(f)) return;
                long elapsedNanos = System.nanoTime() - start;
                Erlang.send(me, Tuple.of(String.valueOf(m), elapsedNanos));
            }
        });
        assertEquals(Tuple.of(Atom.of("x"), "null"), Erlang.receive(BOUND_MS));
        Tuple r = (Tuple) Erlang.receive(BOUND_MS);
        assertEquals("null", r.get(0));
        assertTrue((Long) r.get(1) >= timeout * 1_000_000, "ended after " + r.get(1) + " ns");
    }

    @Test
    void messageBeforeTheTimeoutWinsAndSelectiveReceiveKeepsOrder() {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(new HandWoven() {
            @Override
            protected void body(Fiber f) {
                Object m = receive(f, x -> x == Atom.of("go"));
                if (unwinding(f)) return;
                // a and b arrived before go and are still queued, in order
                Erlang.send(me, Tuple.of(m, Erlang.receive(0), Erlang.receive(0), String.valueOf(Erlang.receive(0))));
            }
        });
        Erlang.send(p, Atom.of("a"));
        Erlang.send(p, Atom.of("b"));
        Erlang.send(p, Atom.of("go"));
        assertEquals(Tuple.of(Atom.of("go"), Atom.of("a"), Atom.of("b"), "null"), Erlang.receive(BOUND_MS));
    }

    @Test
    void sleepSuspendsForAtLeastItsTime() {
        Pid me = Erlang.self();
        long start = System.nanoTime();
        Erlang.spawn(new HandWoven() {
            @Override
            protected void body(Fiber f) {
                sleep(f, 30);
                if (unwinding(f)) return;
                Erlang.send(me, DONE);
            }
        });
        assertEquals(DONE, Erlang.receive(BOUND_MS));
        assertTrue(System.nanoTime() - start >= 30_000_000L);
    }

    @Test
    void tenThousandProcessesMessageEachOther() {
        Pid me = Erlang.self();
        int n = 10_000;
        // A ring: each process waits for a token, adds one and passes it on; the last one reports.
        Pid next = me;
        for (int i = 0; i < n; i++) {
            Pid to = next;
            next = Erlang.spawn(new HandWoven() {
                @Override
                protected void body(Fiber f) {
                    Object token = receive(f);
                    if (unwinding(f)) return;
                    Erlang.send(to, (Long) token + 1);
                }
            });
        }
        Erlang.send(next, 0L);
        assertEquals((long) n, Erlang.receive(BOUND_MS));
    }

    @Test
    void yieldingProcessesAllFinishExactlyOnce() {
        Pid me = Erlang.self();
        int n = 2_000;
        AtomicInteger finished = new AtomicInteger();
        AtomicLong runs = new AtomicLong();
        Pid spawner = Erlang.spawn(() -> {
            // All spawned on this scheduler: the others must steal to help.
            for (int i = 0; i < n; i++) {
                Erlang.spawn(new HandWoven() {
                    int yields;

                    @Override
                    protected void body(Fiber f) {
                        while (yields < 20) {
                            if (f.status != Fiber.REWINDING) runs.incrementAndGet(); // not again on re-entry
                            yieldNow(f);
                            if (unwinding(f)) return;
                            yields++;
                        }
                        if (finished.incrementAndGet() == n) Erlang.send(me, DONE);
                    }
                });
            }
        });
        assertEquals(DONE, Erlang.receive(BOUND_MS));
        assertEquals(n, finished.get());
        assertEquals(20L * n, runs.get());
        assertNotNull(spawner);
    }

    @Test
    void reductionsAreCountedPerProcess() {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(new HandWoven() {
            int step;

            @Override
            protected void body(Fiber f) {
                if (step == 0) {
                    if (f.status != Fiber.REWINDING) f.reductions -= 123; // what woven code would have counted
                    Object m = receive(f);
                    if (unwinding(f)) return;
                    Erlang.send(me, m);
                    step = 1;
                }
                receive(f); // stay alive until the test is done looking
                unwinding(f);
            }
        });
        Erlang.send(p, DONE);
        assertEquals(DONE, Erlang.receive(BOUND_MS));
        SpawnAndMessagesTest.waitUntil(() -> SystemInfo.reductions(p) >= 123);
        Erlang.send(p, DONE);
    }
}
