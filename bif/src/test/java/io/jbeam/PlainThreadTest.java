package io.jbeam;

import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Plain Java threads get a process identity on first use; their receive blocks the thread. */
class PlainThreadTest {
    @Test
    void aPlainThreadHasAStablePidAndReceivesFromAnotherThread() throws Exception {
        Pid me = Erlang.self();
        assertEquals(me, Erlang.self());
        assertTrue(Erlang.isProcessAlive(me));
        CompletableFuture<Pid> other = CompletableFuture.supplyAsync(() -> {
            Erlang.send(me, Atom.of("from_thread"));
            return Erlang.self();
        });
        assertEquals(Atom.of("from_thread"), Erlang.receive(20_000));
        assertNotEquals(me, other.get(20, TimeUnit.SECONDS));
    }

    @Test
    void aBlockedPlainThreadIsWokenByAProcess() throws Exception {
        CompletableFuture<Object> got = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            Pid self = Erlang.self();
            Erlang.spawn(() -> {
                Erlang.sleep(10);
                Erlang.send(self, Atom.of("wake"));
            });
            got.complete(Erlang.receive()); // infinite: must be woken, not time out
        });
        waiter.start();
        assertEquals(Atom.of("wake"), got.get(20, TimeUnit.SECONDS));
        waiter.join(20_000);
    }

    @Test
    void pollAndTimeoutOnAPlainThreadAreNeverEarly() {
        assertNull(Erlang.receive(0));
        long start = System.nanoTime();
        assertNull(Erlang.receive(40));
        assertTrue(System.nanoTime() - start >= 40_000_000L);
        long s2 = System.nanoTime();
        assertNull(Erlang.receive(x -> false, 30));
        assertTrue(System.nanoTime() - s2 >= 30_000_000L);
    }
}
