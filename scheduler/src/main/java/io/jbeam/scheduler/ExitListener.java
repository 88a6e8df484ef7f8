package io.jbeam.scheduler;

/**
 * Told when a process has exited, after it left the process table: where links, monitors, the registry and timers
 * send their signals and release what the process held. Runs on the thread that ran the process's last slice; must
 * not block.
 */
@FunctionalInterface
public interface ExitListener {
    void processExited(ProcessControlBlock process, Object reason);
}
