package io.jbeam;

import io.jbeam.scheduler.Priority;

/**
 * Options of {@link Erlang#spawnOpt(Runnable, SpawnOptions)}, as {@code spawn_opt/2}'s list. Immutable: each option
 * has a factory that starts from the defaults and a {@code with} method that adds it to options already chosen, so
 * {@code SpawnOptions.priority(Priority.HIGH).withScheduler(2)} is {@code [{priority, high}, {scheduler, 2}]}.
 */
public final class SpawnOptions {
    /** {@link #scheduler()} of a process free to run on any scheduler. */
    public static final int ANY_SCHEDULER = 0;

    private static final SpawnOptions DEFAULTS = new SpawnOptions(Priority.NORMAL, ANY_SCHEDULER);

    private final Priority priority;
    private final int scheduler;

    private SpawnOptions(Priority priority, int scheduler) {
        this.priority = priority;
        this.scheduler = scheduler;
    }

    public static SpawnOptions defaults() {
        return DEFAULTS;
    }

    /** {@code {priority, Level}}. */
    public static SpawnOptions priority(Priority priority) {
        return DEFAULTS.withPriority(priority);
    }

    /**
     * {@code {scheduler, N}} (undocumented in Erlang; OTP's own scheduler tests use it): the process is bound to
     * scheduler {@code n}, 1-based. It runs only there and is never moved by work stealing; a process that wakes it
     * from another scheduler queues it there rather than running it next on its own. Badarg for {@code n < 1} here,
     * and at spawn for {@code n} above the number of schedulers.
     */
    public static SpawnOptions scheduler(int n) {
        return DEFAULTS.withScheduler(n);
    }

    /** These options with {@code {priority, Level}}. */
    public SpawnOptions withPriority(Priority priority) {
        if (priority == null) {
            throw new ErlangError(Erlang.BADARG);
        }
        return new SpawnOptions(priority, scheduler);
    }

    /** These options with {@code {scheduler, N}}: see {@link #scheduler(int)}. */
    public SpawnOptions withScheduler(int n) {
        if (n < 1) {
            throw new ErlangError(Erlang.BADARG);
        }
        return new SpawnOptions(priority, n);
    }

    public Priority priority() {
        return priority;
    }

    /** The scheduler the process is bound to (1-based), or {@link #ANY_SCHEDULER}. */
    public int scheduler() {
        return scheduler;
    }
}
