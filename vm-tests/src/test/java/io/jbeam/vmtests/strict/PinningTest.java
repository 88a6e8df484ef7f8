package io.jbeam.vmtests.strict;

import io.jbeam.Erlang;
import io.jbeam.scheduler.PinReports;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames that cannot be captured pin a process instead of corrupting it: a receive inside {@code synchronized}, or
 * inside a lambda called by the JDK's {@code List.forEach}, blocks its carrier thread; a spare carrier takes the
 * scheduler over, so other processes keep running. Strict mode reports each pin with its stack. This class runs with
 * one scheduler thread, so "others keep running" can only be the spare carrier's doing.
 */
class PinningTest {
    private static final long BOUND_MS = 30_000;
    private static final Object LOCK = new Object();

    private static void receiveWhileHoldingAMonitor(Pid parent) {
        Object m;
        synchronized (LOCK) {
            m = Erlang.receive();
        }
        Erlang.send(parent, Tuple.of(Atom.of("synchronized"), m));
    }

    private static void receiveInsideForEach(Pid parent) {
        List.of(1, 2).forEach(i -> Erlang.send(parent, Tuple.of(Atom.of("forEach"), i, Erlang.receive())));
    }

    /** Waits (bounded) until strict mode has reported a pin of {@code pid}; returns its stack as text. */
    static String awaitPinReport(Pid pid) {
        long deadline = System.nanoTime() + BOUND_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            for (PinReports.PinReport r : PinReports.reports()) {
                if (r.pid().equals(pid)) {
                    return Arrays.toString(r.stack());
                }
            }
            Erlang.receive(m -> false, 5);
        }
        throw new AssertionError("strict mode reported no pin for " + pid + " within " + BOUND_MS + " ms");
    }

    private static void assertOthersStillRun() {
        Pid me = Erlang.self();
        Erlang.spawn(() -> Erlang.send(me, Atom.of("others_run")));
        assertEquals(Atom.of("others_run"), Erlang.receive(m -> m == Atom.of("others_run"), BOUND_MS));
    }

    @Test
    void aReceiveInsideSynchronizedPinsAndStillWorks() {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> receiveWhileHoldingAMonitor(me));
        String stack = awaitPinReport(p);
        assertTrue(stack.contains("receiveWhileHoldingAMonitor"), stack);
        assertOthersStillRun();
        Erlang.send(p, "hello");
        assertEquals(Tuple.of(Atom.of("synchronized"), "hello"), Erlang.receive(BOUND_MS));
    }

    @Test
    void aReceiveInsideListForEachPinsAndStillWorks() {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> receiveInsideForEach(me));
        String stack = awaitPinReport(p);
        assertTrue(stack.contains("forEach"), stack);
        assertOthersStillRun();
        Erlang.send(p, "a");
        assertEquals(Tuple.of(Atom.of("forEach"), 1, "a"), Erlang.receive(BOUND_MS));
        Erlang.send(p, "b");
        assertEquals(Tuple.of(Atom.of("forEach"), 2, "b"), Erlang.receive(BOUND_MS));
    }
}
