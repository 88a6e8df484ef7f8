package io.jbeam;

import io.jbeam.scheduler.ExitListener;
import io.jbeam.scheduler.ProcessExits;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.*;

class ExitTest {
    private final Map<Pid, Object> reasons = new ConcurrentHashMap<>();
    private final ExitListener listener = (p, reason) -> reasons.put(p.pid(), reason);

    @BeforeEach
    void listen() {
        ProcessExits.addListener(listener);
    }

    @AfterEach
    void stop() {
        ProcessExits.removeListener(listener);
    }

    private Object reasonOf(Pid p) {
        SpawnAndMessagesTest.waitUntil(() -> reasons.containsKey(p));
        assertFalse(Erlang.isProcessAlive(p));
        return reasons.get(p);
    }

    @Test
    void returningEndsNormal() {
        assertEquals(Atom.of("normal"), reasonOf(Erlang.spawn(() -> { })));
    }

    @Test
    void exitEndsWithItsReasonAndCanBeCaught() {
        Pid me = Erlang.self();
        Pid p = Erlang.spawn(() -> {
            try {
                Erlang.exit(Atom.of("caught"));
            } catch (ErlangExit e) {
                Erlang.send(me, Tuple.of(Atom.of("EXIT"), e.reason()));
            }
            Erlang.exit(Tuple.of(Atom.of("shutdown"), 7L));
        });
        assertEquals(Tuple.of(Atom.of("EXIT"), Atom.of("caught")), Erlang.receive(20_000));
        assertEquals(Tuple.of(Atom.of("shutdown"), 7L), reasonOf(p));
    }

    @Test
    void anUncaughtExceptionCarriesTheExceptionAndAStack() {
        IllegalStateException boom = new IllegalStateException("boom");
        Pid p = Erlang.spawn(() -> {
            throw boom;
        });
        Tuple reason = (Tuple) reasonOf(p);
        assertSame(boom, reason.get(0));
        assertFalse(((List<?>) reason.get(1)).isEmpty());
    }

    @Test
    void anErlangErrorEndsWithItsReasonAndStack() {
        Tuple reason = (Tuple) reasonOf(Erlang.spawn(() -> Erlang.send((Pid) null, 1)));
        assertEquals(Erlang.BADARG, reason.get(0));
    }

    @Test
    void timeoutValueIsRaisedOnlyWhenTheReceiveMustWait() {
        Pid me = Erlang.self();
        Erlang.send(me, Atom.of("here"));
        assertEquals(Atom.of("here"), Erlang.receive(-1)); // a message is there: no wait, no error
        ErlangError e = assertThrows(ErlangError.class, () -> Erlang.receive(-1));
        assertEquals(Atom.of("timeout_value"), e.reason());
        assertThrows(ErlangError.class, () -> Erlang.sleep(-5));
    }

    @Test
    void spawnOptionsCarryPriority() {
        Pid me = Erlang.self();
        Erlang.spawnOpt(() -> Erlang.send(me, Atom.of("high")),
                SpawnOptions.priority(io.jbeam.scheduler.Priority.HIGH));
        assertEquals(Atom.of("high"), Erlang.receive(20_000));
    }
}
