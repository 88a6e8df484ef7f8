package io.jbeam.shapes;

import java.util.ArrayList;
import java.util.List;

/**
 * Suspensions inside try/catch/finally: a suspension never runs a handler; an exception thrown after a resume
 * reaches the right handler; finally runs exactly once.
 */
public class TryCatchFinally implements Shape {
    private final List<String> log = new ArrayList<>();
    private int finallies;
    private int catches;

    @Override
    public Object call() {
        try {
            log.add("a" + Y.i(1));
            try {
                log.add("b" + Y.i(2));
                throwAfterResume(Y.i(3));
            } catch (IllegalArgumentException e) {
                catches++;
                log.add("inner-catch:" + e.getMessage() + Y.i(4));
            } finally {
                finallies++;
                log.add("inner-finally" + Y.i(5));
            }
            try {
                log.add("c" + Y.i(6));
                deep(5);
            } catch (IllegalStateException e) {
                catches++;
                log.add("deep-catch:" + e.getMessage());
            } catch (RuntimeException e) {
                log.add("WRONG HANDLER");
            }
            try (AutoCloseable r = () -> log.add("closed" + Y.i(7))) {
                log.add("twr" + Y.i(8));
            }
            log.add("loop" + loopWithTry());
        } catch (Exception e) {
            log.add("outer:" + e);
        } finally {
            finallies++;
            log.add("outer-finally" + Y.i(9));
        }
        return log + " catches=" + catches + " finallies=" + finallies;
    }

    private static void throwAfterResume(int v) {
        int w = Y.i(v);
        if (w == 3) {
            throw new IllegalArgumentException("iae" + Y.i(w));
        }
    }

    private static int deep(int depth) {
        if (depth == 0) {
            Y.i(0);
            throw new IllegalStateException("ise");
        }
        return deep(depth - 1) + Y.i(depth);
    }

    private int loopWithTry() {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            try {
                sum += Y.i(i);
                if (i % 3 == 0) throw new RuntimeException("x");
            } catch (RuntimeException e) {
                sum += 100;
            } finally {
                sum += 1000;
            }
        }
        return sum;
    }
}
