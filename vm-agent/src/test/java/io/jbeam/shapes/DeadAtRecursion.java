package io.jbeam.shapes;

/**
 * Recursion whose parameter is live at the method's entry and dead at its recursive call: the frames below a
 * suspension save their pc and nothing else.
 */
public class DeadAtRecursion implements Shape {
    public static final int DEPTH = 40;

    @Override
    public Object call() {
        return down(DEPTH);
    }

    static int down(int d) {
        if (d == 0) {
            return Y.i(7);
        }
        return down(d - 1);
    }
}
