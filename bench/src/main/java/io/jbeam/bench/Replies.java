package io.jbeam.bench;

import io.jbeam.Erlang;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * How a messaging benchmark waits for its program's answer and checks it. The wait is bounded, so a lost message
 * fails the fork with a message instead of hanging it until JMH's own timeout; a wrong answer (a token that made
 * the wrong number of passes, a sum that misses a message) fails it too, because its score would be meaningless.
 */
final class Replies {
    /** Far longer than any invocation takes, even a million processes spawned on a loaded machine. */
    static final long TIMEOUT_SECONDS = 120;

    private Replies() {
    }

    /** The next message to the calling jbeam process (or the plain thread's process identity). */
    static Object receive(String what) {
        return arrived(what, Erlang.receive(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
    }

    /** The next element of a peer's reply queue. */
    static Object take(BlockingQueue<Object> box, String what) throws InterruptedException {
        return arrived(what, box.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    /** Returns {@code got}, or throws when it is not {@code expected} (numbers compare by value). */
    static Object expect(String what, Object expected, Object got) {
        boolean same = expected instanceof Number && got instanceof Number
                ? ((Number) expected).longValue() == ((Number) got).longValue()
                : Objects.equals(expected, got);
        if (!same) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + got);
        }
        return got;
    }

    private static Object arrived(String what, Object got) {
        if (got == null) {
            throw new IllegalStateException(what + ": no answer within " + TIMEOUT_SECONDS + " s");
        }
        return got;
    }
}
