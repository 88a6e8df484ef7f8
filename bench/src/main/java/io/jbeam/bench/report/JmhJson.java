package io.jbeam.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a JMH result file ({@code -rf json}): one {@link Result} per benchmark method and parameter combination,
 * scored from its {@code rawData} (every measurement iteration of every fork), and the JVM that ran it.
 */
final class JmhJson {
    private JmhJson() {
    }

    /** The results of one JSON file; {@code jvms} receives the JVMs they ran on. */
    @SuppressWarnings("unchecked")
    static List<Result> read(Path file, List<Jvm> jvms) throws IOException {
        Object root = Json.parse(Files.readString(file));
        if (!(root instanceof List)) {
            throw new IOException(file + ": not a JMH result array");
        }
        List<Result> out = new ArrayList<>();
        for (Object o : (List<Object>) root) {
            Map<String, Object> b = (Map<String, Object>) o;
            String full = (String) b.get("benchmark");
            int dot = full.lastIndexOf('.');
            String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
            String method = full.substring(dot + 1);
            Map<String, Object> params = (Map<String, Object>) b.getOrDefault("params", Map.of());
            List<String> names = new ArrayList<>(params.keySet());
            List<String> values = new ArrayList<>();
            for (String n : names) {
                values.add(String.valueOf(params.get(n)));
            }
            Map<String, Object> metric = (Map<String, Object>) b.get("primaryMetric");
            String unit = (String) metric.get("scoreUnit");
            List<Double> iterations = new ArrayList<>();
            for (Object fork : (List<Object>) metric.getOrDefault("rawData", List.of())) {
                for (Object v : (List<Object>) fork) {
                    iterations.add(Json.number(v));
                }
            }
            if (iterations.isEmpty()) {
                iterations.add(Json.number(metric.get("score")));
            }
            String jdk = String.valueOf(b.getOrDefault("jdkVersion", "?"));
            Jvm jvm = new Jvm(jdk, String.valueOf(b.getOrDefault("vmName", "")),
                    String.valueOf(b.getOrDefault("vmVersion", "")), String.valueOf(b.getOrDefault("jvm", "")));
            if (!jvms.contains(jvm)) {
                jvms.add(jvm);
            }
            out.add(new Result(cls, method, List.copyOf(names), String.join(",", values), jdk,
                    Score.of(iterations, unit)));
        }
        return out;
    }
}
