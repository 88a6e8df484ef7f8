package io.jbeam.bench.report;

import java.util.Locale;

/**
 * Converts scores between JMH's units: time per operation ({@code ns/op}, {@code ms/op}, ...) and operations per
 * time ({@code ops/ms}, ...). An Erlang peer states its unit on its RESULT line; a table shows every score in the
 * unit of its JMH results.
 */
final class Units {
    private Units() {
    }

    /**
     * The factor that turns a score in {@code from} into one in {@code to}, or NaN when one cannot be turned into
     * the other (time per operation against operations per time, or an unknown unit).
     */
    static double factor(String from, String to) {
        if (from.equals(to)) {
            return 1;
        }
        String[] f = from.split("/");
        String[] t = to.split("/");
        if (f.length != 2 || t.length != 2) {
            return Double.NaN;
        }
        if (f[1].equals("op") && t[1].equals("op")) {
            return seconds(f[0]) / seconds(t[0]);
        }
        if (f[0].equals("ops") && t[0].equals("ops")) {
            return seconds(t[1]) / seconds(f[1]);
        }
        return Double.NaN;
    }

    /** True when a lower score is better (time per operation), false for throughput units. */
    static boolean lowerIsBetter(String unit) {
        return !unit.startsWith("ops/");
    }

    /** What a score of this unit measures, in words, for table captions. */
    static String describe(String unit) {
        String[] u = unit.replace("us/", "µs/").split("/");
        if (u.length == 2 && u[1].equals("op")) {
            return u[0] + " per operation";
        }
        if (u.length == 2 && u[0].equals("ops")) {
            return "operations per " + u[1];
        }
        return unit;
    }

    private static double seconds(String unit) {
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "ns": return 1e-9;
            case "us":
            case "µs": return 1e-6;
            case "ms": return 1e-3;
            case "s": return 1;
            case "min": return 60;
            default: return Double.NaN;
        }
    }
}
