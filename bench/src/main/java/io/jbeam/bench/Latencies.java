package io.jbeam.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Percentiles of the fairness probe's round trips, printed as one {@code RESULT fairness ...} line, and the round
 * trips themselves written to a file for the report's latency chart.
 */
public final class Latencies {
    private Latencies() {
    }

    /**
     * Prints p50, p99 and max (µs) of {@code latencies}, how many round trips ended while the spinners still ran
     * (end before {@code spinEnd}), the wall time from the first ping to the last answer, and the JDK. When
     * {@code file} is not null, writes the round trips there first (ns, one a line, in the order measured) and
     * names it on the RESULT line ({@code latencies=}).
     */
    public static void print(String impl, int spinners, long[] latencies, long[] ends, long spinEnd, long wallNanos,
                             Path file) {
        if (file != null) {
            write(file, latencies);
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        int during = 0;
        for (long e : ends) {
            if (e - spinEnd < 0) {
                during++;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d spinners, %d pings: p50 %.1f us, p99 %.1f us, max %.1f us;"
                        + " %d answered while the spinners ran; %.0f ms for all%n",
                impl, spinners, sorted.length, us(pct(sorted, 50)), us(pct(sorted, 99)), us(sorted[sorted.length - 1]),
                during, wallNanos / 1e6);
        System.out.printf(Locale.ROOT, "RESULT fairness impl=%s spinners=%d pings=%d p50_us=%.1f p99_us=%.1f max_us=%.1f"
                        + " during=%d wall_ms=%.0f jdk=%s%s%n",
                impl, spinners, sorted.length, us(pct(sorted, 50)), us(pct(sorted, 99)), us(sorted[sorted.length - 1]),
                during, wallNanos / 1e6, Runtime.version().toString().split("\\+")[0],
                file == null ? "" : " latencies=" + file.getFileName());
    }

    /** The optional file argument of the fairness programs: {@code args[index]}, or null. */
    public static Path file(String[] args, int index) {
        return args.length > index ? Path.of(args[index]) : null;
    }

    private static void write(Path file, long[] latencies) {
        StringBuilder sb = new StringBuilder(latencies.length * 8);
        for (long l : latencies) {
            sb.append(l).append('\n');
        }
        try {
            Files.writeString(file, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nearest-rank percentile of a sorted array. */
    static long pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double us(long nanos) {
        return nanos / 1e3;
    }
}
