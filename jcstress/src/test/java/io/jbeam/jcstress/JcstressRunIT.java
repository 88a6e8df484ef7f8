package io.jbeam.jcstress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs target/jcstress.jar in a child JVM and fails when any test reports a FORBIDDEN outcome or an error.
 *
 * <p>System properties (set by the pom; override with -D on the Maven command line): {@code jcstress.mode}
 * (sanity: the default, quick, or default / tough / stress for full runs), {@code jcstress.cpus} (-c),
 * {@code jcstress.extra} (more jcstress options), {@code jcstress.timeoutMinutes} (the child is killed past it),
 * {@code jcstress.broken} (true: also run the deliberately broken models and require that each is caught).
 */
class JcstressRunIT {
    /** The tests of this module, run normally; their filter leaves out the deliberately broken ones. */
    private static final String REAL_TESTS = "io\\.jbeam\\.scheduler\\.(?!Broken)";
    private static final String BROKEN_TESTS = "io\\.jbeam\\.scheduler\\.Broken";
    /** Two-actor tests: every run must have run them, whatever its CPU count. */
    private static final List<String> TWO_ACTOR_TESTS = List.of("MailboxProducerDrainRace", "WakeUpRace",
            "WakeUpSignalRace", "RunQueueStealRace", "ExitSendRace", "ExitLinkRace", "ExitMonitorRace",
            "TimerCancelFireRace", "GrantEnqueueRace", "GrantSignalRace", "GrantRewindRace");
    private static final List<String> BROKEN = List.of("BrokenWakeUpNoRecheckRace", "BrokenWakeUpPlainWriteRace",
            "BrokenGrantNoRecheckRace");
    private static final Pattern RESULTS = Pattern.compile(
            "\\(Results: (\\d+) planned; (\\d+) passed, (\\d+) failed, (\\d+) soft errs, (\\d+) hard errs\\)");

