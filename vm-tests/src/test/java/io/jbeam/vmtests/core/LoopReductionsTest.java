package io.jbeam.vmtests.core;

import io.jbeam.Erlang;
import io.jbeam.bif.SystemInfo;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Woven loops count their back-edges in a local and charge the process in chunks: what they counted still reaches
 * the process's reductions, from loops too short to fill a chunk (charged when their method returns) and from a long
 * loop with no calls (charged chunk by chunk, so it is preempted too).
 */
class LoopReductionsTest {
    private static final long BOUND_MS = 30_000;
    private static final Atom DONE = Atom.of("done");
    private static final Atom STATUS = Atom.of("status");
    private static final int CALLS = 1000;
    private static final int SHORT = 10;
    private static final int LONG = 200_000;

    /** SHORT - 1 back-edges: fewer than a chunk. */
    static int shortLoop(int seed) {
        int x = seed;
        for (int i = 0; i < SHORT; i++) {
            x = x * 31 + i;
        }
        return x;
    }

    static int callShortLoops() {
        int x = 0;
        for (int i = 0; i < CALLS; i++) {
            x += shortLoop(i);
        }
        return x;
    }

    static long longLoop() {
        long x = 0;
        for (int i = 0; i < LONG; i++) {
            x += i ^ (x >>> 7);
        }
        return x;
    }

    /** Runs {@code work} in a process that then waits, and returns its reductions once it waits. */
    private static long reductionsOf(Runnable work) {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> {
            work.run();
            Erlang.send(me, DONE);
            Erlang.receive();
        });
        assertEquals(DONE, Erlang.receive(BOUND_MS));
        long deadline = System.nanoTime() + BOUND_MS * 1_000_000;
        // Reductions are added up when a slice ends: wait until the process is suspended in its receive.
        while (!String.valueOf(Erlang.processInfo(p, STATUS)).contains("waiting") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        long r = SystemInfo.reductions(p);
        Erlang.send(p, DONE);
        return r;
    }

    @Test
    void shortLoopsAreChargedWhenTheirMethodReturns() {
        int[] sink = new int[1];
        long r = reductionsOf(() -> sink[0] = callShortLoops());
        assertTrue(r >= (long) CALLS * (SHORT - 1), "reductions " + r + ": the short loops' back-edges were lost");
    }

    @Test
    void aLongLoopWithoutCallsIsChargedChunkByChunk() {
        long[] sink = new long[1];
        long r = reductionsOf(() -> sink[0] = longLoop());
        assertTrue(r >= LONG - 64, "reductions " + r);
    }
}
