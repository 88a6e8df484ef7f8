package io.jbeam;

import io.jbeam.scheduler.MethodIds;
import io.jbeam.scheduler.ProcessControl;
import io.jbeam.scheduler.ProcessControlBlock;
import io.jbeam.scheduler.Processes;
import io.jbeam.scheduler.Receive;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The built-in functions, mirroring Erlang's {@code erlang} module. Callable from processes and from plain Java
 * threads (which get a process identity on first use; their receive blocks the thread).
 *
 * <p>{@code receive}, {@code sleep} and {@code yield} are the runtime leaves woven code may suspend in: each passes
 * the handshake id of its own name and descriptor, which the weaver stores in {@code Fiber.expect} before the call.
 */
public final class Erlang {
    public static final Atom BADARG = Atom.of("badarg");
    public static final Atom TIMEOUT_VALUE = Atom.of("timeout_value");

    private static final int RECEIVE = MethodIds.of("receive", "()Ljava/lang/Object;");
    private static final int RECEIVE_TIMEOUT = MethodIds.of("receive", "(J)Ljava/lang/Object;");
    private static final int RECEIVE_MATCH = MethodIds.of("receive", "(Ljava/util/function/Predicate;)Ljava/lang/Object;");
    private static final int RECEIVE_MATCH_TIMEOUT =
            MethodIds.of("receive", "(Ljava/util/function/Predicate;J)Ljava/lang/Object;");
    private static final int SLEEP = MethodIds.of("sleep", "(J)V");
    private static final int YIELD = MethodIds.of("yield", "()V");

    private Erlang() {
    }

    // ---------------------------------------------------------------- processes

    /** {@code spawn/1}: starts a process running {@code body}. */
    public static Pid spawn(Runnable body) {
        return spawnOpt(body, SpawnOptions.defaults());
    }

    /** {@code spawn_opt/2}. */
    public static Pid spawnOpt(Runnable body, SpawnOptions options) {
        if (body == null || options == null) {
            throw new ErlangError(BADARG);
        }
        return Processes.spawn(body, options.priority()).pid();
    }

    /** {@code self/0}. */
    public static Pid self() {
        return Processes.self().pid();
    }

    /** {@code exit/1}: ends the calling process with {@code reason} (catchable as {@link ErlangExit}). */
    public static void exit(Object reason) {
        throw new ErlangExit(reason);
    }

    /** {@code is_process_alive/1}. */
    public static boolean isProcessAlive(Pid p) {
        if (p == null) {
            throw new ErlangError(BADARG);
        }
        return Processes.lookup(p) != null;
    }

    /** {@code processes/0}: live processes, in pid order. */
    public static List<Pid> processes() {
        List<ProcessControlBlock> all = Processes.all();
        List<Pid> pids = new ArrayList<>(all.size());
        for (ProcessControlBlock p : all) {
            if (p.isAlive()) pids.add(p.pid());
        }
        return pids;
    }

    // ---------------------------------------------------------------- messages

    /** {@code Pid ! Msg}: never blocks; a dead pid drops the message. A null message is badarg (not a term). */
    public static void send(Pid to, Object msg) {
        if (to == null || msg == null) {
            throw new ErlangError(BADARG);
        }
        Processes.send(to, msg);
    }

    /** {@code receive X -> X end}. */
    public static Object receive() {
        return Receive.receive(RECEIVE, null, true, 0);
    }

    /** {@code receive X -> X after T -> null end}; 0 polls. A negative T is timeout_value once it must wait. */
    public static Object receive(long timeoutMillis) {
        return checked(Receive.receive(RECEIVE_TIMEOUT, null, false, timeoutMillis));
    }

    /** Selective receive: the oldest message {@code match} accepts; the others stay in order. */
    public static Object receive(Predicate<Object> match) {
        if (match == null) {
            throw new ErlangError(BADARG);
        }
        return Receive.receive(RECEIVE_MATCH, match, true, 0);
    }

    /** Selective receive with a timeout (null when it passes). */
    public static Object receive(Predicate<Object> match, long timeoutMillis) {
        if (match == null) {
            throw new ErlangError(BADARG);
        }
        return checked(Receive.receive(RECEIVE_MATCH_TIMEOUT, match, false, timeoutMillis));
    }

    private static Object checked(Object received) {
        if (received == Receive.BAD_TIMEOUT) {
            throw new ErlangError(TIMEOUT_VALUE);
        }
        return received;
    }

    // ---------------------------------------------------------------- time and scheduling

    /** {@code timer:sleep/1}: suspends for at least {@code millis}. A negative value is timeout_value. */
    public static void sleep(long millis) {
        if (millis < 0) {
            throw new ErlangError(TIMEOUT_VALUE);
        }
        ProcessControl.sleep(SLEEP, millis);
    }

    /** {@code erlang:yield/0}: lets the other runnable processes run first. */
    public static void yield() {
        ProcessControl.yield(YIELD);
    }
}
