package io.jbeam.bench.woven;

/**
 * The CPU-bound loop of the fairness probe: an inner loop of arithmetic with no calls (its only yield point, when
 * woven, is the loop header), inside an outer loop that stops when {@link #stop} is set or the deadline has passed.
 * The virtual-thread peer runs the same loop, unwoven ({@code io.jbeam.bench.peer.FairnessVirtualThreads}).
 */
public final class Spin {
    /** Set by the driver's owner once the measurement is over. */
    public static volatile boolean stop;
    /** Keeps the loop's result alive. */
    public static volatile long sink;

    private Spin() {
    }

    public static void spin(long deadlineNanos) {
        long x = 1;
        while (!stop) {
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 31 + i;
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                break;
            }
        }
        sink = x;
    }
}
