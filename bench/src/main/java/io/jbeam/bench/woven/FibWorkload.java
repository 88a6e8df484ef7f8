package io.jbeam.bench.woven;


/** Naive recursive Fibonacci: a call per step and nothing else, so every call pays the whole yield-point cost. */
public final class FibWorkload implements Task {
    private final int n;

    public FibWorkload(int n) {
        this.n = n;
    }

    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    @Override
    public Object run() {
        return fib(n);
    }
}
