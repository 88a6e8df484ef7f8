package io.jbeam.shapes;

/** Arrays of every kind built and indexed around suspensions; ternaries leaving values on the stack. */
public class ArraysAndTernaries implements Shape {
    @Override
    public Object call() {
        int[] ints = new int[Y.i(4)];
        long[] longs = {Y.l(1), 2, Y.l(3)};
        double[][] grid = new double[Y.i(2)][Y.i(3)];
        String[] strs = {"a", Y.r("b")};
        boolean[] flags = {Y.z(true), false};
        char[] chars = {'x', (char) Y.i('y')};
        byte[] bytes = {(byte) Y.i(7)};
        short[] shorts = {(short) Y.i(8)};
        float[] floats = {Y.f(1.5f)};
        ints[Y.i(1)] = Y.i(10) + ints[Y.i(0)];
        grid[Y.i(1)][Y.i(2)] = Y.d(2.5) * longs[Y.i(2)];
        int t = flags[0] ? Y.i(1) + (flags[1] ? 100 : Y.i(2)) : Y.i(3);
        long u = 5L + (t > 2 ? Y.l(6) : 7L);
        String v = strs[Y.i(1)] + (Y.z(false) ? "yes" : Y.r("no"));
        Object o = t > 0 ? (Object) Y.r("obj") : Integer.valueOf(1);
        return ints[1] + "," + longs[2] + "," + grid[1][2] + "," + t + "," + u + "," + v + "," + o + ","
                + new String(chars) + bytes[0] + shorts[0] + floats[0] + strs.length;
    }
}
