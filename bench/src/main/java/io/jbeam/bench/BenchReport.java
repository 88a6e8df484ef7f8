package io.jbeam.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with the given command line (the same options as {@code java -jar benchmarks.jar}) and then prints the
 * ratios this project tracks, computed from the results of this one run: woven / plain per workload and their
 * geometric mean, jbeam coroutine / JDK continuation per stack depth, jbeam spawn / virtual thread start.
 *
 * <p>A score here is the median of the measurement iterations (all forks), with their min-max range, rather than
 * JMH's mean: on a shared machine one disturbed iteration otherwise moves a ratio more than the effect measured.
 */
public final class BenchReport {
    private BenchReport() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions options = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println(report(results));
    }

    static String report(Collection<RunResult> results) {
        // benchmark simple name -> method -> param key -> result
        Map<String, Map<String, Map<String, Score>>> byClass = new LinkedHashMap<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            int dot = full.lastIndexOf('.');
            String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
            String method = full.substring(dot + 1);
            StringBuilder key = new StringBuilder();
            for (String p : r.getParams().getParamsKeys()) {
                key.append(key.length() == 0 ? "" : ",").append(r.getParams().getParam(p));
            }
            byClass.computeIfAbsent(cls, k -> new LinkedHashMap<>())
                    .computeIfAbsent(method, k -> new LinkedHashMap<>())
                    .put(key.toString(), Score.of(r));
        }
        StringBuilder out = new StringBuilder("== jbeam ratios (each from this run; lower is better) ==\n");
        table(out, byClass.get("WeavingOverheadBenchmark"), "workload", "plain",
                new String[] {"woven", "coroutine", "process", "wovenNoHugeLimit"}, "goal: geomean woven/plain < 1.25");
        table(out, byClass.get("YieldResumeBenchmark"), "depth", "jdkContinuation",
                new String[] {"coroutine"}, "one yield + one resume; ratio = jbeam / JDK continuation");
        table(out, byClass.get("SpawnBenchmark"), "", "virtualThreadExit",
                new String[] {"spawnExit", "spawnReply"}, "per process; ratio = jbeam / virtual thread");
        table(out, byClass.get("MessagingBenchmark"), "shape", "virtualThreads",
                new String[] {"jbeam"}, "per message; ratio = jbeam / virtual threads");
        erlang(out, byClass.get("MessagingBenchmark"), System.getProperty("bench.erlang"));
        return out.toString();
    }

    /**
     * The messaging scores beside Erlang's, read from the {@code RESULT messaging shape=S ns_per_msg=X} lines of
     * {@code messaging.escript}'s output in {@code file} (the system property {@code bench.erlang}).
     */
    private static void erlang(StringBuilder out, Map<String, Map<String, Score>> methods, String file) {
        if (methods == null || file == null) {
            return;
        }
        Map<String, Double> beam = new LinkedHashMap<>();
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(file))) {
                if (line.startsWith("RESULT messaging ")) {
                    Map<String, String> kv = new LinkedHashMap<>();
                    for (String f : line.split(" ")) {
                        int eq = f.indexOf('=');
                        if (eq > 0) {
                            kv.put(f.substring(0, eq), f.substring(eq + 1));
                        }
                    }
                    beam.put(kv.get("shape"), Double.parseDouble(kv.get("ns_per_msg")));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            out.append("\n(no Erlang results: ").append(e).append(")\n");
            return;
        }
        out.append("\nper message, against Erlang (messaging.escript, timed by itself, best run)  [ns]\n");
        out.append(String.format(Locale.ROOT, "%-16s%12s%12s%16s%14s%18s%n", "shape", "erlang", "jbeam",
                "virtualThreads", "jbeam/erlang", "vthreads/erlang"));
        for (Map.Entry<String, Double> e : beam.entrySet()) {
            Score j = methods.getOrDefault("jbeam", Map.of()).get(e.getKey());
            Score v = methods.getOrDefault("virtualThreads", Map.of()).get(e.getKey());
            out.append(String.format(Locale.ROOT, "%-16s%12s%12s%16s%14s%18s%n", e.getKey(), format(e.getValue()),
                    j == null ? "-" : format(j.median), v == null ? "-" : format(v.median),
                    j == null ? "-" : String.format(Locale.ROOT, "%.2fx", j.median / e.getValue()),
                    v == null ? "-" : String.format(Locale.ROOT, "%.2fx", v.median / e.getValue())));
        }
    }

    /** Rows are parameter values; a column per method; then each method divided by {@code base}, and a geomean. */
    private static void table(StringBuilder out, Map<String, Map<String, Score>> methods, String rowName,
                              String base, String[] others, String note) {
        if (methods == null) {
            return;
        }
        List<String> cols = new ArrayList<>();
        if (methods.containsKey(base)) {
            cols.add(base);
        }
        for (String o : others) {
            if (methods.containsKey(o)) {
                cols.add(o);
            }
        }
        List<String> rows = new ArrayList<>();
        for (Map<String, Score> m : methods.values()) {
            for (String k : m.keySet()) {
                if (!rows.contains(k)) {
                    rows.add(k);
                }
            }
        }
        String unit = methods.values().iterator().next().values().iterator().next().unit;
        out.append('\n').append(note).append("  [").append(unit).append(", median [min-max] of iterations]\n");
        out.append(String.format(Locale.ROOT, "%-12s", rowName));
        for (String c : cols) {
            out.append(String.format(Locale.ROOT, "%24s", c));
        }
        boolean ratios = methods.containsKey(base);
        if (ratios) {
            for (String c : cols.subList(1, cols.size())) {
                out.append(String.format(Locale.ROOT, "%" + ratioWidth(c, base) + "s", c + "/" + abbreviate(base)));
            }
        }
        out.append('\n');
        double[] logSum = new double[cols.size()];
        int[] logCount = new int[cols.size()];
        for (String row : rows) {
            out.append(String.format(Locale.ROOT, "%-12s", row.isEmpty() ? "(no params)" : row));
            for (String c : cols) {
                Score r = methods.get(c).get(row);
                out.append(String.format(Locale.ROOT, "%24s", r == null ? "-"
                        : format(r.median) + " [" + format(r.min) + "-" + format(r.max) + "]"));
            }
            if (ratios) {
                Score b = methods.get(base).get(row);
                for (int i = 1; i < cols.size(); i++) {
                    Score r = methods.get(cols.get(i)).get(row);
                    int w = ratioWidth(cols.get(i), base);
                    if (b == null || r == null || !(b.median > 0)) {
                        out.append(String.format(Locale.ROOT, "%" + w + "s", "-"));
                    } else {
                        double ratio = r.median / b.median;
                        logSum[i] += Math.log(ratio);
                        logCount[i]++;
                        out.append(String.format(Locale.ROOT, "%" + (w - 1) + ".2fx", ratio));
                    }
                }
            }
            out.append('\n');
        }
        if (ratios && rows.size() > 1) {
            out.append(String.format(Locale.ROOT, "%-12s", "geomean"));
            out.append(" ".repeat(24 * cols.size()));
            for (int i = 1; i < cols.size(); i++) {
                int w = ratioWidth(cols.get(i), base);
                out.append(logCount[i] == 0 ? String.format(Locale.ROOT, "%" + w + "s", "-")
                        : String.format(Locale.ROOT, "%" + (w - 1) + ".2fx", Math.exp(logSum[i] / logCount[i])));
            }
            out.append('\n');
        }
    }

    private static int ratioWidth(String col, String base) {
        return Math.max(10, col.length() + abbreviate(base).length() + 3);
    }

    private static String abbreviate(String base) {
        return base.equals("jdkContinuation") ? "jdk" : base.equals("virtualThreadExit") || base.equals("virtualThreads") ? "vthread" : base;
    }

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The median and range of a benchmark's measurement iterations, over all its forks. */
    private static final class Score {
        final double median;
        final double min;
        final double max;
        final String unit;

        private Score(double median, double min, double max, String unit) {
            this.median = median;
            this.min = min;
            this.max = max;
            this.unit = unit;
        }

        static Score of(RunResult r) {
            List<Double> v = new ArrayList<>();
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    v.add(i.getPrimaryResult().getScore());
                }
            }
            String unit = r.getPrimaryResult().getScoreUnit();
            if (v.isEmpty()) {
                double s = r.getPrimaryResult().getScore();
                return new Score(s, s, s, unit);
            }
            v.sort(null);
            int n = v.size();
            double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
            return new Score(median, v.get(0), v.get(n - 1), unit);
        }
    }
}
