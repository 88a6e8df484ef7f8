package io.jbeam;

import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Unwoven bodies: a process's blocking receive here runs pinned (the spare-carrier path). */
class SpawnAndMessagesTest {
    private static final long BOUND_MS = 20_000;

    @Test
    void echoBetweenPlainThreadAndProcess() {
        Pid me = Erlang.self();
        Pid echo = Erlang.spawn(() -> {
            Tuple t = (Tuple) Erlang.receive();
            Erlang.send((Pid) t.get(0), Tuple.of(Atom.of("echo"), t.get(1)));
        });
        Erlang.send(echo, Tuple.of(me, 42L));
        Object reply = Erlang.receive(BOUND_MS);
        assertEquals(Tuple.of(Atom.of("echo"), 42L), reply);
    }

    @Test
    void processEndsNormallyAndIsNoLongerAlive() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> {
            started.countDown();
            Erlang.receive();
            Erlang.send(me, Atom.of("done"));
        });
        assertTrue(started.await(BOUND_MS, TimeUnit.MILLISECONDS));
        assertTrue(Erlang.isProcessAlive(p));
        assertTrue(Erlang.processes().contains(p));
        Erlang.send(p, Atom.of("go"));
        assertEquals(Atom.of("done"), Erlang.receive(BOUND_MS));
        waitUntil(() -> !Erlang.isProcessAlive(p));
        assertFalse(Erlang.processes().contains(p));
    }

    @Test
    void sendToDeadPidIsDropped() {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> Erlang.send(me, Atom.of("bye")));
        assertEquals(Atom.of("bye"), Erlang.receive(BOUND_MS));
        waitUntil(() -> !Erlang.isProcessAlive(p));
        Erlang.send(p, Atom.of("lost")); // no exception
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) fail("condition not reached within " + BOUND_MS + " ms");
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
