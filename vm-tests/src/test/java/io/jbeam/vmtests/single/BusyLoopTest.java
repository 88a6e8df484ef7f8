package io.jbeam.vmtests.single;

import io.jbeam.Erlang;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * One scheduler thread, and a process running {@code while (true) x++;}: a loop with no call in it, which never ends.
 * The woven back-edge counts reductions, so the loop is preempted and an echo process on the same scheduler still
 * answers every message.
 */
class BusyLoopTest {
    private static final int ECHOES = 200;
    private static final long BOUND_MS = 10_000;

    @SuppressWarnings("InfiniteLoopStatement")
    private static void spinForever() {
        long x = 0;
        while (true) {
            x++;
        }
    }

    private static void echo() {
        while (true) {
            Tuple m = (Tuple) Erlang.receive();
            Erlang.send((Pid) m.get(0), m.get(1));
        }
    }

    @Test
    void anEchoOnTheSameSchedulerAnswersWhileALoopWithoutCallsSpins() {
        Pid spinner = Erlang.spawn(BusyLoopTest::spinForever);
        Pid echo = Erlang.spawn(BusyLoopTest::echo);
        Pid me = Erlang.self();
        for (long i = 0; i < ECHOES; i++) {
            Erlang.send(echo, Tuple.of(me, i));
            Object reply = Erlang.receive(BOUND_MS);
            assertNotNull(reply, "echo " + i + " not answered within " + BOUND_MS + " ms: the spinner starved it");
            assertEquals(i, reply);
        }
        assertEquals(true, Erlang.isProcessAlive(spinner), "the spinner is still spinning");
        // Gone before the next test of this JVM, which may want the scheduler to itself.
        Ref down = Erlang.monitor(spinner);
        Erlang.exit(spinner, Atom.of("kill"));
        Erlang.exit(echo, Atom.of("kill"));
        assertEquals(Tuple.of(Atom.of("DOWN"), down, Atom.of("process"), spinner, Atom.of("killed")),
                Erlang.receive(BOUND_MS));
    }
}
