package io.jbeam.scheduler;

import io.jbeam.term.Atom;
import io.jbeam.term.Pid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registered names. Lookups are lock-free; register, unregister and the release at exit hold the registry's lock,
 * so a name and its process's {@code registeredName} always change together, and a process that has started exiting
 * can no longer be registered (the exit path marks it EXITING before it releases its name under the same lock).
 *
 * <p>Memory ordering: {@link #names} is a ConcurrentHashMap; {@code ProcessControlBlock.registeredName} is volatile
 * and written only under the lock.
 */
public final class Registry {
    private static final Atom UNDEFINED = Atom.of("undefined");
    private static final ConcurrentHashMap<Atom, ProcessControlBlock> names = new ConcurrentHashMap<>();

    private Registry() {
    }

    /** False (the facade raises badarg) for undefined, a taken name, a pid that has a name, or a dead pid. */
    public static synchronized boolean register(Atom name, Pid pid) {
        if (UNDEFINED.equals(name) || names.containsKey(name)) {
            return false;
        }
        ProcessControlBlock p = Processes.lookup(pid);
        if (p == null || p.registeredName != null) {
            return false;
        }
        names.put(name, p);
        p.registeredName = name;
        return true;
    }

    /** False when the name is not registered. */
    public static synchronized boolean unregister(Atom name) {
        ProcessControlBlock p = names.remove(name);
        if (p == null) {
            return false;
        }
        p.registeredName = null;
        return true;
    }

    /** The process registered under the name, or null. */
    public static Pid whereis(Atom name) {
        ProcessControlBlock p = names.get(name);
        return p == null ? null : p.pid();
    }

    public static List<Atom> registered() {
        return new ArrayList<>(names.keySet());
    }

    /** The process's registered name, or null (volatile read). */
    public static Atom nameOf(ProcessControlBlock p) {
        return p.registeredName;
    }

    /** The exit path (the process is EXITING): frees its name before any EXIT or DOWN leaves. */
    static synchronized void release(ProcessControlBlock p) {
        Atom name = p.registeredName;
        if (name != null) {
            names.remove(name, p);
            p.registeredName = null;
        }
    }
}
