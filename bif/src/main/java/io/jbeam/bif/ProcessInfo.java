package io.jbeam.bif;

import io.jbeam.ErlangError;
import io.jbeam.scheduler.ProcessControlBlock;
import io.jbeam.scheduler.ProcessDictionary;
import io.jbeam.scheduler.ProcessView;
import io.jbeam.scheduler.Processes;
import io.jbeam.scheduler.Signals;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code process_info/1,2}. The items are read by the process's owner, after every signal the caller sent it before
 * (so a link just made is listed, and a process just killed is dead), except status, which the caller reads from
 * outside. A dead process gives null (Erlang's undefined).
 */
public final class ProcessInfo {
    private static final Atom BADARG = Atom.of("badarg");
    private static final Atom PROCESS = Atom.of("process");
    private static final Atom REGISTERED_NAME = Atom.of("registered_name");
    private static final Atom STATUS = Atom.of("status");
    private static final Atom ERLANG = Atom.of("erlang");
    private static final Tuple APPLY = Tuple.of(ERLANG, Atom.of("apply"), 2L);
    /** jbeam has no I/O servers yet: every process reports the same stand-in leader, the first pid. */
    private static final Pid GROUP_LEADER = Pid.local(0);
    private static final Tuple SLEEP = Tuple.of(Atom.of("timer"), Atom.of("sleep"), 1L);

    /** process_info/1's items, in Erlang's order (registered_name comes first, when there is one). */
    private static final List<Atom> DEFAULT_ITEMS = atoms("current_function", "initial_call", "status",
            "message_queue_len", "links", "dictionary", "trap_exit", "error_handler", "priority",
            "group_leader", "total_heap_size", "heap_size", "stack_size", "reductions", "garbage_collection", "suspending");
    private static final List<Atom> KNOWN = atoms("registered_name", "current_function", "current_stacktrace",
            "initial_call", "status", "message_queue_len", "messages", "links", "monitors", "monitored_by",
            "dictionary", "trap_exit", "error_handler", "priority", "group_leader", "total_heap_size", "heap_size", "stack_size",
            "reductions", "garbage_collection", "suspending", "memory");

    private ProcessInfo() {
    }

    /** {@code process_info(Pid)}: the default items, or null. */
    public static List<Object> all(Pid pid) {
        check(pid);
        ProcessControlBlock p = Processes.lookup(pid);
        if (p == null) return null;
        String status = ProcessView.status(p);
        @SuppressWarnings("unchecked")
        List<Object> out = (List<Object>) Signals.inspect(pid, q -> {
            List<Object> items = new ArrayList<>();
            Atom name = ProcessView.registeredName(q);
            if (name != null) items.add(Tuple.of(REGISTERED_NAME, name));
            for (Atom a : DEFAULT_ITEMS) items.add(item(q, a, status));
            return items;
        });
        return out;
    }

    /** {@code process_info(Pid, Item)}: {@code {Item, Value}}, {@code []} for an unnamed registered_name, or null. */
    public static Object one(Pid pid, Atom item) {
        check(pid);
        checkItem(item);
        ProcessControlBlock p = Processes.lookup(pid);
        if (p == null) return null;
        String status = ProcessView.status(p);
        return Signals.inspect(pid, q -> {
            Tuple t = item(q, item, status);
            return REGISTERED_NAME.equals(item) && List.of().equals(t.get(1)) ? List.of() : t;
        });
    }

    /** {@code process_info(Pid, [Item])}: the tuples in the order asked, duplicates kept; or null. */
    public static List<Object> many(Pid pid, List<Atom> items) {
        check(pid);
        if (items == null) throw new ErlangError(BADARG);
        for (Atom a : items) checkItem(a);
        ProcessControlBlock p = Processes.lookup(pid);
        if (p == null) return null;
        String status = ProcessView.status(p);
        @SuppressWarnings("unchecked")
        List<Object> out = (List<Object>) Signals.inspect(pid, q -> {
            List<Object> values = new ArrayList<>(items.size());
            for (Atom a : items) values.add(item(q, a, status));
            return values;
        });
        return out;
    }

    private static void check(Pid pid) {
        if (pid == null || !pid.isLocal()) throw new ErlangError(BADARG);
    }

    private static void checkItem(Atom item) {
        if (item == null || !KNOWN.contains(item)) throw new ErlangError(BADARG);
    }

    /** On the owner of {@code p}. */
    private static Tuple item(ProcessControlBlock p, Atom item, String status) {
        Object v;
        switch (item.name()) {
            case "registered_name": {
                Atom n = ProcessView.registeredName(p);
                v = n == null ? List.of() : n;
                break;
            }
            case "current_function":
                v = currentFunction(p);
                break;
            case "current_stacktrace":
                v = List.of(Tuple.of(((Tuple) currentFunction(p)).get(0), ((Tuple) currentFunction(p)).get(1),
                        ((Tuple) currentFunction(p)).get(2), List.of()));
                break;
            case "initial_call":
                v = APPLY;
                break;
            case "status":
                v = Atom.of(status);
                break;
            case "message_queue_len":
                v = (long) ProcessView.messageQueueLength(p);
                break;
            case "messages":
                v = ProcessView.messages(p);
                break;
            case "links":
                v = new ArrayList<Object>(ProcessView.links(p));
                break;
            case "monitors": {
                List<Object> l = new ArrayList<>();
                for (Pid m : ProcessView.monitors(p)) l.add(Tuple.of(PROCESS, m));
                v = l;
                break;
            }
            case "monitored_by":
                v = new ArrayList<Object>(ProcessView.monitoredBy(p));
                break;
            case "dictionary":
                v = dictionary(ProcessView.dictionary(p));
                break;
            case "trap_exit":
                v = ProcessView.trapExit(p);
                break;
            case "error_handler":
                v = Atom.of("error_handler");
                break;
            case "priority":
                v = Atom.of(p.priority().name().toLowerCase(java.util.Locale.ROOT));
                break;
            case "group_leader":
                v = GROUP_LEADER;
                break;
            case "memory":
                v = ProcessView.memory(p);
                break;
            case "total_heap_size":
            case "heap_size":
                v = ProcessView.memory(p) / 8;
                break;
            case "stack_size":
                v = (long) p.fiber().savedFrameCount();
                break;
            case "reductions":
                v = p.reductions();
                break;
            case "garbage_collection":
            case "suspending":
                v = List.of();
                break;
            default:
                throw new ErlangError(BADARG);
        }
        return Tuple.of(item, v);
    }

    /** What it runs now, as far as the runtime knows: a sleep, or the body it was started with. */
    private static Object currentFunction(ProcessControlBlock p) {
        return ProcessView.sleeping(p) ? SLEEP : APPLY;
    }

    static List<Object> dictionary(ProcessDictionary d) {
        List<Object> out = new ArrayList<>();
        if (d != null) {
            for (Map.Entry<Object, Object> e : d.pairs()) out.add(Tuple.of(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static List<Atom> atoms(String... names) {
        List<Atom> out = new ArrayList<>(names.length);
        for (String n : names) out.add(Atom.of(n));
        return List.copyOf(out);
    }
}
