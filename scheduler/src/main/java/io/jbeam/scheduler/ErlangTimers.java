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
 * FIRED, so a cancel that lost (and returns -1) finds the message queued.
 *
 * <p>A timer to a local pid is cancelled when that process exits, as in erts: each process keeps the timers aimed at
 * it in an {@link Aimed} list (allocated with its first such timer), and its exit path cancels them through the same
 * CAS, their wheel entries through the owning scheduler's cancel. A timer started to a pid that is already dead is
 * never armed. Timers aimed at a name stay: the name is looked up when they fire.
 *
 * <p>Memory ordering: {@link #timers} is a ConcurrentHashMap; each timer's state is a CAS word. A process's
 * {@link Aimed} list is reached through a CAS field of the process and guarded by its own monitor, as are the list
 * links of the timers in it ({@link Timer#aimedPrev}, {@link Timer#aimedNext}).
 */
public final class ErlangTimers {
    private static final Atom TIMEOUT = Atom.of("timeout");
    private static final int ARMED = 0;
    private static final int FIRING = 1;
    private static final int FIRED = 2;
    private static final int CANCELLED = 3;

    private static final ConcurrentHashMap<Ref, Timer> timers = new ConcurrentHashMap<>();

    /** What a process's timer list becomes when it exits: closed, shared, never linked into. */
    static final Aimed EXITED = new Aimed(true);

    private ErlangTimers() {
    }

    private static final class Timer extends AtomicInteger {
        private static final long serialVersionUID = 1L;
        final Ref ref;
        final Object dest;
        final Object message;
        final long deadline;
        /** The list of the destination process, or null (a name). */
        final Aimed aimed;
        /** Written by {@link #start} before the timer is published (map put, list add). */
        ProcessTimer wheelTimer;
        /** Guarded by {@link #aimed}'s monitor: the neighbours in its list (null at the ends or when not in it). */
        Timer aimedPrev;
        Timer aimedNext;

        Timer(Ref ref, Object dest, Object message, long deadline, Aimed aimed) {
            this.ref = ref;
            this.dest = dest;
            this.message = message;
            this.deadline = deadline;
            this.aimed = aimed;
        }
    }

    /**
     * The timers aimed at one local process: a doubly linked list through the timers themselves, so adding and
     * removing allocate nothing and cost O(1). Closed (once) by the process's exit, which then cancels what it held;
     * after that nothing is linked or unlinked, and a timer that comes too late is cancelled by its starter.
     *
     * <p>Memory ordering: {@link #head}, {@link #closed} and the links of the listed timers are guarded by this
     * object's monitor; the exit path walks the list it detached after releasing the monitor, which is safe because
     * nobody writes those links once {@link #closed} is set.
     */
    static final class Aimed {
        private Timer head;
        private boolean closed;

        Aimed(boolean closed) {
            this.closed = closed;
        }

        /** Lists an armed timer; false when the process has exited (the caller cancels the timer). */
        synchronized boolean add(Timer t) {
            if (closed) {
                return false;
            }
            if (t.get() == ARMED) { // one that has fired or been cancelled already has been unlinked: keep it out
                t.aimedNext = head;
                if (head != null) {
                    head.aimedPrev = t;
                }
                head = t;
            }
            return true;
        }

        /** Unlists a timer that fired or was cancelled (nothing if it is not listed, or the list is closed). */
        synchronized void remove(Timer t) {
            if (closed) {
                return;
            }
            if (t.aimedPrev != null) {
                t.aimedPrev.aimedNext = t.aimedNext;
            } else if (head == t) {
                head = t.aimedNext;
            } else {
                return;
            }
            if (t.aimedNext != null) {
                t.aimedNext.aimedPrev = t.aimedPrev;
            }
            t.aimedPrev = null;
            t.aimedNext = null;
        }

        /** Closes the list; returns its first timer (follow {@link Timer#aimedNext}). */
        synchronized Timer close() {
            closed = true;
            Timer h = head;
            head = null;
            return h;
        }
    }

    /**
     * Arms a timer that sends {@code message} (or {@code {timeout, Ref, Message}} when {@code wrap}) to {@code dest},
     * a Pid or an Atom, after {@code millis} (non-negative; the facade checks).
     */
    public static Ref start(long millis, Object dest, Object message, boolean wrap) {
        Ref ref = Ref.make();
        long deadline = Deadlines.after(millis);
        Schedulers vm = Schedulers.get();
        Aimed aimed = null;
        if (dest instanceof Pid && ((Pid) dest).isLocal()) {
            ProcessControlBlock p = Processes.lookup((Pid) dest);
            aimed = p == null ? EXITED : aimedAt(p);
            if (aimed == EXITED) {
                return ref; // the process is dead: cancelled at once, as its exit would have (cancel/read give -1)
            }
        }
        Timer t = new Timer(ref, dest, wrap ? Tuple.of(TIMEOUT, ref, message) : message, deadline, aimed);
        SchedulerData s = Schedulers.currentScheduler();
        if (s == null || s.all() != vm) {
            s = vm.homeForSpawn();
        }
        t.wheelTimer = new ProcessTimer(s, deadline, () -> fire(t));
        timers.put(ref, t);
        if (deadline != ProcessControlBlock.NO_DEADLINE) {
            s.armTimer(t.wheelTimer);
        }
        // Listed after it is armed: if the process exited meanwhile, its exit did not see this timer, so cancel it
        // here; if it fires or is cancelled before it is listed, add() leaves it out.
        if (aimed != null && !aimed.add(t)) {
            cancelQuietly(t);
        }
        return ref;
    }

    /** The process's list of timers aimed at it, created with the first; {@link #EXITED} once it exited. */
    private static Aimed aimedAt(ProcessControlBlock p) {
        Aimed a = p.aimedTimers();
        return a != null ? a : p.installAimedTimers(new Aimed(false));
    }

    /**
     * The process is exiting (by its owner, once it is no longer alive): cancels the timers aimed at it. One that is
     * firing right now is left to finish: its message goes to a closed queue.
     */
    static void processExited(ProcessControlBlock p) {
        Aimed a = p.closeAimedTimers(EXITED);
        if (a == null || a == EXITED) {
            return;
        }
        Timer next;
        for (Timer t = a.close(); t != null; t = next) {
            next = t.aimedNext;
            cancelQuietly(t);
        }
    }

    /** Cancels the timer if it is still armed: the same CAS as {@link #cancel}, without waiting out a fire. */
    private static void cancelQuietly(Timer t) {
        if (t.compareAndSet(ARMED, CANCELLED)) {
            timers.remove(t.ref, t);
            t.wheelTimer.scheduler.cancelTimer(t.wheelTimer);
        }
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
        if (t.aimed != null) {
            t.aimed.remove(t);
        }
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
            if (t.aimed != null) {
                t.aimed.remove(t);
            }
        }
    }

    /** Timers armed and not yet fired or cancelled (for tests). */
    public static int active() {
        return timers.size();
    }
}
