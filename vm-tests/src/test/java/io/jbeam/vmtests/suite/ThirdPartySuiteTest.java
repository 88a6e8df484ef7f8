package io.jbeam.vmtests.suite;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A test suite written elsewhere, run twice in child JVMs with the JUnit console launcher: once as it is, once under
 * the agent with chaos preemption and with the suite runner's extension, which runs every Jupiter test body inside a
 * jbeam process, reached from the process entry through a generated trampoline with no reflection frame in between.
 * Both runs must report the same counts and the same failed tests (none on JDK 17; on JDK 25 the suite's own
 * {@code IteratorUtilsTest.testGetIterator} fails with or without the agent, since its EasyMock/Byte Buddy cannot
 * define a class proxy of {@code java.util.Dictionary} there).
 *
 * <p>The suite: Apache Commons Collections 4.5.0's own tests jar ({@code commons-collections4-4.5.0-tests.jar}),
 * its Jupiter tests (the JUnit 3 suites it builds with guava-testlib run on the vintage engine, which no Jupiter
 * extension reaches, so they are left out), less the inner classes {@code AbstractSortedMapTest$Test{Sub,Head,Tail}Map}
 * that its own build only runs through their enclosing tests (scanned on their own they fail with or without the
 * agent, since nothing can construct them).
 */
class ThirdPartySuiteTest {
    /**
     * Chaos: every yield point suspends with probability 0.2 (tens of millions of suspensions in all; the woven run
     * takes a minute or two on two idle cores). {@code -Djbeam.suite.agentOptions=chaos=1.0} makes every yield point
     * suspend (hundreds of millions, a few minutes).
     */
    static final String AGENT_OPTIONS = System.getProperty("jbeam.suite.agentOptions", "chaos=0.2,seed=42");
    static final long PLAIN_TIMEOUT_SECONDS = 300;
    static final long AGENT_TIMEOUT_SECONDS = 600;

    private static final List<String> COMPARED = List.of(
            "containers found", "containers skipped", "containers started", "containers aborted",
            "containers successful", "containers failed",
            "tests found", "tests skipped", "tests started", "tests aborted", "tests successful", "tests failed");

    @Test
    void commonsCollectionsSuitePassesTheSameWithEveryTestBodyInAProcessUnderChaos() throws Exception {
        Path agentJar = Path.of(property("jbeam.agent.jar"));
        Path lib = Path.of(property("jbeam.suite.lib"));
        Path testsJar = Path.of(property("jbeam.suite.tests.jar"));
        List<Path> runnerJars = jars(Path.of(property("jbeam.suite.runner.dir")));
        List<Path> suiteJars = jars(lib);
        assertTrue(Files.isRegularFile(agentJar), "no agent jar at " + agentJar);
        assertTrue(Files.isRegularFile(testsJar), "no suite tests jar at " + testsJar);
        assertEquals(1, runnerJars.size(), "the suite runner jar, copied by the build: " + runnerJars);
        Path work = lib.resolveSibling("suite-work");
        Files.createDirectories(work);

        String[] selection = {
            "--disable-banner", "--disable-ansi-colors", "--details=summary",
            "--include-engine=junit-jupiter",
            "--scan-classpath", testsJar.toAbsolutePath().toString(),
            "--exclude-classname", ".*\\$Test(Sub|Head|Tail)Map"
        };

        SuiteLaunch.Outcome plain = new SuiteLaunch("plain")
                .classPath(suiteJars)
                .launcherOption(selection)
                .run(work, testsJar, PLAIN_TIMEOUT_SECONDS);
        SuiteLaunch.Outcome woven = new SuiteLaunch("agent")
                .jvmOption("-javaagent:" + agentJar.toAbsolutePath() + "=" + AGENT_OPTIONS)
                .classPath(suiteJars)
                .classPath(runnerJars)
                .launcherOption(selection)
                .launcherOption("--config=junit.jupiter.extensions.autodetection.enabled=true")
                .run(work, testsJar, AGENT_TIMEOUT_SECONDS);

        ConsoleSummary p = ConsoleSummary.parse(plain.output);
        ConsoleSummary w = ConsoleSummary.parse(woven.output);
        String figures = figures(plain, p, woven, w);
        System.out.println(figures);
        Files.writeString(work.resolve("figures.txt"), figures, StandardCharsets.UTF_8);

        assertTrue(p.count("tests found") > 0, "the plain run found no tests; see " + plain.outputFile);
        assertTrue(p.count("tests successful") > 0.99 * p.count("tests started"),
                "the suite mostly fails without the agent: the harness is wrong; see " + plain.outputFile);
        for (String key : COMPARED) {
            assertEquals(p.count(key), w.count(key), key + " with the agent differs from without; see "
                    + woven.outputFile + "\n" + figures);
        }
        assertEquals(p.failures, w.failures, "the failed tests with the agent differ from without; see "
                + woven.outputFile);
        assertEquals(plain.exitCode, woven.exitCode, "launcher exit codes; see " + woven.outputFile);
        long bodies = w.runner("bodies-in-process");
        assertTrue(bodies >= w.count("tests started"), "every started test's body runs in a process:\n" + figures);
        assertEquals(bodies, w.runner("woven-roots"), "every process's root (the trampoline) is woven:\n" + figures);
        assertEquals(0, w.runner("fallbacks"), "test methods run by reflection instead of in a process; see "
                + woven.outputFile);
        assertTrue(w.runner("suspensions") > 0, "no process ever suspended:\n" + figures);
        assertTrue(w.runner("bodies-suspended") > 0, "no test body ever suspended:\n" + figures);
    }

    private static String figures(SuiteLaunch.Outcome plain, ConsoleSummary p,
                                  SuiteLaunch.Outcome woven, ConsoleSummary w) {
        StringBuilder sb = new StringBuilder();
        sb.append("third-party suite: commons-collections4 4.5.0 tests jar, Jupiter engine, JUnit console launcher, ")
                .append("java ").append(Runtime.version()).append('\n');
        sb.append(String.format("%-22s %12s %12s%n", "", "plain", "agent(" + AGENT_OPTIONS + ")"));
        for (String key : COMPARED) {
            sb.append(String.format("%-22s %12s %12s%n", key, p.counts.get(key), w.counts.get(key)));
        }
        sb.append(String.format("%-22s %12s %12s%n", "launcher exit code", plain.exitCode, woven.exitCode));
        sb.append(String.format("%-22s %12.1f %12.1f%n", "wall time (s)", plain.millis / 1000.0,
                woven.millis / 1000.0));
        sb.append("failed without the agent: ").append(p.failures).append('\n');
        sb.append("failed with the agent:    ").append(w.failures).append('\n');
        sb.append("suite runner (agent run): ").append(w.runner).append('\n');
        sb.append("most suspended body: ").append(w.mostSuspended).append('\n');
        return sb.toString();
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isEmpty()) {
            throw new AssertionError("system property " + name + " is not set (the vm-tests POM sets it)");
        }
        return v;
    }
}
