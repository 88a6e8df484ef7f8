package io.jbeam.shapes;

/** A hot loop with no calls at all: preempted at its back-edge only. */
public class LoopNoCalls implements Shape {
    @Override
    public Object call() {
        long sum = 0;
        int i = 0;
        double d = 0;
        while (i < 100_000) {
            sum += (long) i * i;
            d += i * 0.5;
            i++;
        }
        int[] a = new int[1000];
        for (int k = 0; k < a.length; k++) {
            for (int j = 0; j < 10; j++) {
                a[k] += j ^ k;
            }
        }
        int total = 0;
        for (int v : a) total += v;
        return sum + "/" + d + "/" + total;
    }
}
