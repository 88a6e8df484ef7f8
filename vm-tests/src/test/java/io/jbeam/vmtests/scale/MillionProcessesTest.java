package io.jbeam.vmtests.scale;

import io.jbeam.Erlang;
import io.jbeam.bif.SystemInfo;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A million processes alive at once, each blocked in receive; then each is messaged and answers. The JVM's thread
 * count stays at the scheduler threads plus a small constant: a process is not a thread.
 */
class MillionProcessesTest {
    private static final int COUNT = 1_000_000;
    private static final long BOUND_MS = 60_000;
    private static final Atom READY = Atom.of("ready");

    /** Each process: say it is running, wait for {From, N}, answer N + 1, end. */
    private static void waitThenAnswer(Pid parent) {
        Erlang.send(parent, READY);
        Tuple m = (Tuple) Erlang.receive();
        Erlang.send((Pid) m.get(0), (Long) m.get(1) + 1);
    }

    @Test
    void aMillionProcessesWaitAtOnceThenAllAnswer() {
        Pid me = Erlang.self();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        Pid[] pids = new Pid[COUNT];
        for (int i = 0; i < COUNT; i++) {
            pids[i] = Erlang.spawn(() -> waitThenAnswer(me));
        }
        for (int i = 0; i < COUNT; i++) {
            assertNotNull(Erlang.receive(BOUND_MS), "only " + i + " processes reported ready");
        }
        // None can end before its message: all of them are alive at once, each waiting in receive.
        assertTrue(SystemInfo.processCount() >= COUNT, "live processes: " + SystemInfo.processCount());
        int schedulers = SystemInfo.schedulerStats().schedulers();
        int carriers = SystemInfo.schedulerStats().carrierThreads();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        assertTrue(carriers <= schedulers + 2, "carrier threads " + carriers + " for " + schedulers + " schedulers");
        assertTrue(threads <= threadsBefore + schedulers + 4,
                "JVM threads: " + threadsBefore + " before, " + threads + " with a million processes");

        for (int i = 0; i < COUNT; i++) {
            Erlang.send(pids[i], Tuple.of(me, (long) i));
        }
        long sum = 0;
        for (int i = 0; i < COUNT; i++) {
            Object answer = Erlang.receive(BOUND_MS);
            assertNotNull(answer, "only " + i + " answers");
            sum += (Long) answer;
        }
        assertEquals((long) COUNT * (COUNT + 1) / 2, sum, "every process answered exactly once");
    }
}
