package io.jbeam.demo;

import io.jbeam.Erlang;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;

import java.util.Arrays;

/**
 * Part 3: preemption. Busy processes spin in a loop with no calls at all, two per scheduler thread; an echo process
 * must still answer promptly, because the woven loop counts reductions at its back-edge and yields when its budget
 * is spent. Virtual threads are not time-sliced: the same echo would wait for a spinner to finish.
 */
final class Fairness {
    private static final int SPINNERS_PER_SCHEDULER = 2;
    private static final int ECHOES = 2_000;

    /** Read by the spinners at every iteration: plain volatile flag, so the loop has no call in it. */
    private static volatile boolean stop;
    private static volatile long sink;

    private final Report out;

    Fairness(Report out) {
        this.out = out;
    }

    void run() {
        int spinners = SPINNERS_PER_SCHEDULER * Stats.schedulerCount();
        out.title(String.format("%d processes spinning in `while (!stop) x++;` and one echo process", spinners));
        stop = false;
        for (int i = 0; i < spinners; i++) {
            Erlang.spawn(Fairness::spin);
        }
        Pid echo = Erlang.spawn(Fairness::echo);
        Pid self = Erlang.self();
        long[] latencies = new long[ECHOES];
        int answered = 0;
        for (int i = 0; i < ECHOES; i++) {
            long t0 = System.nanoTime();
            Erlang.send(echo, Tuple.of(self, (long) i));
            Object reply = Erlang.receive(10_000);
            if (reply == null) {
                break;
            }
            latencies[i] = System.nanoTime() - t0;
            answered++;
        }
        stop = true;
        Erlang.send(echo, "stop");
        long[] sorted = Arrays.copyOf(latencies, answered);
        Arrays.sort(sorted);
        if (answered == 0) {
            out.line("the echo process never answered: it was starved");
            return;
        }
        out.line("%d of %d echoes answered while the spinners ran; round trip p50 %s, p99 %s, max %s",
                answered, ECHOES, us(sorted[answered / 2]), us(sorted[(int) (answered * 0.99)]),
                us(sorted[answered - 1]));
        out.line("a spinner is preempted after 4000 reductions (loop iterations here), as BEAM does,");
        out.line("so the echo waits at most for the spinners ahead of it in its run queue to spend their slices.");
    }

    private static String us(long nanos) {
        return String.format("%.0f us", nanos / 1e3);
    }

    private static void spin() {
        long x = 0;
        while (!stop) {
            x++;
        }
        sink = x;
    }

    private static void echo() {
        while (true) {
            Object m = Erlang.receive();
            if (!(m instanceof Tuple)) {
                return;
            }
            Tuple t = (Tuple) m;
            Erlang.send((Pid) t.get(0), t.get(1));
        }
    }
}
