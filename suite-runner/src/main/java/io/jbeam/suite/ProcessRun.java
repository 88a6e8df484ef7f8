package io.jbeam.suite;

import io.jbeam.Erlang;
import io.jbeam.SpawnMonitor;
import io.jbeam.scheduler.WovenCode;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;

/**
 * Runs one {@link TestBody} as a jbeam process and waits, in {@code receive}, for the {@code 'DOWN'} message of its
 * monitor. The JUnit thread is a plain thread: its first built-in call gives it a process identity, and its receive
 * blocks it. The body's outcome is in its fields; the process wrote them before it ended, and the monitor's message
 * orders those writes before the reads here.
 */
final class ProcessRun {
    /** How long one test body may run before the waiting thread gives up on it and kills it. */
    static final long BODY_TIMEOUT_MILLIS = Long.getLong("jbeam.suite.bodyTimeoutMillis", 300_000L);

    private ProcessRun() {
    }

    /** Spawns {@code body}, waits for it to end, rethrows what the test threw, or returns what it returned. */
    static Object run(TestBody body, String what) throws Throwable {
        SpawnMonitor spawned = Erlang.spawnMonitor(body);
        Pid pid = spawned.pid();
        Ref ref = spawned.ref();
        Object down = Erlang.receive(m -> Tuple.isTagged(m, Atom.DOWN, 5) && ref.equals(((Tuple) m).get(1)),
                BODY_TIMEOUT_MILLIS);
        if (down == null) {
            Erlang.demonitor(ref, true);
            Erlang.exit(pid, Atom.KILL);
            throw new AssertionError("jbeam-suite: the process " + pid + " running " + what
                    + " did not end within " + BODY_TIMEOUT_MILLIS + " ms; killed");
        }
        if (!body.reachedEnd()) {
            Object reason = ((Tuple) down).get(4);
            AssertionError e = new AssertionError("jbeam-suite: the process " + pid + " running " + what
                    + " ended before the test returned, reason: " + reason);
            if (reason instanceof Throwable) {
                e.initCause((Throwable) reason);
            }
            throw e;
        }
        SuiteStats.bodyEnded(body, WovenCode.isWovenRunnable(body), what);
        Throwable failure = body.failure();
        if (failure != null) {
            throw failure;
        }
        return body.result();
    }
}
