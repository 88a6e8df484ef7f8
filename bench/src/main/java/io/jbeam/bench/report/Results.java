package io.jbeam.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything one results directory of {@code bench/run-bench} holds: the JMH JSON files, the RESULT lines of the
 * text files (Erlang peers, the fairness probe, the idle-process count), the raw latencies the fairness programs
 * wrote, and {@code run-info.txt} (the machine and the run, {@code key: value} lines). Whatever groups are there
 * are read; none is required.
 */
final class Results {
    final Map<String, String> runInfo = new LinkedHashMap<>();
    final List<Result> results = new ArrayList<>();
    final List<Jvm> jvms = new ArrayList<>();
    final List<FairnessRun> fairness = new ArrayList<>();
    final List<IdleProcesses> idle = new ArrayList<>();
    /** Files that could not be read, with the reason: the report names them rather than failing. */
    final List<String> unreadable = new ArrayList<>();

    /** Reads {@code dir}: files in the order they were written (then by name), so tables follow the run. */
    static Results read(Path dir) throws IOException {
        Results r = new Results();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).toList());
        }
        files.sort(Comparator.comparing((Path p) -> modified(p)).thenComparing(Path::toString));
        Path info = dir.resolve("run-info.txt");
        if (Files.isRegularFile(info)) {
            for (String line : Files.readAllLines(info)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    r.runInfo.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
        }
        Map<String, Result> peers = new LinkedHashMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".json")) {
                try {
                    r.results.addAll(JmhJson.read(f, r.jvms));
                } catch (IOException | RuntimeException e) {
                    r.unreadable.add(name + ": " + e.getMessage());
                }
            } else if (name.endsWith(".txt")) {
                for (String line : Files.readAllLines(f)) {
                    try {
                        ResultLine.parse(line).ifPresent(l -> r.accept(dir, l, peers));
                    } catch (RuntimeException e) {
                        r.unreadable.add(name + ": " + e.getMessage() + " in \"" + line + "\"");
                    }
                }
            }
        }
        r.results.addAll(peers.values());
        return r;
    }

    private void accept(Path dir, ResultLine line, Map<String, Result> peers) {
        switch (line.kind()) {
            case "fairness":
                long[] latencies = line.fields().containsKey("latencies")
                        ? latencies(dir.resolve(Path.of(line.get("latencies")).getFileName())) : new long[0];
                fairness.add(new FairnessRun(FairnessRun.label(line), (int) line.number("spinners"),
                        (int) line.number("pings"), line.number("p50_us"), line.number("p99_us"), line.number("max_us"),
                        (int) line.number("during"), latencies));
                break;
            case "idle-memory":
                idle.add(IdleProcesses.of(line));
                break;
            default:
                // A later line for the same class, row and implementation replaces an earlier one.
                line.peerResult().ifPresent(p -> peers.put(p.benchmark() + "|" + p.row() + "|" + p.impl(), p));
        }
    }

    /** The round trips of a fairness program, ns, one per line; empty if the file is missing. */
    private static long[] latencies(Path file) {
        if (!Files.isRegularFile(file)) {
            return new long[0];
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * One table per benchmark class and JDK, in the order the results came. A class's non-JVM peer results (Erlang)
     * join every table of the class; a class with only such results gets a table of its own.
     */
    List<RatioTable> tables() {
        Map<String, List<Result>> byTable = new LinkedHashMap<>();
        Map<String, List<Result>> peersByClass = new LinkedHashMap<>();
        for (Result r : results) {
            if (r.jdk().isEmpty()) {
                peersByClass.computeIfAbsent(r.benchmark(), k -> new ArrayList<>()).add(r);
            } else {
                byTable.computeIfAbsent(r.tableKey(), k -> new ArrayList<>()).add(r);
            }
        }
        List<RatioTable> tables = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        for (Map.Entry<String, List<Result>> e : byTable.entrySet()) {
            List<Result> rs = new ArrayList<>(e.getValue());
            String cls = rs.get(0).benchmark();
            rs.addAll(peersByClass.getOrDefault(cls, List.of()));
            covered.add(cls);
            tables.add(new RatioTable(cls + " (JDK " + rs.get(0).jdk() + ")", rs));
        }
        for (Map.Entry<String, List<Result>> e : peersByClass.entrySet()) {
            if (!covered.contains(e.getKey())) {
                tables.add(new RatioTable(e.getKey(), e.getValue()));
            }
        }
        return tables;
    }
}
