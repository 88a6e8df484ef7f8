package io.jbeam.shapes;

/** Locals that are dead at a call that may suspend: the capture does not save them. */
public class DeadLocals implements Shape {
    @Override
    public Object call() {
        long sum = 0;
        for (int i = 0; i < 300; i++) {
            sum += deadAtCall(i);
        }
        return sum;
    }

    public static int deadAtCall(int n) {
        int dead = n * 3;
        long deadLong = n + 11L;
        int r = dead + (int) deadLong; // last reads of both
        int s = step(r);
        return s + n;
    }

    static int step(int x) {
        for (int i = 0; i < 5; i++) {
            x += i;
        }
        return x;
    }
}
