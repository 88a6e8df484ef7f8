package io.jbeam.bif;

import io.jbeam.ErlangError;
import io.jbeam.Erlang;
import io.jbeam.scheduler.PinReports;
import io.jbeam.scheduler.ProcessControlBlock;
import io.jbeam.scheduler.Processes;
import io.jbeam.scheduler.SchedulerStats;
import io.jbeam.scheduler.Schedulers;
import io.jbeam.term.Pid;

/**
 * Introspection for demos, tests and benchmarks: a process's reductions and scheduler counters. (process_info and
 * erlang:statistics will grow from here.)
 */
public final class SystemInfo {
    private SystemInfo() {
    }

    /** Reductions the process has spent in finished (or renewed) slices, or -1 when it is not alive. */
    public static long reductions(Pid pid) {
        if (pid == null) {
            throw new ErlangError(Erlang.BADARG);
        }
        ProcessControlBlock p = Processes.lookup(pid);
        return p == null ? -1 : p.reductions();
    }

    /** Scheduler counters (starts the schedulers if they have not started). */
    public static SchedulerStats schedulerStats() {
        return Schedulers.get().stats();
    }

    /**
     * {@code erlang:system_info(scheduler_id)}: the 1-based id of the scheduler the caller runs on; 0 on a plain
     * thread, and while a pinned process blocks its carrier (the scheduler has moved to another thread).
     */
    public static int schedulerId() {
        return Schedulers.currentSchedulerId();
    }

    /** Times a process blocked pinned, since start. */
    public static long pinnedBlocks() {
        return PinReports.count();
    }

    /** Live processes. */
    public static int processCount() {
        return Processes.count();
    }
}
