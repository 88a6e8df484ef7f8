package io.jbeam.scheduler;

import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Ref;
import io.jbeam.term.Tuple;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code send_after} and {@code start_timer}: a message sent when a timer on a scheduler's wheel fires. The timer
 * lives on the caller's scheduler (a plain thread's goes round-robin); a name is looked up when it fires.
 *
 * <p>Fire and cancel race through one CAS on the timer's state: exactly one wins. Fire sends before it reports
 * FIRED, so a cancel that lost (and returns -1) finds the message queued. A timer to a pid that has exited counts as
 * cancelled (erts cancels it when the process dies); the wheel's entry then fires into nothing.
 *
 * <p>Memory ordering: {@link #timers} is a ConcurrentHashMap; each timer's state is a CAS word.
 */
public final class ErlangTimers {
    private static final Atom TIMEOUT = Atom.of("timeout");
    private static final int ARMED = 0;
    private static final int FIRING = 1;
    private static final int FIRED = 2;
    private static final int CANCELLED = 3;

    private static final ConcurrentHashMap<Ref, Timer> timers = new ConcurrentHashMap<>();

    private ErlangTimers() {
    }

    private static final class Timer extends AtomicInteger {
        private static final long serialVersionUID = 1L;
        final Ref ref;
        final Object dest;
        final Object message;
        final long deadline;
        ProcessTimer wheelTimer;

        Timer(Ref ref, Object dest, Object message, long deadline) {
            this.ref = ref;
            this.dest = dest;
            this.message = message;
            this.deadline = deadline;
        }
    }

    /**
     * Arms a timer that sends {@code message} (or {@code {timeout, Ref, Message}} when {@code wrap}) to {@code dest},
     * a Pid or an Atom, after {@code millis} (non-negative; the facade checks).
     */
    public static Ref start(long millis, Object dest, Object message, boolean wrap) {
        Ref ref = Ref.make();
        long deadline = Deadlines.after(millis);
        Timer t = new Timer(ref, dest, wrap ? Tuple.of(TIMEOUT, ref, message) : message, deadline);
        timers.put(ref, t);
        Schedulers vm = Schedulers.get();
        SchedulerData s = Schedulers.currentScheduler();
        if (s == null || s.all() != vm) {
            s = vm.homeForSpawn();
        }
        t.wheelTimer = new ProcessTimer(s, deadline, () -> fire(t));
        if (deadline != ProcessControlBlock.NO_DEADLINE) {
            s.armTimer(t.wheelTimer);
        }
        return ref;
    }

    /** {@code cancel_timer/1}: the milliseconds that were left, or -1 when it had fired, was cancelled or unknown. */
    public static long cancel(Ref ref) {
        Timer t = timers.get(ref);
        if (t == null) {
            return -1;
        }
        int s = settle(t);
        if (s != ARMED || !t.compareAndSet(ARMED, CANCELLED)) {
            settle(t); // lost to a fire that has just begun: its message is queued once it settles
            return -1;
        }
        timers.remove(ref, t);
        t.wheelTimer.scheduler.cancelTimer(t.wheelTimer);
        return targetGone(t) ? -1 : millisLeft(t);
    }

    /** {@code read_timer/1}: the milliseconds left, or -1. */
    public static long read(Ref ref) {
        Timer t = timers.get(ref);
        if (t == null || settle(t) != ARMED) {
            return -1;
        }
        if (targetGone(t)) {
            cancel(ref);
            return -1;
        }
        return millisLeft(t);
    }

    /** The state once a fire in progress has finished (its message is then queued). */
    private static int settle(Timer t) {
        int s;
        while ((s = t.get()) == FIRING) {
            Thread.onSpinWait();
        }
        return s;
    }

    private static boolean targetGone(Timer t) {
        return t.dest instanceof Pid && Processes.lookup((Pid) t.dest) == null;
    }

    private static long millisLeft(Timer t) {
        if (t.deadline == ProcessControlBlock.NO_DEADLINE) {
            return Long.MAX_VALUE;
        }
        long left = t.deadline - System.nanoTime();
        return left <= 0 ? 0 : (left + 999_999) / 1_000_000;
    }

    /** On the wheel's owner. */
    private static void fire(Timer t) {
        if (!t.compareAndSet(ARMED, FIRING)) {
            return;
        }
        try {
            if (t.dest instanceof Pid) {
                Processes.send((Pid) t.dest, t.message);
            } else {
                Pid to = Registry.whereis((Atom) t.dest);
                if (to != null) Processes.send(to, t.message);
            }
        } finally {
            // Published FIRED before the entry goes: a cancel or read that finds the entry waits out the firing in
            // settle(), and one that finds no entry comes after it, so a cancel that returns -1 always finds the
            // message queued.
            t.set(FIRED);
            timers.remove(t.ref, t);
        }
    }

    /** Timers armed and not yet fired or cancelled (for tests). */
    public static int active() {
        return timers.size();
    }
}
