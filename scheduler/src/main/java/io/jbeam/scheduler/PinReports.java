package io.jbeam.scheduler;

import io.jbeam.term.Pid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pinned blocks: a process that had to block its carrier thread because a frame that cannot be captured (a held
 * monitor, a JDK frame, a constructor, unwoven code) lay between it and the blocking call. Always counted; with
 * {@link VmConfig#strict()} each one is also recorded with its stack and printed to stderr, for tests that require
 * code to run unpinned.
 *
 * <p>Memory ordering: a lock-free queue and an atomic counter.
 */
public final class PinReports {
    /** One pinned block. */
    public record PinReport(Pid pid, String operation, StackTraceElement[] stack) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("jbeam: process ").append(pid).append(" pinned its carrier in ")
                    .append(operation).append('\n');
            for (StackTraceElement e : stack) {
                sb.append("\tat ").append(e).append('\n');
            }
            return sb.toString();
        }
    }

    private static final ConcurrentLinkedQueue<PinReport> REPORTS = new ConcurrentLinkedQueue<>();
    private static final AtomicLong COUNT = new AtomicLong();

    private PinReports() {
    }

    static void pinned(ProcessControlBlock p, String operation) {
        COUNT.incrementAndGet();
        Schedulers s = Schedulers.ifStarted();
        if (s != null && s.config().strict()) {
            PinReport r = new PinReport(p.pid(), operation, new Throwable().getStackTrace());
            REPORTS.add(r);
            System.err.print(r);
        }
    }

    /** Pinned blocks since start (or the last {@link #clear()}), recorded only in strict mode. */
    public static List<PinReport> reports() {
        return new ArrayList<>(REPORTS);
    }

    /** Pinned blocks counted since start, strict or not. */
    public static long count() {
        return COUNT.get();
    }

    public static void clear() {
        REPORTS.clear();
    }
}
