package io.jbeam.signals;

import io.jbeam.Erlang;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;

import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/** Bounded receives for tests run on the test thread (a plain-thread process). */
final class Await {
    static final long BOUND_MS = 20_000;
    static final Atom EXIT = Atom.of("EXIT");
    static final Atom DOWN = Atom.of("DOWN");

    private Await() {
    }

    static Object message() {
        Object m = Erlang.receive(BOUND_MS);
        assertNotNull(m, "no message within " + BOUND_MS + " ms");
        return m;
    }

    static Object message(Predicate<Object> match) {
        Object m = Erlang.receive(match, BOUND_MS);
        assertNotNull(m, "no matching message within " + BOUND_MS + " ms");
        return m;
    }

    /** The DOWN of this monitor; returns its reason. */
    static Object down(Ref ref) {
        Tuple d = (Tuple) message(m -> m instanceof Tuple && ((Tuple) m).arity() == 5
                && DOWN.equals(((Tuple) m).get(0)) && ref.equals(((Tuple) m).get(1)));
        return d.get(4);
    }

    /** The {'EXIT', From, _} from this pid; returns its reason. */
    static Object exitFrom(Pid from) {
        Tuple e = (Tuple) message(m -> m instanceof Tuple && ((Tuple) m).arity() == 3
                && EXIT.equals(((Tuple) m).get(0)) && from.equals(((Tuple) m).get(1)));
        return e.get(2);
    }

    /** Asserts no message arrives within {@code ms} (used after a synchronising round trip, never alone). */
    static void nothing(long ms) {
        Object m = Erlang.receive(ms);
        assertNull(m, "unexpected message " + m);
    }

    /** Empties the caller's queue and resets its flags, between tests. */
    static void reset() {
        Erlang.trapExit(false);
        while (Erlang.receive(0) != null) {
            // drop
        }
    }

    /** Runs {@code body} in a process and returns the reason it died with. */
    static Object reasonOf(Runnable body) {
        var sm = Erlang.spawnMonitor(body);
        return down(sm.ref());
    }

    static Atom a(String name) {
        return Atom.of(name);
    }
}
