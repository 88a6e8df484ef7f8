package io.jbeam.conformance;

import io.jbeam.scheduler.PinReports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One dynamic test per scenario: (1) where escript is found, the escript's canonical output must equal the checked-in
 * expected trace (the expectations stay true to Erlang/OTP); (2) the Java scenario, run in jbeam, must print the
 * expected trace. With {@code -Dconformance.regenerate=true} the escripts' output is written as the expected traces.
 * After the run, a table of results is written to {@code target/conformance-report.md}.
 */
class ConformanceTest {
    private static final Path SOURCES = Path.of(System.getProperty("conformance.sources", "src/test/resources"));
    private static final Path SCENARIOS = SOURCES.resolve("scenarios");
    private static final Path EXPECTED = SOURCES.resolve("expected");
    private static final boolean REGENERATE = Boolean.getBoolean("conformance.regenerate");

    /** Results by scenario, in catalog order: {group, source, erlang result, jbeam result, pins}. */
    private static final Map<String, String[]> RESULTS = new LinkedHashMap<>();
    private static ErlangOracle oracle;

    @TestFactory
    Stream<DynamicTest> scenarios() {
        List<ScenarioCatalog.Entry> entries = ScenarioCatalog.all();
        Set<String> only = only();
        oracle = ErlangOracle.find(System.getProperty("conformance.escript"));
        if (REGENERATE && oracle == null) {
            fail("conformance.regenerate needs escript (Erlang/OTP) on the PATH");
        }
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("every escript has a Java scenario and the reverse", () -> inventory(entries)));
        Map<String, CompletableFuture<String>> erlang = new LinkedHashMap<>();
        for (ScenarioCatalog.Entry e : entries) {
            if (!only.isEmpty() && !only.contains(e.name)) continue;
            Path script = SCENARIOS.resolve(e.name + ".escript");
            if (oracle != null && Files.exists(script)) erlang.put(e.name, oracle.run(script));
            RESULTS.put(e.name, new String[] {e.group, e.source, "not run", "not run", "-"});
            tests.add(DynamicTest.dynamicTest(e.name, () -> check(e, erlang.get(e.name))));
        }
        return tests.stream();
    }

    private static Set<String> only() {
        String list = System.getProperty("conformance.only", "");
        return list.isBlank() ? Set.of()
                : Arrays.stream(list.split(",")).map(String::trim).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void inventory(List<ScenarioCatalog.Entry> entries) throws IOException {
        Set<String> java = entries.stream().map(e -> e.name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(entries.size(), java.size(), "scenario names must be unique");
        Set<String> scripts;
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            scripts = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".escript"))
                    .map(n -> n.substring(0, n.length() - ".escript".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> noJava = new TreeSet<>(scripts);
        noJava.removeAll(java);
        Set<String> noScript = new TreeSet<>(java);
        noScript.removeAll(scripts);
        assertTrue(noJava.isEmpty() && noScript.isEmpty(),
                "escripts without a Java scenario: " + noJava + "; Java scenarios without an escript: " + noScript);
    }

    private static void check(ScenarioCatalog.Entry e, CompletableFuture<String> erlangRun) throws IOException {
        String[] result = RESULTS.get(e.name);
        Path expectedFile = EXPECTED.resolve(e.name + ".trace");
        if (erlangRun != null) {
            String fromErlang = Canonical.of(erlangRun.join());
            if (REGENERATE) {
                Files.createDirectories(EXPECTED);
                Files.writeString(expectedFile, fromErlang, StandardCharsets.ISO_8859_1);
            }
        }
        if (!Files.exists(expectedFile)) {
            result[2] = "no expected trace";
            fail("no expected trace " + expectedFile + " (run with -Dconformance.regenerate=true)");
        }
        String expected = Canonical.of(Files.readString(expectedFile, StandardCharsets.ISO_8859_1));
        List<String> failures = new ArrayList<>();
        if (erlangRun != null) {
            String fromErlang = Canonical.of(erlangRun.join());
            boolean same = fromErlang.equals(expected);
            result[2] = same ? "agrees" : "DIFFERS";
            if (!same) failures.add("Erlang/OTP no longer prints the expected trace:\n" + diff(expected, fromErlang));
        }
        long pins = PinReports.count();
        String fromJbeam = Canonical.of(JbeamRunner.run(e.body));
        result[4] = Long.toString(PinReports.count() - pins);
        boolean pass = fromJbeam.equals(expected);
        result[3] = pass ? "pass" : "FAIL";
        if (!pass) failures.add("jbeam differs from the expected trace:\n" + diff(expected, fromJbeam));
        if (!failures.isEmpty()) fail(e.name + ": " + String.join("\n", failures));
    }

    private static String diff(String expected, String actual) {
        return "--- expected\n" + indent(expected) + "--- actual\n" + indent(actual);
    }

    private static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) sb.append("    ").append(line).append('\n');
        }
        return sb.toString();
    }

    @AfterAll
    static void writeReport() {
        if (oracle != null) oracle.close();
        String path = System.getProperty("conformance.report");
        if (path == null || RESULTS.isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        sb.append("| scenario | group | source | Erlang/OTP vs expected | jbeam | pins |\n");
        sb.append("| --- | --- | --- | --- | --- | --- |\n");
        Map<String, int[]> byGroup = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> r : RESULTS.entrySet()) {
            String[] v = r.getValue();
            sb.append("| `").append(r.getKey()).append("` | ").append(v[0]).append(" | ").append(v[1]).append(" | ")
                    .append(v[2]).append(" | ").append(v[3]).append(" | ").append(v[4]).append(" |\n");
            int[] counts = byGroup.computeIfAbsent(v[0], g -> new int[2]);
            counts[0]++;
            if ("pass".equals(v[3])) counts[1]++;
        }
        sb.append("\n| group | scenarios | pass on jbeam |\n| --- | --- | --- |\n");
        int total = 0;
        int passed = 0;
        for (Map.Entry<String, int[]> g : byGroup.entrySet()) {
            sb.append("| ").append(g.getKey()).append(" | ").append(g.getValue()[0]).append(" | ")
                    .append(g.getValue()[1]).append(" |\n");
            total += g.getValue()[0];
            passed += g.getValue()[1];
        }
        sb.append("| all | ").append(total).append(" | ").append(passed).append(" |\n");
        try {
            Files.createDirectories(Path.of(path).getParent());
            Files.writeString(Path.of(path), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
