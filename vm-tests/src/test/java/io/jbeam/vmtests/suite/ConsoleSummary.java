package io.jbeam.vmtests.suite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures a JUnit console launcher run printed: its summary box ({@code [  12 tests successful  ]}), the tests
 * its "Failures (N):" list names, and the {@code jbeam-suite:} line of the suite runner ({@code key=value} pairs),
 * when present.
 */
final class ConsoleSummary {
    private static final Pattern BOX = Pattern.compile(
            "^\\[\\s*(\\d+) (containers|tests) (found|skipped|started|aborted|successful|failed)\\s*]\\s*$",
            Pattern.MULTILINE);
    private static final Pattern RUNNER_LINE = Pattern.compile("^jbeam-suite: (bodies-in-process=.*)$",
            Pattern.MULTILINE);
    private static final Pattern MOST_SUSPENDED = Pattern.compile("^jbeam-suite: most suspended body: (.*)$",
            Pattern.MULTILINE);
    private static final Pattern FAILURES = Pattern.compile("^Failures \\(\\d+\\):$", Pattern.MULTILINE);
    /** A failed test's name line in that list: two spaces, the engine's name, a colon. */
    private static final Pattern FAILED_TEST = Pattern.compile("^  (JUnit [A-Za-z]+:.+)$", Pattern.MULTILINE);
    private static final Pattern PAIR = Pattern.compile("([a-z-]+)=(\\d+)");

    /** "tests found", "containers failed", ... in the order printed. */
    final Map<String, Long> counts;
    /** The suite runner's figures ("bodies-in-process", "suspensions", ...); empty without the runner. */
    final Map<String, Long> runner;
    /** The tests and containers listed as failed, sorted. */
    final Set<String> failures;
    /** The suite runner's "most suspended body" (the test and its count), or null. */
    final String mostSuspended;

    private ConsoleSummary(Map<String, Long> counts, Map<String, Long> runner, Set<String> failures,
                           String mostSuspended) {
        this.counts = counts;
        this.runner = runner;
        this.failures = failures;
        this.mostSuspended = mostSuspended;
    }

    static ConsoleSummary parse(String output) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher m = BOX.matcher(output);
        while (m.find()) {
            counts.put(m.group(2) + " " + m.group(3), Long.parseLong(m.group(1)));
        }
        Map<String, Long> runner = new LinkedHashMap<>();
        Matcher line = RUNNER_LINE.matcher(output);
        if (line.find()) {
            Matcher p = PAIR.matcher(line.group(1));
            while (p.find()) {
                runner.put(p.group(1), Long.parseLong(p.group(2)));
            }
        }
        Set<String> failures = new TreeSet<>();
        Matcher f = FAILURES.matcher(output);
        if (f.find()) {
            Matcher t = FAILED_TEST.matcher(output);
            t.region(f.end(), output.length());
            while (t.find()) {
                failures.add(t.group(1));
            }
        }
        Matcher most = MOST_SUSPENDED.matcher(output);
        return new ConsoleSummary(counts, runner, failures, most.find() ? most.group(1) : null);
    }

    long count(String key) {
        Long v = counts.get(key);
        if (v == null) {
            throw new AssertionError("the launcher printed no \"" + key + "\" count; it printed " + counts);
        }
        return v;
    }

    long runner(String key) {
        Long v = runner.get(key);
        if (v == null) {
            throw new AssertionError("the suite runner printed no " + key + "; it printed " + runner);
        }
        return v;
    }
}
