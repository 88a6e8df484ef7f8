package io.jbeam.shapes;

/** Deep recursion (150 frames) suspended at the bottom and on the way up. */
public class Recursion implements Shape {
    @Override
    public Object call() {
        return fib(15) + "/" + sum(150, 0L) + "/" + depth(150, 0.5);
    }

    private int fib(int n) {
        return n < 2 ? Y.i(n) : fib(n - 1) + fib(n - 2);
    }

    private static long sum(int n, long acc) {
        if (n == 0) {
            return Y.l(acc);
        }
        return sum(n - 1, acc + n) + (n % 10 == 0 ? Y.i(1) : 0);
    }

    private static double depth(int n, double x) {
        if (n == 0) return Y.d(x);
        double below = depth(n - 1, x * 1.01);
        return below + x;
    }
}
