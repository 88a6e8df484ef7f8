package io.jbeam.bench;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole suite as {@code bench/run-bench --smoke} runs it (every benchmark once with the smallest settings, the
 * Erlang peers once, the report written into {@code target/smoke}): proves that every benchmark, peer and the report
 * run end to end. It measures nothing and asserts no timing: only that each table and chart of the report is there.
 */
class SmokeRunIT {
    private static final long TIMEOUT_MINUTES = 20;
    private static final List<String> TABLES = List.of("WeavingOverheadBenchmark", "SpawnBenchmark",
            "YieldResumeBenchmark", "MessagingBenchmark", "SelectiveReceiveBenchmark", "FanInBenchmark",
            "RingBenchmark", "SavinaBenchmark");

    @Test
    void everyBenchmarkAndTheReportRun() throws Exception {
        Path module = Path.of(System.getProperty("bench.module", ".")).toAbsolutePath().normalize();
        Path root = module.getParent();
        Path dir = module.resolve("target/smoke");
        Path out = dir.resolve("out");
        Path report = dir.resolve("report");
        Files.createDirectories(dir);
        File log = dir.resolve("run-bench.log").toFile();
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("bench/run-bench").toString(), "--smoke",
                "--no-build").directory(root.toFile()).redirectErrorStream(true).redirectOutput(log);
        pb.environment().put("OUT", out.toString());
        pb.environment().put("REPORT_DIR", report.toString());
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("run-bench --smoke did not end within " + TIMEOUT_MINUTES + " minutes; see " + log);
        }
        assertEquals(0, p.exitValue(), "run-bench --smoke failed; see " + log);
        String md = Files.readString(report.resolve("BENCHMARKS.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("| mode | smoke"), "the report states its mode");
        for (String table : TABLES) {
            assertTrue(md.contains("### " + table + " ("), "no table for " + table + " in " + report);
        }
        assertTrue(md.contains("## Fairness") && md.contains("| Erlang (OTP") && md.contains("| virtual threads"),
                "the fairness table has every implementation");
        assertTrue(md.contains("## Idle processes"), "no idle-process row");
        assertTrue(Files.exists(report.resolve("docs/bench/fairness-latency.png")), "no fairness chart");
        try (var charts = Files.list(report.resolve("docs/bench"))) {
            assertTrue(charts.anyMatch(c -> c.getFileName().toString().startsWith("scaling-")), "no scaling chart");
        }
    }
}
