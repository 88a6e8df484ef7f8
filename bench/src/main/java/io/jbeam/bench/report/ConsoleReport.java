package io.jbeam.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

/**
 * The ratio tables of one JMH run, as text for the console: the same tables as the report's, from the run's
 * results in memory, with the Erlang peers' RESULT lines of the given text files for the classes the run has.
 */
public final class ConsoleReport {
    private ConsoleReport() {
    }

    /**
     * @param runs what JMH returned
     * @param peerFiles text files or directories (their {@code *.txt}) holding peers' RESULT lines; missing ones
     *     are skipped
     */
    public static String of(Collection<RunResult> runs, List<Path> peerFiles) throws IOException {
        Results results = new Results();
        for (RunResult r : runs) {
            results.results.add(result(r));
        }
        List<String> classes = results.results.stream().map(Result::benchmark).distinct().toList();
        Map<String, Result> peers = new LinkedHashMap<>();
        for (Path p : peerFiles) {
            for (Path f : textFiles(p)) {
                for (String line : Files.readAllLines(f)) {
                    ResultLine.parse(line).flatMap(ResultLine::peerResult)
                            .filter(x -> classes.contains(x.benchmark()))
                            .ifPresent(x -> peers.put(x.benchmark() + "|" + x.row() + "|" + x.impl(), x));
                }
            }
        }
        results.results.addAll(peers.values());
        StringBuilder out = new StringBuilder("== jbeam ratios (each from this run) ==\n");
        for (RatioTable t : results.tables()) {
            out.append('\n').append(t.title()).append(": ").append(t.caption()).append('\n');
            out.append(t.table().text());
        }
        return out.toString();
    }

    private static List<Path> textFiles(Path p) throws IOException {
        if (Files.isRegularFile(p)) {
            return List.of(p);
        }
        if (!Files.isDirectory(p)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static Result result(RunResult r) {
        BenchmarkParams params = r.getParams();
        String full = params.getBenchmark();
        int dot = full.lastIndexOf('.');
        String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
        List<String> names = new ArrayList<>(params.getParamsKeys());
        List<String> values = new ArrayList<>();
        for (String n : names) {
            values.add(params.getParam(n));
        }
        List<Double> iterations = new ArrayList<>();
        for (BenchmarkResult b : r.getBenchmarkResults()) {
            for (IterationResult i : b.getIterationResults()) {
                iterations.add(i.getPrimaryResult().getScore());
            }
        }
        if (iterations.isEmpty()) {
            iterations.add(r.getPrimaryResult().getScore());
        }
        return new Result(cls, full.substring(dot + 1), List.copyOf(names), String.join(",", values),
                params.getJdkVersion(), Score.of(iterations, r.getPrimaryResult().getScoreUnit()));
    }
}
