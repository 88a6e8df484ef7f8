package io.jbeam;

import io.jbeam.scheduler.Priority;

/** Options of {@link Erlang#spawnOpt(Runnable, SpawnOptions)}, as {@code spawn_opt/2}'s list. Immutable. */
public final class SpawnOptions {
    private static final SpawnOptions DEFAULTS = new SpawnOptions(Priority.NORMAL);

    private final Priority priority;

    private SpawnOptions(Priority priority) {
        this.priority = priority;
    }

    public static SpawnOptions defaults() {
        return DEFAULTS;
    }

    /** {@code {priority, Level}}. */
    public static SpawnOptions priority(Priority priority) {
        if (priority == null) {
            throw new ErlangError(Erlang.BADARG);
        }
        return new SpawnOptions(priority);
    }

    public Priority priority() {
        return priority;
    }
}
