package io.jbeam;

import io.jbeam.term.Pid;
import io.jbeam.term.Ref;

/** What {@link Erlang#spawnMonitor(Runnable)} returns, as Erlang's {@code {Pid, Ref}}. */
public record SpawnMonitor(Pid pid, Ref ref) {
    @Override
    public String toString() {
        return "{" + pid + "," + ref + "}";
    }
}
