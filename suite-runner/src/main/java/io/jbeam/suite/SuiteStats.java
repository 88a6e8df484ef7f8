package io.jbeam.suite;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the extension did in this JVM, printed at the end of the run (see {@link SuiteSummaryListener}):
 * <ul>
 *   <li>{@code bodies-in-process}: test bodies that ran in a process to their end (returned or threw);</li>
 *   <li>{@code woven-roots}: of those, the ones whose process root (the trampoline's {@code run()}) is woven code, so
 *       that the process can be captured from its entry down into the test;</li>
 *   <li>{@code fallbacks}: bodies called by reflection on the JUnit thread instead (with a sample of why);</li>
 *   <li>{@code suspensions}: how many times, in all, those processes unwound their stacks;</li>
 *   <li>{@code bodies-suspended}, {@code max-suspensions-per-body}: how they spread;</li>
 *   <li>{@code pinned-preemptions}: how many times a budget ran out where a frame could not be captured (a JDK frame
 *       between two woven ones, a held monitor, a constructor), so the process went on instead.</li>
 * </ul>
 * Counters are updated from the JUnit thread(s) only after a body's process ended.
 */
final class SuiteStats {
    /** The prefix of every line this runner prints, so that a harness can find them in the launcher's output. */
    static final String PREFIX = "jbeam-suite:";

    private static final LongAdder BODIES_IN_PROCESS = new LongAdder();
    private static final LongAdder WOVEN_ROOTS = new LongAdder();
    private static final LongAdder FALLBACKS = new LongAdder();
    private static final LongAdder SUSPENSIONS = new LongAdder();
    private static final LongAdder PINNED_PREEMPTIONS = new LongAdder();
    private static final LongAdder BODIES_SUSPENDED = new LongAdder();
    /** Guarded by SuiteStats.class: the body with the most suspensions, and how many. */
    private static String mostSuspended = "none";
    private static long maxSuspensions;
    private static final Map<String, String> FALLBACK_REASONS = new ConcurrentHashMap<>();

    private SuiteStats() {
    }

    static void bodyEnded(TestBody body, boolean wovenRoot, String what) {
        BODIES_IN_PROCESS.increment();
        if (wovenRoot) {
            WOVEN_ROOTS.increment();
        }
        long s = body.suspensions();
        SUSPENSIONS.add(s);
        PINNED_PREEMPTIONS.add(body.pinnedPreemptions());
        if (s > 0) {
            BODIES_SUSPENDED.increment();
        }
        synchronized (SuiteStats.class) {
            if (s > maxSuspensions) {
                maxSuspensions = s;
                mostSuspended = what;
            }
        }
    }

    static void fallback(String what, String reason) {
        FALLBACKS.increment();
        FALLBACK_REASONS.putIfAbsent(what, reason);
    }

    static String summaryLine() {
        return PREFIX + " bodies-in-process=" + BODIES_IN_PROCESS.sum()
                + " woven-roots=" + WOVEN_ROOTS.sum()
                + " fallbacks=" + FALLBACKS.sum()
                + " suspensions=" + SUSPENSIONS.sum()
                + " bodies-suspended=" + BODIES_SUSPENDED.sum()
                + " max-suspensions-per-body=" + maxSuspensionsNow()
                + " pinned-preemptions=" + PINNED_PREEMPTIONS.sum();
    }

    private static synchronized long maxSuspensionsNow() {
        return maxSuspensions;
    }

    /** The body that suspended most, as a line of its own. */
    static synchronized String mostSuspendedLine() {
        return PREFIX + " most suspended body: " + mostSuspended + " (" + maxSuspensions + " suspensions)";
    }

    /** Up to {@code limit} methods that ran by reflection instead, with why. */
    static String fallbackSample(int limit) {
        StringBuilder sb = new StringBuilder();
        FALLBACK_REASONS.entrySet().stream().limit(limit).forEach(e ->
                sb.append(PREFIX).append(" fallback ").append(e.getKey()).append(": ").append(e.getValue())
                        .append(System.lineSeparator()));
        return sb.toString();
    }
}
