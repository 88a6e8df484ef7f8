package io.jbeam.bench.woven;

import io.jbeam.Erlang;
import io.jbeam.term.Pid;
import java.util.concurrent.CountDownLatch;

/** Process bodies for the benchmarks. They live here so that the agent weaves their lambdas. */
public final class Bodies {
    private Bodies() {
    }

    /** Ends at once, counting down {@code done} on the way out: the cheapest process there is. */
    public static Runnable countDown(CountDownLatch done) {
        return () -> done.countDown();
    }

    /** Sends {@code msg} to {@code parent} and ends. */
    public static Runnable reply(Pid parent, Object msg) {
        return () -> Erlang.send(parent, msg);
    }

    /** Tells {@code parent} it is up ({@code ready}), then waits in receive for one message and ends. */
    public static Runnable idle(Pid parent, Object ready) {
        return () -> {
            Erlang.send(parent, ready);
            Erlang.receive();
        };
    }

    /** Runs {@code work} and sends its result to {@code parent}. */
    public static Runnable runAndReply(Pid parent, Task work) {
        return () -> Erlang.send(parent, work.run());
    }

    /** Runs {@code work} and leaves its result in {@code result[0]} (for a bare coroutine). */
    public static Runnable runInto(Task work, Object[] result) {
        return () -> result[0] = work.run();
    }
}
