package io.jbeam.bench.woven;

import io.jbeam.scheduler.Coroutine;

/**
 * A coroutine body for the yield/resume benchmark: descends {@code depth} woven frames, yields at the bottom, and
 * climbs back up, {@code rounds} times. One resume of the coroutine is therefore one resume (rewinding all the
 * frames), one descent and one yield (unwinding them again).
 */
public final class YieldChain implements Runnable {
    private final int depth;
    private final long rounds;

    /** {@code rounds} yields, then the body ends (so a probe can tell that it really yielded). */
    public YieldChain(int depth, long rounds) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1: " + depth);
        }
        this.depth = depth;
        this.rounds = rounds;
    }

    @Override
    public void run() {
        for (long i = 0; i < rounds; i++) {
            descend(depth);
        }
    }

    private static void descend(int d) {
        if (d == 1) {
            Coroutine.yieldNow();
        } else {
            descend(d - 1);
        }
    }
}
