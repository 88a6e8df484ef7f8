package io.jbeam.bench.savina;

/**
 * The computation each message of the fork-join programs does, as Savina defines it: the square of
 * {@code sin(37.2)}, checked to be positive. The angle is read from a field the JIT cannot treat as a constant and
 * the result is checked, so the work is neither folded nor dropped. Plain code, shared by every implementation.
 */
public final class SavinaWork {
    /** Savina's angle; not final, so that the JIT does not fold {@code sin} of it. */
    private static double theta = 37.2;

    private SavinaWork() {
    }

    /** {@code sin(theta)} squared; throws if it is not positive (it never is: the check keeps the work alive). */
    public static double compute() {
        double s = Math.sin(theta);
        double r = s * s;
        if (r <= 0) {
            throw new IllegalStateException("sin(" + theta + ")^2 = " + r);
        }
        return r;
    }
}
