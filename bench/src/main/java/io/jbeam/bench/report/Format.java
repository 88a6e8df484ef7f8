package io.jbeam.bench.report;

import java.util.Locale;

/** How figures are written in the report and on the console: about three significant digits. */
final class Format {
    private Format() {
    }

    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.01 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.2g", v);
    }

    /** A ratio, such as {@code 0.30x} or {@code 45x}. */
    static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "-";
        }
        if (r >= 100) {
            return String.format(Locale.ROOT, "%,.0fx", r);
        }
        if (r >= 10) {
            return String.format(Locale.ROOT, "%.1fx", r);
        }
        if (r >= 0.1) {
            return String.format(Locale.ROOT, "%.2fx", r);
        }
        return String.format(Locale.ROOT, "%.2gx", r);
    }

    /** A score with its range: {@code 113 (105-130)}; a best-of-runs score alone. */
    static String score(Score s) {
        if (s.best() || s.count() < 2 || s.min() == s.max()) {
            return number(s.median());
        }
        return number(s.median()) + " (" + number(s.min()) + "–" + number(s.max()) + ")";
    }

    /** A duration given in microseconds, in the unit that suits it: {@code 850 µs}, {@code 2.80 s}. */
    static String micros(double us) {
        if (us >= 1e6) {
            return number(us / 1e6) + " s";
        }
        if (us >= 1e3) {
            return number(us / 1e3) + " ms";
        }
        return number(us) + " µs";
    }

    /** A round figure for an axis tick, without trailing zeros: {@code 1}, {@code 2.5}, {@code 1,000}. */
    static String tick(double v) {
        String s = number(v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** {@link #micros} for an axis tick: {@code 1 µs}, {@code 10 ms}, {@code 1 s}. */
    static String microsTick(double us) {
        if (us >= 1e6) {
            return tick(us / 1e6) + " s";
        }
        if (us >= 1e3) {
            return tick(us / 1e3) + " ms";
        }
        return tick(us) + " µs";
    }
}
