package io.jbeam.signals;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Polls a condition under a bound. */
final class SpawnWait {
    private SpawnWait() {
    }

    static void until(BooleanSupplier condition) {
        long end = System.nanoTime() + Await.BOUND_MS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) fail("condition not reached within " + Await.BOUND_MS + " ms");
            Thread.yield();
        }
    }
}