    private static String prop(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static String mode() {
        return prop("jcstress.mode", "sanity");
    }

    private static boolean shortMode() {
        return mode().equals("sanity") || mode().equals("quick");
    }

    @Test
    void noForbiddenOutcomes() throws Exception {
        Run run = run("real", REAL_TESTS);
        String out = run.output;
        Matcher last = lastResults(out);
        int planned = Integer.parseInt(last.group(1));
        int passed = Integer.parseInt(last.group(2));
        int failed = Integer.parseInt(last.group(3));
        int soft = Integer.parseInt(last.group(4));
        int hard = Integer.parseInt(last.group(5));
        System.out.println(outcomeTables(out));
        System.out.printf("jcstress %s: %d planned, %d passed, %d failed, %d soft errs, %d hard errs; ran %s%n",
                mode(), planned, passed, failed, soft, hard, run.testsRun);
        assertEquals(0, failed, "jcstress reported FORBIDDEN outcomes; see " + run.log + "\n" + failures(out));
        assertEquals(0, soft + hard, "jcstress reported errors; see " + run.log + "\n" + failures(out));
        assertEquals(0, run.exitCode, "jcstress exited with " + run.exitCode + "; see " + run.log);
        assertTrue(planned > 0 && passed == planned, "not every planned result passed; see " + run.log);
        for (String t : TWO_ACTOR_TESTS) {
            assertTrue(run.testsRun.contains(t), t + " did not run; see " + run.log);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "jcstress.broken", matches = "true")
    void brokenModelsAreCaught() throws Exception {
        Run run = run("broken", BROKEN_TESTS);
        assertTrue(run.exitCode != 0, "jcstress passed the broken models; see " + run.log);
        for (String t : BROKEN) {
            assertTrue(run.output.contains("io.jbeam.scheduler." + t + " [")
                            && run.output.contains("Observed forbidden state"),
                    t + " was not caught; see " + run.log);
        }
        System.out.println("jcstress caught the broken models:\n" + failures(run.output));
    }

    private static final class Run {
        final String output;
        final int exitCode;
        final Path log;
        final Set<String> testsRun;

        Run(String output, int exitCode, Path log, Set<String> testsRun) {
            this.output = output;
            this.exitCode = exitCode;
            this.log = log;
            this.testsRun = testsRun;
        }
    }

    private static Run run(String name, String filter) throws IOException, InterruptedException {
        Path jar = Path.of(prop("jcstress.jar", "target/jcstress.jar"));
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": run mvn package first");
        Path dir = Path.of(prop("jcstress.workdir", "target/jcstress-run")).resolve(name);
        Files.createDirectories(dir);
        Path results = dir.resolve("results");
        Path log = dir.resolve("jcstress-output.txt");
        String java = prop("jcstress.java", System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java");

        List<String> cmd = new ArrayList<>(List.of(java, "-jar", jar.toAbsolutePath().toString(),
                "-m", mode(), "-c", prop("jcstress.cpus", "2"), "-t", filter, "-r", results.toString()));
        if (shortMode()) {
            cmd.addAll(List.of("-f", "1"));
        }
        String time = prop("jcstress.time", mode().equals("sanity") ? "100" : "");
        if (!time.isEmpty()) {
            cmd.addAll(List.of("-time", time)); // ms per iteration: sanity's own is too short to sample much
        }
        cmd.add("-v"); // every test's outcome table, not only the failed and interesting ones
        String extra = prop("jcstress.extra", "");
        if (!extra.isEmpty()) {
            cmd.addAll(Arrays.asList(extra.split("\\s+")));
        }
        long minutes = Long.parseLong(prop("jcstress.timeoutMinutes",
                mode().equals("sanity") ? "12" : mode().equals("quick") ? "30" : "600"));
        System.out.println("Running " + String.join(" ", cmd) + " (killed after " + minutes + " min)");

        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            fail("jcstress did not finish in " + minutes + " min; killed. See " + log);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        return new Run(out, p.exitValue(), log, testsRun(results));
    }

    /** The simple names of the tests that have a page in the HTML report (those that ran). */
    private static Set<String> testsRun(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(results)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("io.jbeam.scheduler.") && n.endsWith(".html"))
                    .map(n -> n.substring("io.jbeam.scheduler.".length(), n.length() - ".html".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Matcher lastResults(String out) {
        Matcher m = RESULTS.matcher(out);
        Matcher last = null;
        while (m.find()) {
            last = RESULTS.matcher(out);
            last.find(m.start());
        }
        if (last == null) {
            fail("no results line in the jcstress output:\n" + tail(out));
        }
        return last;
    }

    /** The failure summary jcstress prints at the end (the lines naming forbidden states). */
    private static String failures(String out) {
        return out.lines().filter(l -> l.contains("Observed forbidden state") || l.contains("[FAILED]")
                || l.contains("[ERROR]")).distinct().collect(Collectors.joining("\n"));
    }

    /** Each test's "Results across all configurations" table, under the test's name. */
    private static String outcomeTables(String out) {
        StringBuilder sb = new StringBuilder();
        String test = null;
        int state = 0; // 0: outside a table; 1: after its title, before the header row; 2: in its rows
        for (String line : (Iterable<String>) out.lines()::iterator) {
            int at = line.indexOf("] io.jbeam.scheduler.");
            if (state == 0 && at >= 0 && line.trim().startsWith(".")) {
                test = line.substring(at + 2).trim();
            } else if (state == 0 && line.contains("Results across all configurations")) {
                sb.append(test).append('\n');
                state = 1;
            } else if (state > 0 && line.isBlank()) {
                if (state == 2) {
                    sb.append('\n');
                    state = 0;
                }
            } else if (state > 0) {
                sb.append(line).append('\n');
                state = 2;
            }
        }
        return sb.toString();
    }

    private static String tail(String out) {
        return out.length() <= 4000 ? out : out.substring(out.length() - 4000);
    }
}
