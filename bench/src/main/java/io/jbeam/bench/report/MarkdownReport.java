package io.jbeam.bench.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code BENCHMARKS.md} and its charts ({@value #CHARTS}, relative to the same directory) from one results
 * directory: the run and the machine, a ratio table per benchmark class and JDK, the scaling charts, the fairness
 * probe with its latency chart, and the idle-process figures. Sections without results are left out.
 */
final class MarkdownReport {
    static final String FILE = "BENCHMARKS.md";
    static final String CHARTS = "docs/bench";

    private final Results results;
    private final Path dir;
    private final List<Path> charts = new ArrayList<>();
    private final StringBuilder md = new StringBuilder();

    private MarkdownReport(Results results, Path dir) {
        this.results = results;
        this.dir = dir;
    }

    /** Writes the report into {@code dir}; returns the files written, the Markdown first. */
    static List<Path> write(Results results, Path dir) throws IOException {
        MarkdownReport r = new MarkdownReport(results, dir);
        r.clearOldCharts();
        r.build();
        Path file = dir.resolve(FILE);
        Files.createDirectories(dir);
        Files.writeString(file, r.md.toString());
        List<Path> written = new ArrayList<>();
        written.add(file);
        written.addAll(r.charts);
        return written;
    }

    private void build() throws IOException {
        List<RatioTable> tables = results.tables();
        Map<String, String> info = results.runInfo;
        md.append("# jbeam benchmarks\n\n");
        md.append("Written by `bench/run-bench` from the results of one run. Every comparison is a ratio between two"
                + " implementations measured in that run on the same machine; absolute figures vary from machine to"
                + " machine. What each benchmark does: [bench/README.md](bench/README.md).\n\n");
        header(info);
        contents(tables);
        if (!tables.isEmpty()) {
            md.append("## Benchmarks\n\n");
            md.append("Columns: each implementation's score, then jbeam / peer for each peer (`plain` is the same code"
                    + " unwoven: its ratio is the weaving overhead). The implementations: `jbeam` and its variants run"
                    + " as jbeam processes or woven code; `virtualThreads` uses a virtual thread per process; `pekko`"
                    + " Apache Pekko classic actors; `jdkContinuation` the JDK's internal continuation; `erlang` the same"
                    + " program on Erlang/OTP, timed by itself.\n\n");
            for (RatioTable t : tables) {
                table(t);
            }
        }
        fairness();
        idle();
        if (!results.unreadable.isEmpty()) {
            md.append("## Not read\n\n");
            for (String u : results.unreadable) {
                md.append("- ").append(u.replace("|", "\\|")).append('\n');
            }
            md.append('\n');
        }
    }

    private void header(Map<String, String> info) {
        Table run = new Table(List.of("run", ""), false);
        run.add(List.of("date", info.getOrDefault("date", "-")));
        run.add(List.of("commit", info.getOrDefault("commit", "-")));
        run.add(List.of("mode", info.getOrDefault("mode", "-")
                + (info.containsKey("settings") ? " (" + info.get("settings") + ")" : "")));
        run.add(List.of("machine", machine(info)));
        run.add(List.of("load average", load(info)));
        StringBuilder jdks = new StringBuilder();
        for (Jvm j : results.jvms) {
            jdks.append(jdks.length() == 0 ? "" : "<br>").append(j.describe());
        }
        run.add(List.of("JDKs (JMH)", jdks.length() == 0 ? "-" : jdks.toString()));
        run.add(List.of("Erlang/OTP", info.getOrDefault("erlang", "-")));
        run.add(List.of("Apache Pekko", pekkoVersion()));
        run.add(List.of("reproduce", "`" + info.getOrDefault("command", "bench/run-bench") + "`"));
        md.append(run.markdown()).append('\n');
        String warning = loadWarning(info);
        if (!warning.isEmpty()) {
            md.append(warning).append("\n\n");
        }
    }

    private static String machine(Map<String, String> info) {
        List<String> parts = new ArrayList<>();
        if (info.containsKey("cores")) {
            parts.add(info.get("cores") + " cores");
        }
        if (info.containsKey("cpu")) {
            parts.add(info.get("cpu"));
        }
        if (info.containsKey("memory")) {
            parts.add(info.get("memory") + " memory");
        }
        if (info.containsKey("os")) {
            parts.add(info.get("os"));
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static String load(Map<String, String> info) {
        String start = info.getOrDefault("load-start", "-");
        String end = info.getOrDefault("load-end", "-");
        return start + " at the start, " + end + " at the end (1, 5, 15 minutes)";
    }

    /**
     * A sentence when the 1-minute load average before the run exceeded the cores: other work then shared the
     * machine, and the ratios are to be read loosely. The load at the end is shown but not judged: the run's own
     * threads make it (a benchmark keeping two schedulers busy holds it near 2).
     */
    private static String loadWarning(Map<String, String> info) {
        try {
            int cores = Integer.parseInt(info.getOrDefault("cores", "0").trim());
            String v = info.get("load-start");
            if (v == null || v.isBlank()) {
                return "";
            }
            double start = Double.parseDouble(v.trim().split("\\s+")[0]);
            if (cores > 0 && start > cores) {
                return String.format(Locale.ROOT, "The machine was shared: a load average of %.1f on %d cores before"
                        + " the run. Read the ratios to a factor of about 1.5, and the maxima as orders of magnitude.",
                        start, cores);
            }
        } catch (NumberFormatException e) {
            // no warning without figures
        }
        return "";
    }

    /** Pekko's version from its own {@code Version} class on the class path, which is the one the run used. */
    private static String pekkoVersion() {
        try {
            return String.valueOf(Class.forName("org.apache.pekko.Version").getMethod("current").invoke(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return "-";
        }
    }

    private void contents(List<RatioTable> tables) {
        md.append("Contents:");
        String sep = " ";
        for (RatioTable t : tables) {
            md.append(sep).append(link(t.title()));
            sep = " · ";
        }
        if (!results.fairness.isEmpty()) {
            md.append(sep).append(link("Fairness"));
            sep = " · ";
        }
        if (!results.idle.isEmpty()) {
            md.append(sep).append(link("Idle processes"));
        }
        md.append("\n\n");
    }

    private void table(RatioTable t) throws IOException {
        md.append("### ").append(t.title()).append("\n\n");
        md.append(t.caption()).append("\n\n");
        md.append(t.table().markdown()).append('\n');
        LineChart chart = Charts.scaling(t);
        if (chart != null) {
            String name = "scaling-" + slug(t.title()) + ".png";
            image(chart, name, t.title() + " by process count");
        }
    }

    private void fairness() throws IOException {
        List<FairnessRun> runs = results.fairness;
        if (runs.isEmpty()) {
            return;
        }
        md.append("## Fairness\n\n");
        md.append("An echo process and a driver making round trips to it, one at a time, while CPU-bound spinners"
                + " (a loop with no calls) hold every scheduler: the first round trip is timed from the moment the"
                + " driver is told to start. Without preemption the driver waits for the spinners to end.");
        FairnessRun first = runs.get(0);
        md.append(String.format(Locale.ROOT, " %d timed round trips, %d spinners.%n%n", first.pings(), first.spinners()));
        Table t = fairnessTable(runs);
        md.append(t.markdown()).append('\n');
        LineChart chart = Charts.fairness(runs);
        if (chart != null) {
            image(chart, "fairness-latency.png", "Fairness: round trip by percentile");
            md.append("Every round trip, sorted: the line of an implementation rises to its slowest at the right end;"
                    + " the percentile axis spreads the tail (0%, 90%, 99%, 99.9% equally far apart).\n\n");
        }
    }

    /** p50, p99, max per run, and p99 and max against the first jbeam run. */
    static Table fairnessTable(List<FairnessRun> runs) {
        FairnessRun base = runs.stream().filter(r -> r.label().startsWith("jbeam")).findFirst().orElse(runs.get(0));
        Table t = new Table(List.of("", "p50", "p99", "max", "answered while spinners ran",
                "p99 / " + base.label(), "max / " + base.label()));
        for (FairnessRun r : runs) {
            t.add(List.of(r.label(), Format.micros(r.p50Us()), Format.micros(r.p99Us()), Format.micros(r.maxUs()),
                    r.during() + " of " + r.pings(), Format.ratio(r.p99Us() / base.p99Us()),
                    Format.ratio(r.maxUs() / base.maxUs())));
        }
        return t;
    }

    private void idle() {
        if (results.idle.isEmpty()) {
            return;
        }
        md.append("## Idle processes\n\n");
        md.append("Processes spawned and left blocked in `receive`: heap retained per process after full collections"
                + " (goal: under 1 KB; the BEAM's is about 2.6 KB), the JVM's threads with all of them alive, and"
                + " spawn plus first slice per process. Spawn and exit against virtual threads: `SpawnBenchmark`.\n\n");
        Table t = new Table(List.of("", "processes", "bytes per process", "JVM threads", "spawn + first slice"));
        for (IdleProcesses m : results.idle) {
            t.add(List.of(m.jdk().isEmpty() ? "jbeam" : "jbeam (JDK " + m.jdk() + ")",
                    String.format(Locale.ROOT, "%,d", m.processes()), Format.number(m.bytesPerProcess()),
                    String.valueOf(m.threads()), Format.number(m.spawnNanos()) + " ns"));
        }
        md.append(t.markdown()).append('\n');
    }

    private void image(LineChart chart, String name, String alt) throws IOException {
        Path file = dir.resolve(CHARTS).resolve(name);
        chart.write(file);
        charts.add(file);
        md.append("![").append(alt).append("](").append(CHARTS).append('/').append(name).append(")\n\n");
    }

    /** Removes the charts an earlier report left, so none outlives the results it was drawn from. */
    private void clearOldCharts() throws IOException {
        Path d = dir.resolve(CHARTS);
        if (!Files.isDirectory(d)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d, "{fairness-latency,scaling-*}.png")) {
            for (Path p : s) {
                Files.delete(p);
            }
        }
    }

    /** A Markdown link to a heading, with GitHub's anchor for it. */
    static String link(String heading) {
        return "[" + heading + "](#" + anchor(heading) + ")";
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        StringBuilder sb = new StringBuilder();
        for (char c : heading.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('-');
            }
        }
        return sb.toString();
    }

    private static String slug(String title) {
        return anchor(title.replace('.', '-'));
    }
}
