package io.jbeam.shapes;

import io.jbeam.scheduler.Coroutine;
import io.jbeam.scheduler.Fiber;

/** Yielding helpers: each call suspends (when woven and capturable) and returns its argument. */
public final class Y {
    private Y() {
    }

    public static int i(int v) {
        Coroutine.yieldNow();
        return v;
    }

    public static long l(long v) {
        Coroutine.yieldNow();
        return v;
    }

    public static double d(double v) {
        Coroutine.yieldNow();
        return v;
    }

    public static float f(float v) {
        Coroutine.yieldNow();
        return v;
    }

    public static <T> T r(T v) {
        Coroutine.yieldNow();
        return v;
    }

    public static boolean z(boolean v) {
        Coroutine.yieldNow();
        return v;
    }

    /**
     * Suspensions counted by {@link #inside}: a shape that expects code to run pinned resets it, calls that code, and
     * reports it (0 when nothing suspended there).
     */
    public static long suspendedInside;

    /** As {@link #i}, counting in {@link #suspendedInside} whether it really suspended. */
    public static int inside(int v) {
        long before = Fiber.current().suspensions();
        int r = i(v);
        suspendedInside += Fiber.current().suspensions() - before;
        return r;
    }

    /** Suspensions of the running fiber so far. */
    public static long suspensions() {
        return Fiber.current().suspensions();
    }
}
