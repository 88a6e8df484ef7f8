package io.jbeam.bench.savina;

/**
 * The colours of the chameneos (0, 1, 2: red, yellow, blue) and the rule of a meeting: two of one colour keep it,
 * two of different colours both take the third.
 */
public final class ChameneosColours {
    /** How many colours there are; chameneos {@code i} starts with colour {@code i % COUNT}. */
    public static final int COUNT = 3;

    private ChameneosColours() {
    }

    /** The colour both take when colour {@code a} meets colour {@code b}. */
    public static int complement(int a, int b) {
        return a == b ? a : 3 - a - b;
    }
}
