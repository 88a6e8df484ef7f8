package io.jbeam.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A chart axis: how values map onto it, its range and its labelled ticks. Two kinds are needed: a log scale
 * (latencies, process counts, ns per message span decades) and the percentile scale of a latency plot, which
 * spreads the tail: 0%, 90%, 99%, 99.9% are equally far apart.
 */
final class Axis {
    /** A tick: the value where it stands and its label. */
    record Tick(double value, String label) {
    }

    /** Below this many decades a log axis has ticks at 1, 2 and 5 of each decade, else at each decade. */
    private static final double FINE_DECADES = 2.5;

    private final String title;
    private final boolean percentile;
    private final double lo;
    private final double hi;
    private final DoubleFunction<String> label;

    private Axis(String title, boolean percentile, double lo, double hi, DoubleFunction<String> label) {
        this.title = title;
        this.percentile = percentile;
        this.lo = lo;
        this.hi = hi;
        this.label = label;
    }

    /**
     * A base-10 log axis covering {@code [min, max]} (positive), widened to whole decades when it spans several,
     * else to the 1-2-5 marks around it (the ticks it then has), and at least to half a decade.
     */
    static Axis log(String title, double min, double max, DoubleFunction<String> label) {
        if (!(min > 0) || !(max >= min)) {
            throw new IllegalArgumentException("log axis needs positive values: " + min + ".." + max);
        }
        double lo;
        double hi;
        if (Math.log10(max) - Math.log10(min) >= FINE_DECADES) {
            lo = Math.pow(10, Math.floor(Math.log10(min)));
            hi = Math.pow(10, Math.ceil(Math.log10(max)));
        } else {
            lo = markBelow(min);
            hi = markAbove(max);
            if (hi / lo < 3.16) {
                lo = markBelow(lo * 0.99);
                hi = markAbove(hi * 1.01);
            }
        }
        return new Axis(title, false, lo, hi, label);
    }

    /** The largest 1-2-5 mark at or below {@code v}. */
    private static double markBelow(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (int m : new int[] {5, 2, 1}) {
            if (m * decade <= v * (1 + 1e-9)) {
                return m * decade;
            }
        }
        return decade;
    }

    /** The smallest 1-2-5 mark at or above {@code v}. */
    private static double markAbove(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (int m : new int[] {1, 2, 5, 10}) {
            if (m * decade >= v * (1 - 1e-9)) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    /** A percentile axis from 0 to {@code maxFraction} (below 1): the fraction p stands at -log10(1 - p). */
    static Axis percentile(String title, double maxFraction) {
        return new Axis(title, true, 0, maxFraction, Axis::percentLabel);
    }

    String title() {
        return title;
    }

    /** Where {@code v} falls along the axis, 0 at its start and 1 at its end. */
    double position(double v) {
        double a = transform(lo);
        double b = transform(hi);
        return (transform(v) - a) / (b - a);
    }

    List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        if (percentile) {
            double last = 0;
            for (int d = 0; d <= 9; d++) {
                double p = 1 - Math.pow(10, -d);
                if (p <= hi + 1e-12) {
                    ticks.add(new Tick(p, label.apply(p)));
                    last = p;
                }
            }
            // The line's last point is the slowest round trip: label the end "max" when there is room.
            if (transform(hi) - transform(last) > 0.25) {
                ticks.add(new Tick(hi, "max"));
            }
            return ticks;
        }
        int first = (int) Math.floor(Math.log10(lo) + 1e-9);
        int last = (int) Math.ceil(Math.log10(hi) - 1e-9);
        boolean fine = Math.log10(hi) - Math.log10(lo) < FINE_DECADES;
        for (int d = first; d <= last; d++) {
            for (int m : fine ? new int[] {1, 2, 5} : new int[] {1}) {
                double v = m * Math.pow(10, d);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    ticks.add(new Tick(v, label.apply(v)));
                }
            }
        }
        return ticks;
    }

    private double transform(double v) {
        return percentile ? -Math.log10(Math.max(1e-12, 1 - v)) : Math.log10(v);
    }

    private static String percentLabel(double p) {
        if (p == 0) {
            return "0%";
        }
        String s = Format.number(p * 100);
        if (p >= 0.999) {
            s = String.valueOf(Math.round(p * 1e8) / 1e6);
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        } else if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        return s + "%";
    }
}
