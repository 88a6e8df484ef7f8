package io.jbeam.shapes;

/** Values left on the operand stack below a call's arguments: int, long, double, float and references. */
public class StackBelow implements Shape {
    private int field = 7;

    @Override
    public Object call() {
        int a = 3;
        long b = 5_000_000_000L;
        double c = 2.5;
        String s = "s";
        int r1 = a + Y.i(4) * (a - Y.i(1));
        long r2 = b + Y.l(b) - Y.i(2);
        double r3 = c * Y.d(c) + Y.f(1.5f);
        String r4 = s + Y.r("x") + Y.i(9) + Y.l(10L) + Y.d(0.5);
        long r5 = mix(a, b, Y.d(c), Y.r(s), Y.l(-1), Y.i(3), Y.f(2f));
        int r6 = field + Y.i(field) + this.field;
        Object[] r7 = {Y.r("a"), Y.i(1), Y.l(2L), Y.d(3.0)};
        return r1 + "|" + r2 + "|" + r3 + "|" + r4 + "|" + r5 + "|" + r6 + "|" + java.util.Arrays.toString(r7);
    }

    private static long mix(int a, long b, double c, String s, long d, int e, float f) {
        return a + b + (long) (c * 10) + s.length() + d + e + (long) f;
    }
}
