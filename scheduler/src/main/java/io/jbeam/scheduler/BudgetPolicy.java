package io.jbeam.scheduler;

import java.util.SplittableRandom;

/**
 * How many reductions a slice gets. The default is a fixed budget (BEAM's CONTEXT_REDS is 4000). Under chaos, each
 * slice gets a random budget drawn so that every yield point yields with probability {@code p}: the slice length is
 * geometric with mean {@code 1/p}. Deterministic for a given seed and sequence of slices.
 */
public abstract class BudgetPolicy {
    /** The default slice, as BEAM's CONTEXT_REDS. */
    public static final int DEFAULT_REDUCTIONS = 4000;

    /** The default loop chunk: back-edges a woven loop counts in a local between charges to the fiber. */
    public static final int LOOP_CHUNK = 64;

    public abstract int nextSlice();

    /**
     * How many back-edges a woven loop counts before charging them (see {@code Fiber.loopChunk}): at most
     * {@link #LOOP_CHUNK}, never more than a slice.
     */
    public abstract int loopChunk();

    /**
     * Whether a process whose budget ran out suspends even when nothing else would run before it. A fixed slice
     * goes on instead (see {@code Fiber.budgetExhausted}); chaos always suspends, since suspending is what it tests.
     */
    public abstract boolean suspendsWhenAlone();

    /** A shared fixed policy. */
    public static BudgetPolicy fixed(int reductions) {
        if (reductions < 1) {
            throw new IllegalArgumentException("reductions must be at least 1: " + reductions);
        }
        return new Fixed(reductions);
    }

    /** A policy for one fiber: yield with probability p at each yield point, draws from its own stream. */
    public static BudgetPolicy chaos(double p, long seed) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("chaos probability must be in (0, 1]: " + p);
        }
        return new Chaos(p, seed);
    }

    private static final class Fixed extends BudgetPolicy {
        private final int reductions;

        Fixed(int reductions) {
            this.reductions = reductions;
        }

        @Override
        public int nextSlice() {
            return reductions;
        }

        @Override
        public int loopChunk() {
            return Math.min(LOOP_CHUNK, reductions);
        }

        @Override
        public boolean suspendsWhenAlone() {
            return false;
        }
    }

    private static final class Chaos extends BudgetPolicy {
        private final double logKeep;
        private final SplittableRandom random;

        Chaos(double p, long seed) {
            this.logKeep = p >= 1 ? Double.NEGATIVE_INFINITY : Math.log1p(-p);
            this.random = new SplittableRandom(seed);
        }

        /** Every back-edge draws its own chance to yield. */
        @Override
        public int loopChunk() {
            return 1;
        }

        @Override
        public boolean suspendsWhenAlone() {
            return true;
        }

        @Override
        public int nextSlice() {
            if (logKeep == Double.NEGATIVE_INFINITY) {
                return 1;
            }
            // Inverse transform of the geometric distribution: the number of trials up to the first success.
            double u = random.nextDouble();
            double n = Math.floor(Math.log1p(-u) / logKeep) + 1;
            return n >= Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(1, (int) n);
        }
    }
}
