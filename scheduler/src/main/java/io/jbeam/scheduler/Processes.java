package io.jbeam.scheduler;

import io.jbeam.term.Pid;

import java.util.List;

/**
 * Process lifecycle for the built-ins: spawn, identity, send, lookup. A plain Java thread that asks for its identity
 * gets a process on first use (see {@link #self()}).
 */
public final class Processes {
    /** The identity of each plain thread that used a built-in. Holds the process while the thread lives. */
    private static final ThreadLocal<ProcessControlBlock> PLAIN = new ThreadLocal<>();

    private Processes() {
    }

    /** Starts a process running {@code body}, queued on the spawner's scheduler (round-robin from a plain thread). */
    public static ProcessControlBlock spawn(Runnable body, Priority priority) {
        return spawn(body, priority, null);
    }

    /**
     * Starts a process bound to scheduler {@code scheduler} (1-based, as Erlang's {@code {scheduler, N}} spawn
     * option): it runs only there, is never stolen by another scheduler, and a wake-up from any thread queues it
     * there. Throws IllegalArgumentException outside 1..schedulers.
     */
    public static ProcessControlBlock spawnBound(Runnable body, Priority priority, int scheduler) {
        Schedulers vm = Schedulers.get();
        SchedulerData home = vm.scheduler(scheduler);
        return start(vm, body, priority, home, true, null);
    }

    /**
     * As {@link #spawn(Runnable, Priority)}, running {@code setup} on the new process before it can run or be seen
     * by anyone (spawn_link and spawn_monitor set up their link or monitor there, atomically with the spawn).
     */
    static ProcessControlBlock spawn(Runnable body, Priority priority,
                                     java.util.function.Consumer<ProcessControlBlock> setup) {
        Schedulers vm = Schedulers.get();
        return start(vm, body, priority, vm.homeForSpawn(), false, setup);
    }

    private static ProcessControlBlock start(Schedulers vm, Runnable body, Priority priority, SchedulerData home,
                                             boolean bound, java.util.function.Consumer<ProcessControlBlock> setup) {
        long number = vm.table.allocate();
        Pid pid = Pid.local(number);
        ProcessControlBlock p = new ProcessControlBlock(pid, body, vm.config().budgetFor(number), priority, bound);
        p.home = home;
        if (setup != null) {
            setup.accept(p);
        }
        vm.table.register(p); // RUNNABLE from birth (state 0)
        home.enqueue(p);
        return p;
    }

    /** The calling process; a plain thread gets its identity on first call. */
    public static ProcessControlBlock self() {
        return ofFiber(Fiber.current());
    }

    /** The process a fiber runs, or the calling plain thread's identity. */
    static ProcessControlBlock ofFiber(Fiber f) {
        Object owner = f.owner();
        if (owner instanceof ProcessControlBlock) {
            return (ProcessControlBlock) owner;
        }
        ProcessControlBlock p = PLAIN.get();
        if (p == null) {
            Schedulers vm = Schedulers.get();
            Pid pid = Pid.local(vm.table.allocate());
            p = new ProcessControlBlock(pid, ThreadFibers.current());
            vm.table.register(p);
            PLAIN.set(p);
        }
        return p;
    }

    /** A plain thread's identity has exited: the thread's next built-in gets a fresh one. */
    static void forgetPlain(ProcessControlBlock p) {
        if (PLAIN.get() == p) {
            PLAIN.remove();
        }
    }

    /** The live process with this pid, or null. */
    public static ProcessControlBlock lookup(Pid pid) {
        Schedulers vm = Schedulers.ifStarted();
        if (vm == null) {
            return null;
        }
        ProcessControlBlock p = vm.table.get(pid.number());
        return p != null && p.isAlive() ? p : null;
    }

    /**
     * Appends a message to the process's mailbox and wakes it if it waits. Never blocks; a dead pid drops the
     * message. Returns whether it was delivered.
     */
    public static boolean send(Pid to, Object message) {
        ProcessControlBlock p = lookup(to);
        if (p == null) {
            return false;
        }
        if (!p.mailbox.push(message)) {
            return false; // it exited meanwhile: dropped, as to any dead pid
        }
        if (p.wakeForMessage()) {
            Schedulers.get().makeRunnable(p);
        }
        return true;
    }

    /** The live processes, in pid order. */
    public static List<ProcessControlBlock> all() {
        Schedulers vm = Schedulers.ifStarted();
        return vm == null ? List.of() : vm.table.snapshot();
    }

    /** Live processes. */
    public static int count() {
        Schedulers vm = Schedulers.ifStarted();
        return vm == null ? 0 : vm.table.size();
    }
}
