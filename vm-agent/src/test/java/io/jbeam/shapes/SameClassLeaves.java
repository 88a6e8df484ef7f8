package io.jbeam.shapes;

/**
 * Calls bound to methods of this class that are left unwoven (no loop, no call but inert ones): the call sites carry
 * no capture code. A recursive method and an overridable one are still called with it.
 */
public class SameClassLeaves implements Shape {
    private int factor = 3;

    @Override
    public Object call() {
        long sum = 0;
        for (int i = 0; i < 200; i++) {
            sum += decode(i);
        }
        return sum + depth(5);
    }

    public int decode(int n) {
        int acc = 0;
        for (int j = 0; j < 6; j++) {
            acc += clamp(n + j, 150);      // static
            acc += scale(acc & 7);         // private
            acc ^= mix(acc, j);            // final, calls a leaf itself
            try {
                checkBounds(n + j, 203, "n"); // throws a JDK exception with a concatenated message
            } catch (IllegalArgumentException e) {
                acc += 7;
            }
            acc += overridable(j);         // may be overridden: a capturable call
            acc += Y.i(j);                 // suspends
        }
        return acc;
    }

    static int clamp(int v, int limit) {
        return v < limit ? v : limit - 1;
    }

    static void checkBounds(int v, int limit, String name) {
        if (v < 0) {
            throw new IllegalStateException("Corrupted input, " + name + " value negative");
        }
        if (v >= limit) {
            throw new IllegalArgumentException("Corrupted input, " + name + " value too big: " + v);
        }
    }

    private int scale(int x) {
        return x * factor + Math.abs(x - 4);
    }

    final int mix(int a, int b) {
        return clamp(a, 1000) ^ (b << 2);
    }

    public int overridable(int x) {
        return x + 1;
    }

    /** Recursive with no loop: a call to itself, never inert. */
    static int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }
}
