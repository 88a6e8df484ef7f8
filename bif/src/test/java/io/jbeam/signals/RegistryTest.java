package io.jbeam.signals;

import io.jbeam.Erlang;
import io.jbeam.ErlangError;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.jbeam.signals.Await.*;
import static org.junit.jupiter.api.Assertions.*;

/** erlang-semantics.md items 11, 36-38: registered names. */
class RegistryTest {
    @AfterEach
    void clean() {
        reset();
    }

    @Test
    void registerWhereisUnregister() {
        Pid p = Erlang.spawn(Erlang::receive);
        Erlang.register(a("reg_one"), p);
        assertEquals(p, Erlang.whereis(a("reg_one")));
        assertTrue(Erlang.registered().contains(a("reg_one")));
        assertEquals(Tuple.of(a("registered_name"), a("reg_one")), Erlang.processInfo(p, a("registered_name")));
        Ref r = Erlang.monitor(p);
        Erlang.send(a("reg_one"), a("hi"));
        assertEquals(a("normal"), down(r));
        assertNull(Erlang.whereis(a("reg_one"))); // freed at exit
        assertThrows(ErlangError.class, () -> Erlang.unregister(a("reg_one")));

        Pid q = Erlang.spawn(Erlang::receive);
        Erlang.register(a("reg_two"), q);
        Erlang.unregister(a("reg_two"));
        assertNull(Erlang.whereis(a("reg_two")));
        assertThrows(ErlangError.class, () -> Erlang.unregister(a("reg_two")));
        assertEquals(java.util.List.of(), Erlang.processInfo(q, a("registered_name")));
        Erlang.send(q, a("bye"));
    }

    @Test
    void badRegistrations() {
        Pid p = Erlang.spawn(Erlang::receive);
        Pid q = Erlang.spawn(Erlang::receive);
        Erlang.register(a("reg_taken"), p);
        assertEquals(a("badarg"), assertThrows(ErlangError.class, () -> Erlang.register(a("reg_taken"), q)).reason());
        assertThrows(ErlangError.class, () -> Erlang.register(a("reg_other"), p)); // already named
        assertThrows(ErlangError.class, () -> Erlang.register(a("undefined"), q));
        assertThrows(ErlangError.class, () -> Erlang.register(null, q));
        var dead = Erlang.spawnMonitor(() -> { });
        down(dead.ref());
        assertThrows(ErlangError.class, () -> Erlang.register(a("reg_dead"), dead.pid()));
        assertThrows(ErlangError.class, () -> Erlang.send(a("reg_nobody"), a("m")));
        Erlang.send(dead.pid(), a("m")); // a dead pid: dropped silently
        Erlang.send(p, a("bye"));
        Erlang.send(q, a("bye"));
    }
}
