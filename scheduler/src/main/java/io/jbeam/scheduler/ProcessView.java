package io.jbeam.scheduler;

import io.jbeam.term.Atom;
import io.jbeam.term.Pid;

import java.util.List;

/**
 * What process_info reads from a process, for the facade. Every method is called on the process's owner (inside a
 * query of {@link Signals#inspect}), so the owner-only state is safe to read.
 */
public final class ProcessView {
    private ProcessView() {
    }

    /**
     * Erlang's status, read from outside before asking (the owner answering is busy answering): running for the
     * caller itself and for a process on a scheduler now, runnable when queued, waiting when it waits or blocks.
     */
    public static String status(ProcessControlBlock p) {
        if (Processes.self() == p) {
            return "running";
        }
        switch (p.state()) {
            case ProcessControlBlock.RUNNABLE:
                return "runnable";
            case ProcessControlBlock.RUNNING:
                return "running";
            case ProcessControlBlock.EXITING:
                return "exiting";
            default:
                return "waiting"; // WAITING, BLOCKED, BORROWED
        }
    }

    /** True when it waits in a sleep rather than a receive. */
    public static boolean sleeping(ProcessControlBlock p) {
        int s = p.state();
        return (s == ProcessControlBlock.WAITING || s == ProcessControlBlock.BORROWED) && !p.waitingForMessage;
    }

    public static List<Object> messages(ProcessControlBlock p) {
        return p.mailbox.snapshot();
    }

    public static int messageQueueLength(ProcessControlBlock p) {
        return p.mailbox.size();
    }

    public static List<Pid> links(ProcessControlBlock p) {
        Relations r = p.relationsOrNull();
        return r == null ? List.of() : r.linkedPids();
    }

    public static List<Pid> monitors(ProcessControlBlock p) {
        Relations r = p.relationsOrNull();
        return r == null ? List.of() : r.monitoredPids();
    }

    public static List<Pid> monitoredBy(ProcessControlBlock p) {
        Relations r = p.relationsOrNull();
        return r == null ? List.of() : r.monitoredBy();
    }

    public static boolean trapExit(ProcessControlBlock p) {
        return p.trapExit;
    }

    public static ProcessDictionary dictionary(ProcessControlBlock p) {
        return p.dictionaryOrNull();
    }

    public static Atom registeredName(ProcessControlBlock p) {
        return p.registeredName;
    }

    /** The body the process started with (null for a plain thread). */
    public static Runnable body(ProcessControlBlock p) {
        return p.body();
    }

    /** A rough size in bytes: the control block, queued messages, frame store and dictionary. */
    public static long memory(ProcessControlBlock p) {
        ProcessDictionary d = p.dictionaryOrNull();
        return 400 + 48L * p.mailbox.size() + p.fiber().frameStoreBytes() + (d == null ? 0 : 48L * d.size());
    }
}
