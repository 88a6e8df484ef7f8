package io.jbeam.suite;

import io.jbeam.Erlang;
import io.jbeam.scheduler.WovenCode;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one {@link TestBody} as a jbeam process and waits, in {@code receive}, until its done message arrives. The
 * JUnit thread is a plain thread: its first built-in call gives it a process identity, and its receive blocks it.
 */
final class ProcessRun {
    /** How long one test body may run before the waiting thread gives up on it. */
    static final long BODY_TIMEOUT_MILLIS = Long.getLong("jbeam.suite.bodyTimeoutMillis", 300_000L);
    /** How often the waiter checks that the process is still alive (it could die without reaching its end). */
    private static final long LIVENESS_CHECK_MILLIS = 1_000L;

    private static final AtomicLong NEXT_TOKEN = new AtomicLong();

    private ProcessRun() {
    }

    /** Spawns {@code body}, waits for it to end, rethrows what the test threw, or returns what it returned. */
    static Object run(TestBody body, String what) throws Throwable {
        Long token = NEXT_TOKEN.incrementAndGet();
        body.waitedBy(Erlang.self(), token);
        Pid pid = Erlang.spawn(body);
        long deadline = System.nanoTime() + BODY_TIMEOUT_MILLIS * 1_000_000L;
        while (true) {
            Object done = Erlang.receive(m -> isDone(m, token), LIVENESS_CHECK_MILLIS);
            if (done != null) {
                break;
            }
            if (!Erlang.isProcessAlive(pid) && Erlang.receive(m -> isDone(m, token), 0) == null) {
                throw new AssertionError("jbeam-suite: the process " + pid + " running " + what
                        + " ended before the test returned");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("jbeam-suite: the process " + pid + " running " + what
                        + " did not end within " + BODY_TIMEOUT_MILLIS + " ms");
            }
        }
        SuiteStats.bodyEnded(body, WovenCode.isWovenRunnable(body), what);
        Throwable failure = body.failure();
        if (failure != null) {
            throw failure;
        }
        return body.result();
    }

    private static boolean isDone(Object message, Long token) {
        return Tuple.isTagged(message, TestBody.DONE, 2) && token.equals(((Tuple) message).get(1));
    }
}
