package io.jbeam.demo;

import io.jbeam.bif.SystemInfo;
import io.jbeam.scheduler.SchedulerStats;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Machine figures the demo quotes: heap in use, thread count, scheduler count. */
final class Stats {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Stats() {
    }

    /** Heap in use after a full collection, in bytes. */
    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    static int threadCount() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    static int schedulerCount() {
        return SystemInfo.schedulerStats().schedulers();
    }

    static SchedulerStats scheduler() {
        return SystemInfo.schedulerStats();
    }

    static String millis(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }
}
