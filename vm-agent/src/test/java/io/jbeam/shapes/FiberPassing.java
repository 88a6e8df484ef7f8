package io.jbeam.shapes;

import java.util.Arrays;

/**
 * Calls bound at weave time to capturable methods of this class (static, private, final, varargs), which go to the
 * callees' fiber-passing copies, suspending inside them; and an exception thrown through copies, whose stack trace
 * must read as it does unwoven. Serializable without a declared serialVersionUID: weaving must not change it.
 */
public class FiberPassing implements Shape, java.io.Serializable {
    private final int base = 7;

    @Override
    public Object call() {
        StringBuilder out = new StringBuilder();
        out.append(wide(3L, 2.5, 4)).append('/');
        out.append(locals(12)).append('/');
        out.append(finalSum(5)).append('/');
        out.append(varargs(1, 2, 3)).append('/');
        try {
            thrower(3);
        } catch (IllegalStateException e) {
            out.append(traceOf(e));
        }
        return out.toString();
    }

    /** Wide parameters before the passed fiber and mask, and locals after them, which move up by two slots. */
    static double wide(long a, double b, int n) {
        long acc = a;
        double d = b;
        for (int i = 0; i < n; i++) {
            acc += Y.l(i);
            d *= 1.5;
        }
        return n == 0 ? acc + d : wide(acc, d, n - 1) + Y.d(d);
    }

    /** Locals of every kind after the parameters, one of them incremented in place ({@code iinc}). */
    private long locals(int n) {
        int k = n;
        long l = n * 3L;
        String s = "x" + n;
        int[] arr = {1, n};
        k++;
        if (n == 0) {
            return Y.i(k) + l + s.length() + arr[1];
        }
        long below = locals(n - 1);
        k += 2;
        return below + k + Y.l(l) + s.length() + arr[1] + base;
    }

    /** Called with {@code invokevirtual}; final, so bound to this method. */
    final int finalSum(int n) {
        return n == 0 ? Y.i(0) : n + finalSum(n - 1);
    }

    private static int varargs(int... xs) {
        int s = 0;
        for (int x : xs) {
            s += Y.i(x);
        }
        return xs.length > 1 ? s + varargs(Arrays.copyOf(xs, xs.length - 1)) : s;
    }

    private void thrower(int n) {
        if (n == 0) {
            Y.i(0);
            throw new IllegalStateException("bottom");
        }
        thrower(n - 1);
    }

    /** The methods of this class, with their lines, on the stack where {@code e} was made, innermost first. */
    private static String traceOf(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (StackTraceElement el : e.getStackTrace()) {
            if (el.getClassName().equals(FiberPassing.class.getName())) {
                b.append(el.getMethodName()).append(':').append(el.getLineNumber()).append(',');
            }
        }
        return b.toString();
    }
}
