package io.jbeam.suite;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the extension did in this JVM, printed as one line at the end of the run (see {@link SuiteSummaryListener}).
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
    private static final AtomicLong MAX_SUSPENSIONS = new AtomicLong();
    private static final Map<String, String> FALLBACK_REASONS = new ConcurrentHashMap<>();

    private SuiteStats() {
    }

    static void bodyEnded(TestBody body, boolean wovenRoot) {
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
        MAX_SUSPENSIONS.accumulateAndGet(s, Math::max);
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
                + " max-suspensions-per-body=" + MAX_SUSPENSIONS.get()
                + " pinned-preemptions=" + PINNED_PREEMPTIONS.sum();
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
