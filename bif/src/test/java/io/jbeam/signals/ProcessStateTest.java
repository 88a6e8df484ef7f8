package io.jbeam.signals;

import io.jbeam.Erlang;
import io.jbeam.ErlangError;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jbeam.signals.Await.*;
import static org.junit.jupiter.api.Assertions.*;

/** erlang-semantics.md items 5, 25, 43-48: the dictionary, process_flag and process_info. */
class ProcessStateTest {
    @AfterEach
    void clean() {
        reset();
        Erlang.erase();
    }

    @Test
    void theDictionary() {
        assertEquals(Atom.UNDEFINED, Erlang.put(a("k"), 1L));
        assertEquals(1L, Erlang.put(a("k"), 2L));
        assertEquals(2L, Erlang.get(a("k")));
        assertEquals(Atom.UNDEFINED, Erlang.get(a("missing")));
        Erlang.put(a("j"), 2L);
        assertEquals(2, Erlang.get().size());
        assertTrue(Erlang.getKeys().containsAll(List.of(a("k"), a("j"))));
        assertEquals(2, Erlang.getKeys(2L).size());
        assertEquals(2L, Erlang.erase(a("k")));
        assertEquals(Atom.UNDEFINED, Erlang.erase(a("k")));
        assertEquals(List.of(Tuple.of(a("j"), 2L)), Erlang.erase());
        assertEquals(List.of(), Erlang.get());
    }

    @Test
    void aChildInheritsNothingAndItsDictionaryIsReadableFromOutside() {
        Pid me = Erlang.self();
        Erlang.trapExit(true);
        Erlang.put(a("parent_key"), 1L);
        Pid c = Erlang.spawn(() -> {
            Erlang.send(me, Tuple.of(Erlang.get(), Erlang.processFlag(a("trap_exit"), true)));
            Erlang.put(a("child_key"), 7L);
            Erlang.send(me, a("put"));
            Erlang.receive();
        });
        assertEquals(Tuple.of(List.of(), false), message());
        assertEquals(a("put"), message());
        assertEquals(Tuple.of(a("dictionary"), List.of(Tuple.of(a("child_key"), 7L))),
                Erlang.processInfo(c, a("dictionary")));
        assertEquals(Tuple.of(a("trap_exit"), true), Erlang.processInfo(c, a("trap_exit")));
        Erlang.send(c, a("bye"));
    }

    @Test
    void processInfoOfAnotherProcess() {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> {
            Erlang.receive(m -> m == a("go"));
            Erlang.send(me, a("done"));
        });
        Erlang.send(p, a("a"));
        Erlang.send(p, a("b"));
        SpawnWait.until(() -> Tuple.of(a("status"), a("waiting")).equals(Erlang.processInfo(p, a("status"))));
        assertEquals(List.of(Tuple.of(a("messages"), List.of(a("a"), a("b"))), Tuple.of(a("message_queue_len"), 2L),
                        Tuple.of(a("message_queue_len"), 2L)),
                Erlang.processInfo(p, List.of(a("messages"), a("message_queue_len"), a("message_queue_len"))));
        assertEquals(List.of(), Erlang.processInfo(p, a("registered_name")));
        assertEquals(Tuple.of(a("priority"), a("normal")), Erlang.processInfo(p, a("priority")));
        List<Object> all = Erlang.processInfo(p);
        assertEquals(a("current_function"), ((Tuple) all.get(0)).get(0));
        assertTrue(all.contains(Tuple.of(a("initial_call"), Tuple.of(a("erlang"), a("apply"), 2L))));
        assertEquals(16, all.size()); // process_info/1's sixteen keys, group_leader included
        assertEquals(a("group_leader"), ((Tuple) all.get(9)).get(0));
        assertThrows(ErlangError.class, () -> Erlang.processInfo(p, a("no_such_item")));
        assertThrows(ErlangError.class, () -> Erlang.processInfo(null, a("status")));
        Erlang.send(p, a("go"));
        assertEquals(a("done"), message());
        SpawnWait.until(() -> !Erlang.isProcessAlive(p));
        assertNull(Erlang.processInfo(p, a("status")));
        assertNull(Erlang.processInfo(p, List.of(a("status"))));
        assertNull(Erlang.processInfo(p));
    }

    @Test
    void processInfoOfSelf() {
        Erlang.send(Erlang.self(), a("x"));
        assertEquals(Tuple.of(a("status"), a("running")), Erlang.processInfo(Erlang.self(), a("status")));
        assertEquals(Tuple.of(a("messages"), List.of(a("x"))), Erlang.processInfo(Erlang.self(), a("messages")));
        Erlang.register(a("info_self"), Erlang.self());
        try {
            assertEquals(Tuple.of(a("registered_name"), a("info_self")), Erlang.processInfo(Erlang.self()).get(0));
        } finally {
            Erlang.unregister(a("info_self"));
        }
    }

    @Test
    void aSleepingProcessIsInTimerSleep() {
        Pid p = Erlang.spawn(() -> Erlang.sleep(10_000));
        SpawnWait.until(() -> Tuple.of(a("status"), a("waiting")).equals(Erlang.processInfo(p, a("status"))));
        Erlang.exit(p, a("kill"));
        assertFalse(Erlang.isProcessAlive(p));
    }

    @Test
    void aReceiveTimeoutAbove32BitsIsTimeoutValue() {
        assertThrows(ErlangError.class, () -> Erlang.receive(m -> false, 0x1_0000_0000L));
        Erlang.send(Erlang.self(), a("n"));
        assertEquals(a("n"), Erlang.receive(0xFFFF_FFFFL));
    }

    @Test
    void processFlags() {
        assertEquals(false, Erlang.processFlag(a("trap_exit"), true));
        assertEquals(true, Erlang.trapExit(false));
        assertEquals(a("normal"), Erlang.processFlag(a("priority"), a("high")));
        assertEquals(a("high"), Erlang.processFlag(a("priority"), a("normal")));
        assertThrows(ErlangError.class, () -> Erlang.processFlag(a("trap_exit"), a("yes")));
        assertThrows(ErlangError.class, () -> Erlang.processFlag(a("priority"), a("urgent")));
        assertThrows(ErlangError.class, () -> Erlang.processFlag(a("no_flag"), true));
    }
}
