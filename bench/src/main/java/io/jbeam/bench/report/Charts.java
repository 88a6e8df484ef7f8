package io.jbeam.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The report's charts, built from the results: the fairness latency percentiles and scaling by process count. */
final class Charts {
    /** The {@code @Param} whose values are process counts: a class with it gets a scaling chart. */
    static final String PROCESSES = "processes";

    private Charts() {
    }

    /**
     * Round-trip latency by percentile, one line per fairness run that wrote its latencies, or null if none did.
     * Log latency axis; the percentile axis spreads the tail, where preemption shows.
     */
    static LineChart fairness(List<FairnessRun> runs) {
        List<LineChart.Series> series = new ArrayList<>();
        double lo = Double.MAX_VALUE;
        double hi = 0;
        double maxFraction = 0;
        for (FairnessRun r : runs) {
            long[] sorted = r.latenciesNanos().clone();
            if (sorted.length < 2) {
                continue;
            }
            Arrays.sort(sorted);
            double[] x = new double[sorted.length];
            double[] y = new double[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                x[i] = i / (double) sorted.length;
                y[i] = Math.max(0.01, sorted[i] / 1e3);
                lo = Math.min(lo, y[i]);
                hi = Math.max(hi, y[i]);
            }
            maxFraction = Math.max(maxFraction, x[x.length - 1]);
            series.add(new LineChart.Series(r.label(), x, y));
        }
        if (series.isEmpty()) {
            return null;
        }
        LineChart chart = new LineChart("Fairness: echo round trips while CPU-bound spinners run",
                Axis.percentile("percentile of round trips", maxFraction),
                Axis.log("round trip (log scale)", lo, hi, Format::microsTick));
        series.forEach(chart::add);
        return chart;
    }

    /**
     * Score by process count for a table with a numeric {@value #PROCESSES} parameter taking two values or more,
     * one line per implementation (and per combination of the other parameters), or null when it has none.
     */
    static LineChart scaling(RatioTable t) {
        int at = t.paramNames().indexOf(PROCESSES);
        if (at < 0) {
            return null;
        }
        // series name -> processes -> score
        Map<String, TreeMap<Double, Double>> lines = new LinkedHashMap<>();
        boolean severalOthers = false;
        String firstOthers = null;
        for (String row : t.rows()) {
            String[] values = row.split(",", -1);
            if (values.length != t.paramNames().size()) {
                continue;
            }
            double n;
            try {
                n = Double.parseDouble(values[at]);
            } catch (NumberFormatException e) {
                return null;
            }
            List<String> others = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                if (i != at) {
                    others.add(t.paramNames().get(i) + "=" + values[i]);
                }
            }
            String o = String.join(", ", others);
            if (firstOthers == null) {
                firstOthers = o;
            } else if (!firstOthers.equals(o)) {
                severalOthers = true;
            }
            for (String impl : t.impls()) {
                Score s = t.score(impl, row);
                if (s != null && s.median() > 0) {
                    lines.computeIfAbsent(impl + "\u0000" + o, k -> new TreeMap<>()).put(n, s.median());
                }
            }
        }
        double xlo = Double.MAX_VALUE;
        double xhi = 0;
        double ylo = Double.MAX_VALUE;
        double yhi = 0;
        List<LineChart.Series> series = new ArrayList<>();
        // An implementation's lines follow one another: its first solid, the others (other parameters) dashed.
        List<Map.Entry<String, TreeMap<Double, Double>>> ordered = new ArrayList<>(lines.entrySet());
        List<String> implOrder = new ArrayList<>(t.impls());
        ordered.sort(Comparator.comparingInt(e -> implOrder.indexOf(e.getKey().split("\u0000", -1)[0])));
        String previousImpl = null;
        for (Map.Entry<String, TreeMap<Double, Double>> e : ordered) {
            String[] key = e.getKey().split("\u0000", -1);
            String name = Implementations.displayName(key[0]) + (severalOthers ? " (" + key[1] + ")" : "");
            boolean dashed = key[0].equals(previousImpl);
            previousImpl = key[0];
            double[] x = e.getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] y = e.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
            for (int i = 0; i < x.length; i++) {
                xlo = Math.min(xlo, x[i]);
                xhi = Math.max(xhi, x[i]);
                ylo = Math.min(ylo, y[i]);
                yhi = Math.max(yhi, y[i]);
            }
            series.add(new LineChart.Series(name, x, y, dashed));
        }
        if (series.isEmpty() || !(xhi > xlo) || !(xlo > 0)) {
            return null;
        }
        LineChart chart = new LineChart(t.title() + ": " + Units.describe(t.unit()) + " by process count",
                Axis.log("processes (log scale)", xlo, xhi, Charts::count),
                Axis.log(Units.describe(t.unit()) + " (log scale)", ylo, yhi, Format::tick));
        series.forEach(chart::add);
        return chart;
    }

    /** A count for an axis: 10, 100, 1k, 10k, 1M. */
    static String count(double v) {
        if (v >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (v >= 1e3) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
