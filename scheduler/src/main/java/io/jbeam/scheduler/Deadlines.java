package io.jbeam.scheduler;

/** Deadlines in System.nanoTime() units; {@link ProcessControlBlock#NO_DEADLINE} stands for infinity. */
final class Deadlines {
    /** Beyond this many milliseconds (about 290 years in nanoseconds) a timeout is as good as infinite. */
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000 / 2;

    private Deadlines() {
    }

    static long after(long millis) {
        if (millis >= MAX_MILLIS) {
            return ProcessControlBlock.NO_DEADLINE;
        }
        return System.nanoTime() + millis * 1_000_000;
    }

    static boolean passed(long deadline) {
        return deadline != ProcessControlBlock.NO_DEADLINE && System.nanoTime() - deadline >= 0;
    }
}
