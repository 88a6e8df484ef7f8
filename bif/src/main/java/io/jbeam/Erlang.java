package io.jbeam;

import io.jbeam.bif.Dictionary;
import io.jbeam.bif.ProcessInfo;
import io.jbeam.scheduler.ErlangTimers;
import io.jbeam.scheduler.MethodIds;
import io.jbeam.scheduler.Priority;
import io.jbeam.scheduler.ProcessControl;
import io.jbeam.scheduler.ProcessControlBlock;
import io.jbeam.scheduler.Processes;
import io.jbeam.scheduler.Receive;
import io.jbeam.scheduler.Registry;
import io.jbeam.scheduler.Schedulers;
import io.jbeam.scheduler.Signals;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;

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
    public static final Atom NOPROC = Atom.of("noproc");
    /** The largest receive timeout Erlang accepts, 16#FFFFFFFF ms. */
    private static final long MAX_TIMEOUT = 0xFFFFFFFFL;
    private static final Atom TRAP_EXIT = Atom.of("trap_exit");
    private static final Atom PRIORITY = Atom.of("priority");
    private static final Atom CANCEL_TIMER = Atom.of("cancel_timer");

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

    /** {@code spawn_opt/2}. Badarg for a {@link SpawnOptions#scheduler() scheduler} above the number of schedulers. */
    public static Pid spawnOpt(Runnable body, SpawnOptions options) {
        if (body == null || options == null) {
            throw new ErlangError(BADARG);
        }
        int scheduler = options.scheduler();
        if (scheduler == SpawnOptions.ANY_SCHEDULER) {
            return Processes.spawn(body, options.priority()).pid();
        }
        if (scheduler > Schedulers.get().config().schedulers()) {
            throw new ErlangError(BADARG);
        }
        return Processes.spawnBound(body, options.priority(), scheduler).pid();
    }

    /** {@code spawn_link/1}: the link exists before the child runs. */
    public static Pid spawnLink(Runnable body) {
        if (body == null) throw new ErlangError(BADARG);
        return Signals.spawnLink(body, Priority.NORMAL).pid();
    }

    /** {@code spawn_monitor/1}: {@code {Pid, Ref}}; the monitor exists before the child runs. */
    public static SpawnMonitor spawnMonitor(Runnable body) {
        if (body == null) throw new ErlangError(BADARG);
        Ref ref = Ref.make();
        return new SpawnMonitor(Signals.spawnMonitor(body, Priority.NORMAL, ref).pid(), ref);
    }

    /** {@code self/0}. */
    public static Pid self() {
        return Processes.self().pid();
    }

    /** {@code exit/1}: ends the calling process with {@code reason} (catchable as {@link ErlangExit}). */
    public static void exit(Object reason) {
        throw new ErlangExit(reason);
    }

    /**
     * {@code is_process_alive/1}. Ordered after the caller's own signals: {@code exit(P, kill)} then
     * {@code isProcessAlive(P)} is false straight away.
     */
    public static boolean isProcessAlive(Pid p) {
        if (p == null || !p.isLocal()) {
            throw new ErlangError(BADARG);
        }
        return Signals.isAlive(p);
    }

    // ---------------------------------------------------------------- exceptions

    /** {@code erlang:error/1}: raises class error; uncaught, the process ends with {@code {Reason, Stack}}. */
    public static void error(Object reason) {
        throw new ErlangError(reason);
    }

    /** {@code throw/1}: raises class throw; uncaught, the process ends with {@code {{nocatch, Value}, Stack}}. */
    public static void throwTerm(Object value) {
        throw new ErlangThrow(value);
    }

    /** {@code make_ref/0}. */
    public static Ref makeRef() {
        return Ref.make();
    }

    // ---------------------------------------------------------------- links and exit signals

    /**
     * {@code link/1}: links are bidirectional and unique; linking oneself does nothing. A dead {@code p} raises
     * noproc, unless the caller traps exits: then it gets {@code {'EXIT', P, noproc}}.
     */
    public static void link(Pid p) {
        if (p == null || !p.isLocal()) throw new ErlangError(BADARG);
        if (Signals.link(p) == Signals.LinkResult.NOPROC) throw new ErlangError(NOPROC);
    }

    /** {@code unlink/1}: fine when not linked. An EXIT already queued as a message stays. */
    public static void unlink(Pid p) {
        if (p == null) throw new ErlangError(BADARG);
        Signals.unlink(p);
    }

    /** {@code process_flag(trap_exit, On)}: returns the previous value. */
    public static boolean trapExit(boolean on) {
        return Signals.trapExit(on);
    }

    /**
     * {@code exit/2}: sends an exit signal. {@code kill} kills even a trapping process (reason killed); {@code normal}
     * is ignored by a non-trapping receiver other than the caller itself; a trapping receiver gets
     * {@code {'EXIT', Self, Reason}}. Sent to the caller itself, it takes effect before this returns.
     */
    public static void exit(Pid p, Object reason) {
        if (p == null || reason == null) throw new ErlangError(BADARG);
        Signals.exit(p, reason);
    }

    // ---------------------------------------------------------------- monitors

    /** {@code monitor(process, Pid)}: a dead pid gives an immediate DOWN noproc; oneself records nothing. */
    public static Ref monitor(Pid p) {
        if (p == null || !p.isLocal()) throw new ErlangError(BADARG);
        return Signals.monitor(p, p);
    }

    /**
     * {@code monitor(process, Name)}: the DOWN names {@code {Name, nonode@nohost}}; an unregistered name gives an
     * immediate DOWN noproc.
     */
    public static Ref monitor(Atom name) {
        if (name == null) throw new ErlangError(BADARG);
        Tuple item = Tuple.of(name, Pid.LOCAL_NODE);
        Pid p = Registry.whereis(name);
        if (p == null) {
            return Signals.monitorNobody(Pid.local(0), item);
        }
        return Signals.monitor(p, item);
    }

    /** {@code demonitor/1}: no DOWN for this monitor is queued after this. True, also for an unknown ref. */
    public static boolean demonitor(Ref r) {
        return demonitor(r, false);
    }

    /** {@code demonitor(Ref, [flush])} when {@code flush}: also removes a DOWN already queued. True. */
    public static boolean demonitor(Ref r, boolean flush) {
        if (r == null) throw new ErlangError(BADARG);
        Signals.demonitor(r, flush);
        return true;
    }

    /**
     * {@code demonitor(Ref, [info])} (and {@code [flush, info]}): true when the monitor was active and is now removed;
     * false when it was not found (its DOWN already arrived: without flush it stays queued).
     */
    public static boolean demonitorInfo(Ref r, boolean flush) {
        if (r == null) throw new ErlangError(BADARG);
        return Signals.demonitor(r, flush);
    }

    // ---------------------------------------------------------------- registered names

    /**
     * {@code register/2}: badarg for undefined, a name taken, a pid that already has a name, or a dead pid. The name
     * is released when the process exits, before its links and monitors hear of it.
     */
    public static void register(Atom name, Pid p) {
        if (name == null || p == null || !p.isLocal() || !Registry.register(name, p)) {
            throw new ErlangError(BADARG);
        }
    }

    /** {@code unregister/1}: badarg when the name is not registered. */
    public static void unregister(Atom name) {
        if (name == null || !Registry.unregister(name)) throw new ErlangError(BADARG);
    }

    /** {@code whereis/1}: null (undefined) when nobody has the name. */
    public static Pid whereis(Atom name) {
        if (name == null) throw new ErlangError(BADARG);
        return Registry.whereis(name);
    }

    /** {@code registered/0}. */
    public static List<Atom> registered() {
        return Registry.registered();
    }

    // ---------------------------------------------------------------- timers

    /** {@code send_after/3}: sends {@code msg} to {@code to} after at least {@code millis}. */
    public static Ref sendAfter(long millis, Pid to, Object msg) {
        checkTimer(millis, to, msg);
        return ErlangTimers.start(millis, to, msg, false);
    }

    /** {@code send_after/3} to a name, looked up when the timer fires (nobody by then: dropped). */
    public static Ref sendAfter(long millis, Atom name, Object msg) {
        checkTimer(millis, name, msg);
        return ErlangTimers.start(millis, name, msg, false);
    }

    /** {@code start_timer/3}: sends {@code {timeout, Ref, Msg}}. */
    public static Ref startTimer(long millis, Pid to, Object msg) {
        checkTimer(millis, to, msg);
        return ErlangTimers.start(millis, to, msg, true);
    }

    /** {@code start_timer/3} to a name, looked up when the timer fires. */
    public static Ref startTimer(long millis, Atom name, Object msg) {
        checkTimer(millis, name, msg);
        return ErlangTimers.start(millis, name, msg, true);
    }

    /**
     * {@code cancel_timer/1}: the milliseconds that were left (no message will come), or -1 (Erlang's false) when
     * it already fired (its message is queued), was cancelled, or its process has exited.
     */
    public static long cancelTimer(Ref t) {
        if (t == null) throw new ErlangError(BADARG);
        return ErlangTimers.cancel(t);
    }

    /** {@code cancel_timer(Ref, [{async, true}])}: the answer comes as {@code {cancel_timer, Ref, MsOrFalse}}. */
    public static void cancelTimerAsync(Ref t) {
        if (t == null) throw new ErlangError(BADARG);
        long left = ErlangTimers.cancel(t);
        Processes.send(self(), Tuple.of(CANCEL_TIMER, t, left < 0 ? (Object) Atom.FALSE : (Object) left));
    }

    /** {@code read_timer/1}: the milliseconds left, or -1 (false). */
    public static long readTimer(Ref t) {
        if (t == null) throw new ErlangError(BADARG);
        return ErlangTimers.read(t);
    }

    private static void checkTimer(long millis, Object dest, Object msg) {
        if (millis < 0 || millis > 0xFFFFFFFFL || dest == null || msg == null) throw new ErlangError(BADARG);
        if (dest instanceof Pid && !((Pid) dest).isLocal()) throw new ErlangError(BADARG);
    }

    // ---------------------------------------------------------------- process dictionary

    /** {@code put/2}: the previous value, or the atom undefined. */
    public static Object put(Object key, Object value) {
        if (key == null || value == null) throw new ErlangError(BADARG);
        return Dictionary.put(key, value);
    }

    /** {@code get/1}: the value, or the atom undefined. */
    public static Object get(Object key) {
        return key == null ? Atom.UNDEFINED : Dictionary.get(key);
    }

    /** {@code get/0}: every {@code {Key, Value}}. */
    public static List<Object> get() {
        return Dictionary.all();
    }

    /** {@code erase/1}: the old value, or the atom undefined. */
    public static Object erase(Object key) {
        return key == null ? Atom.UNDEFINED : Dictionary.erase(key);
    }

    /** {@code erase/0}: every {@code {Key, Value}}, and the dictionary is emptied. */
    public static List<Object> erase() {
        return Dictionary.eraseAll();
    }

    /** {@code get_keys/0}. */
    public static List<Object> getKeys() {
        return Dictionary.keys();
    }

    /** {@code get_keys/1}: the keys holding {@code value}. */
    public static List<Object> getKeys(Object value) {
        return Dictionary.keys(value);
    }

    // ---------------------------------------------------------------- process_info and process_flag

    /**
     * {@code process_info(Pid, Item)}: {@code {Item, Value}}, or null when the process is dead; for an unnamed
     * process, {@code registered_name} gives the empty list, as Erlang does. Items: status, message_queue_len,
     * messages, links, monitors, monitored_by, trap_exit, priority, reductions, current_function,
     * current_stacktrace, initial_call, registered_name, dictionary, memory, and process_info/1's others.
     * badarg for a null or remote pid or an unknown item.
     */
    public static Object processInfo(Pid p, Atom item) {
        return ProcessInfo.one(p, item);
    }

    /** {@code process_info(Pid, [Item])}: in the order asked, duplicates kept; null when dead. */
    public static List<Object> processInfo(Pid p, List<Atom> items) {
        return ProcessInfo.many(p, items);
    }

    /** {@code process_info/1}: null when dead. */
    public static List<Object> processInfo(Pid p) {
        return ProcessInfo.all(p);
    }

    /**
     * {@code process_flag/2} for {@code trap_exit} (a Boolean) and {@code priority} (low, normal, high, max): returns
     * the old value. badarg for anything else.
     */
    public static Object processFlag(Atom flag, Object value) {
        if (TRAP_EXIT.equals(flag) && value instanceof Boolean) {
            return Signals.trapExit((Boolean) value);
        }
        if (PRIORITY.equals(flag) && value instanceof Atom) {
            Priority p = priorityOf((Atom) value);
            return Atom.of(Signals.priority(p).name().toLowerCase(java.util.Locale.ROOT));
        }
        throw new ErlangError(BADARG);
    }

    private static Priority priorityOf(Atom a) {
        switch (a.name()) {
            case "low": return Priority.LOW;
            case "normal": return Priority.NORMAL;
            case "high": return Priority.HIGH;
            case "max": return Priority.MAX;
            default: throw new ErlangError(BADARG);
        }
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

    /** {@code Name ! Msg}: badarg when nobody has the name. */
    public static void send(Atom name, Object msg) {
        if (name == null || msg == null) throw new ErlangError(BADARG);
        Pid to = Registry.whereis(name);
        if (to == null) throw new ErlangError(BADARG);
        Processes.send(to, msg);
    }

    /** {@code receive X -> X end}. */
    public static Object receive() {
        return Receive.receive(RECEIVE, null, true, 0);
    }

    /** {@code receive X -> X after T -> null end}; 0 polls. A negative T is timeout_value once it must wait. */
    public static Object receive(long timeoutMillis) {
        return checked(Receive.receive(RECEIVE_TIMEOUT, null, false, timeoutArg(timeoutMillis)));
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
        return checked(Receive.receive(RECEIVE_MATCH_TIMEOUT, match, false, timeoutArg(timeoutMillis)));
    }

    /** Erlang takes 0..16#FFFFFFFF ms; anything else is timeout_value once the receive must wait (passed as -1). */
    private static long timeoutArg(long millis) {
        return millis > MAX_TIMEOUT ? -1 : millis;
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
