package io.jbeam.shapes;

import io.jbeam.scheduler.Coroutine;

/**
 * Calls on branches that only build and throw an exception run pinned; calls before an unconditional throw, and
 * a yield on a throw branch, still suspend. Each kind of branch is taken now and then, and its exception caught.
 */
public class ThrowBranches implements Shape {
    private final int max = 40;

    @Override
    public Object call() {
        long sum = 0;
        int caught = 0;
        Y.suspendedInside = 0;
        for (int i = 0; i < 60; i++) {
            try {
                sum += checked(i);              // throws past max, its message built by a woven method
            } catch (IllegalArgumentException e) {
                caught++;
                sum += e.getMessage().length();
            }
            try {
                sum += kind(i % 4);             // a switch whose default throws
            } catch (IllegalStateException e) {
                caught++;
            }
            try {
                crashAfterWork(i);              // works, then throws unconditionally
            } catch (UnsupportedOperationException e) {
                caught++;
                sum += Integer.parseInt(e.getMessage());
            }
            try {
                sum += yieldsBeforeThrowing(i);  // a yield on a throw branch
            } catch (ArithmeticException e) {
                caught++;
            }
        }
        return sum + " caught=" + caught + " suspendedInside=" + Y.suspendedInside;
    }

    /** The 46-byte shape of a bounds check: its message-building calls are cold. */
    public int checked(int n) {
        if (n > max) {
            throw new IllegalArgumentException(describe(n, max));
        }
        return n;
    }

    public static int kind(int k) {
        switch (k) {
            case 0: return 1;
            case 1: return 2;
            case 2: return 4;
            default: throw new IllegalStateException(describe(k, Y.inside(k)));
        }
    }

    /** Not a branch: the work before the throw is this method's whole body, and it suspends. */
    public static void crashAfterWork(int n) {
        int v = Y.i(n) * 2;
        throw new UnsupportedOperationException(Integer.toString(v));
    }

    /** A yield (a runtime leaf) on a throw branch stays a place to suspend. */
    public static int yieldsBeforeThrowing(int n) {
        if (n % 7 == 3) {
            Coroutine.yieldNow();
            throw new ArithmeticException("n=" + n);
        }
        return n;
    }

    static String describe(int n, int limit) {
        return "value " + Y.i(n) + " out of range 0.." + limit;
    }
}
