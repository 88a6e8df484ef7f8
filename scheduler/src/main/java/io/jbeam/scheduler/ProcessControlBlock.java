package io.jbeam.scheduler;

import io.jbeam.term.Pid;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * One Erlang process: its pid, body, fiber (continuation), mailbox and scheduling state.
 *
 * <h2>State machine (CAS on {@link #state})</h2>
 * <pre>
 *             spawn                      picked by a scheduler
 *   (new) ──────────▶ RUNNABLE ───────────────────────────────▶ RUNNING ──── body ended ──▶ EXITING
 *                        ▲  ▲   preempted / yielded (owner)       │  │ ▲
 *                        │  └─────────────────────────────────────┘  │ │ woken: message / timeout
 *                        │        sender or timer CAS                │ │ (waker CASes, unparks)
 *                        └────────────── WAITING ◀───────────────────┘ │
 *                          (unwound, not queued: the scheduler sets it   BLOCKED (pinned or plain thread:
 *                           after the stack unwound, then re-checks)     parked on its own thread)
 * </pre>
 * Only the thread running the process moves it out of RUNNING; wakers move it out of WAITING (into RUNNABLE, and
 * then queue it) and out of BLOCKED (into RUNNING, and then unpark its thread). Whoever wins the CAS owns the next
 * step, so a process is queued at most once. An inspector may take a WAITING process over (BORROWED) to drain its
 * signals and answer a question about it; it then puts it back to WAITING and re-checks for wake-ups.
 *
 * <p>Signals (links, monitors, exits) travel in the mailbox's inbound queue and are acted on by the owner when it
 * drains (see {@code SignalQueue}). A signal that ends the process sets {@link #pendingExit}; the process then
 * exits at its next scheduling point, with that reason whatever its code does meanwhile.
 *
 * <p>Kept lean for the million-process case: the mailbox is one object, the fiber's frame store grows on demand,
 * and everything links, monitors or the registry will need hangs off one lazily set {@link #extension}.
 *
 * <p>Memory ordering: {@link #state}, {@link #extension} and {@link #aimedTimers} are volatile/CAS. Every other mutable field is plain and
 * owned by whichever thread runs the process; a process passes between threads only through a run queue's lock or a
 * CAS of {@link #state}, which orders the plain writes before it. Fields read by wakers ({@link #waitingForMessage},
 * {@link #blockedThread}) are written before the volatile write of the state they go with.
 */
public final class ProcessControlBlock {
    public static final int RUNNABLE = 0;
    public static final int RUNNING = 1;
    public static final int WAITING = 2;
    public static final int BLOCKED = 3;
    public static final int EXITING = 4;
    /** Taken over, while it waits, by a thread that inspects it (process_info); back to WAITING after. */
    public static final int BORROWED = 5;

    static final long NO_DEADLINE = Long.MAX_VALUE;

    /** The bits of {@link #flags} that hold the priority's ordinal. */
    private static final int PRIORITY_BITS = 0x0f;
    /** A bit of {@link #flags}: the process is bound to its {@link #home} scheduler (spawn option scheduler). */
    private static final int BOUND = 0x10;

    private static final VarHandle STATE;
    private static final VarHandle EXTENSION;
    private static final VarHandle AIMED_TIMERS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(ProcessControlBlock.class, "state", int.class);
            EXTENSION = l.findVarHandle(ProcessControlBlock.class, "extension", Object.class);
            AIMED_TIMERS = l.findVarHandle(ProcessControlBlock.class, "aimedTimers", ErlangTimers.Aimed.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Pid pid;
    /** Null for the process of a plain thread. */
    private final Runnable body;
    /** The process's fiber; a plain thread's own thread-bound fiber for a plain-thread process. */
    private final Fiber fiber;
    final Mailbox mailbox = new Mailbox();
    /** The handshake value the root stores before body.run() (MethodIds.RUN when the body is woven). */
    private final int rootExpect;
    /**
     * Plain: the priority's ordinal in the low bits ({@link #PRIORITY_BITS}) plus {@link #BOUND}. The owner rewrites
     * the priority (process_flag) and keeps {@code BOUND}, which is set by the constructor, before the process is
     * published, and never changes: so any thread that found the process reads it right, and a racy reader of the
     * priority (a run queue when the owner re-queues it, an observer) sees the old or the new one (a byte is written
     * whole). One byte for both because the block has no padding left: a field of its own would cost 8 bytes a process.
     */
    private byte flags;

    /** Volatile/CAS: one of the state constants. */
    @SuppressWarnings("unused") // through STATE
    private volatile int state;
    /** CAS, set once: per-process data of later built-ins (links, monitors, dictionary, name). */
    @SuppressWarnings("unused") // through EXTENSION
    private volatile Object extension;

    /**
     * Volatile/CAS: the send_after/start_timer timers aimed at this pid, which its exit cancels; null until the
     * first, {@link ErlangTimers#EXITED} once it exited (see {@link ErlangTimers}).
     */
    @SuppressWarnings("unused") // through AIMED_TIMERS
    private volatile ErlangTimers.Aimed aimedTimers;

    /**
     * Plain (owner): the scheduler whose run queue it goes back to; updated on migration. For a bound process it is
     * the scheduler it is bound to, written before the process is published and never changed, so wakers on any
     * thread may read it.
     */
    SchedulerData home;
    /** Plain (owner): when the current receive or sleep gives up, in System.nanoTime(); NO_DEADLINE for none. */
    long deadline = NO_DEADLINE;
    /** Plain (owner), read by wakers after reading WAITING: whether a message ends the wait (false: sleeping). */
    boolean waitingForMessage;
    /** Plain (owner): the timer armed for {@link #deadline}, or null. */
    ProcessTimer timer;
    /** Plain, read by wakers after reading BLOCKED: the thread parked for this process. */
    Thread blockedThread;
    /** Plain (owner): the exit reason once EXITING. */
    private Object exitReason;
    /** Plain (owner): reductions spent in finished or renewed slices; read racily by observers. */
    private long reductions;

    /** Plain (owner): process_flag(trap_exit). */
    boolean trapExit;
    /** Plain (owner): links and monitors; null until the first. */
    private Relations relations;
    /** Plain (owner): the process dictionary; null until the first put. */
    private ProcessDictionary dictionary;
    /** Plain (owner): the reason a signal ended the process with; null while it lives. */
    private Object pendingExit;
    /** Volatile, written once by the owner before its signal count drops: observers' view of {@link #pendingExit}. */
    private volatile boolean dying;
    /** Volatile, written under the registry's lock: the registered name, or null. */
    volatile io.jbeam.term.Atom registeredName;

    /** A process running {@code body} in its own fiber. */
    ProcessControlBlock(Pid pid, Runnable body, BudgetPolicy budget, Priority priority) {
        this(pid, body, budget, priority, false);
    }

    /**
     * A process running {@code body} in its own fiber; {@code bound}: it runs only on the scheduler its {@link #home}
     * names, which the spawner sets before publishing it and nothing changes after.
     */
    ProcessControlBlock(Pid pid, Runnable body, BudgetPolicy budget, Priority priority, boolean bound) {
        this.pid = pid;
        this.body = body;
        this.fiber = new Fiber(this, false, budget);
        this.rootExpect = WovenCode.rootExpect(body);
        this.flags = (byte) (priority.ordinal() | (bound ? BOUND : 0));
    }

    /** The identity of a plain thread, whose (thread-bound) fiber is given; it is RUNNING as long as it lives. */
    ProcessControlBlock(Pid pid, Fiber threadFiber) {
        this.pid = pid;
        this.body = null;
        this.fiber = threadFiber;
        this.rootExpect = 0;
        this.flags = (byte) Priority.NORMAL.ordinal();
        this.state = RUNNING;
    }

    public Pid pid() {
        return pid;
    }

    public Priority priority() {
        return Priority.of(flags & PRIORITY_BITS);
    }

    /**
     * True for a process bound to a scheduler (spawn option {@code {scheduler, N}}): it runs only on its
     * {@link #home}, is never stolen, and a wake-up from another scheduler queues it there instead of taking the
     * waker's runnext slot. Any thread.
     */
    public boolean isBound() {
        return (flags & BOUND) != 0;
    }

    public Fiber fiber() {
        return fiber;
    }

    /** The body it runs; null for a plain thread. */
    Runnable body() {
        return body;
    }

    /** True for the process identity of a plain Java thread. */
    public boolean isPlainThread() {
        return body == null;
    }

    public int state() {
        return (int) STATE.getVolatile(this);
    }

    public boolean isAlive() {
        return state() != EXITING;
    }

    /** True once a signal has ended the process, even if it has not finished exiting (volatile read). */
    boolean isDying() {
        return dying;
    }

    /** Owner: a signal ends the process with {@code reason} (the first one wins). */
    void beginExit(Object reason) {
        if (pendingExit == null) {
            pendingExit = reason;
            dying = true;
        }
    }

    /** Owner: a signal waits to be handled, or one has decided that the process exits. */
    boolean signalsToActOn() {
        return pendingExit != null || mailbox.signalsPending();
    }

    /** Owner: true once a signal has ended the process. */
    boolean exitDecided() {
        return pendingExit != null;
    }

    Object pendingExitReason() {
        return pendingExit;
    }

    /** Owner: links and monitors, created on first use. */
    Relations relations() {
        Relations r = relations;
        if (r == null) {
            r = relations = new Relations();
        }
        return r;
    }

    Relations relationsOrNull() {
        return relations;
    }

    /** Owner: the process dictionary, created on first use. */
    ProcessDictionary dictionary() {
        ProcessDictionary d = dictionary;
        if (d == null) {
            d = dictionary = new ProcessDictionary();
        }
        return d;
    }

    ProcessDictionary dictionaryOrNull() {
        return dictionary;
    }

    /** Owner: drops links, monitors and dictionary (the process has exited). */
    void releaseState() {
        relations = null;
        dictionary = null;
    }

    /** Owner: process_flag(priority). */
    void setPriority(Priority p) {
        flags = (byte) ((flags & BOUND) | p.ordinal());
    }

    public Object exitReason() {
        return exitReason;
    }

    /**
     * Reductions spent so far: finished and renewed slices, and, while it runs, the slice under way (as BEAM counts
     * them for process_info). Exact for the process itself; another thread reads the running slice's count racily.
     */
    public long reductions() {
        long r = reductions;
        if (state() == RUNNING) {
            r += fiber.sliceSpent();
        }
        return r;
    }

    /** Messages in the queue. Owner only (the process itself), as it drains the inbound stack. */
    public int messageQueueLength() {
        return mailbox.size();
    }

    public Object extension() {
        return EXTENSION.getVolatile(this);
    }

    /** Sets the extension if none is set yet; returns the one in place. */
    public Object installExtension(Object fresh) {
        Object witness = EXTENSION.compareAndExchange(this, (Object) null, fresh);
        return witness == null ? fresh : witness;
    }

    /** Any thread: the list of timers aimed at this process, or null (volatile read). */
    ErlangTimers.Aimed aimedTimers() {
        return (ErlangTimers.Aimed) AIMED_TIMERS.getVolatile(this);
    }

    /** Any thread: sets the list of aimed timers if none is set yet; returns the one in place. */
    ErlangTimers.Aimed installAimedTimers(ErlangTimers.Aimed fresh) {
        ErlangTimers.Aimed witness = (ErlangTimers.Aimed) AIMED_TIMERS.compareAndExchange(this,
                (ErlangTimers.Aimed) null, fresh);
        return witness == null ? fresh : witness;
    }

    /** Owner, on exit: replaces the list of aimed timers with {@code closed}; returns the one it held (or null). */
    ErlangTimers.Aimed closeAimedTimers(ErlangTimers.Aimed closed) {
        return (ErlangTimers.Aimed) AIMED_TIMERS.getAndSet(this, closed);
    }

    boolean casState(int expected, int next) {
        return STATE.compareAndSet(this, expected, next);
    }

    void setState(int next) {
        STATE.setVolatile(this, next);
    }

    // ---------------------------------------------------------------- running a slice

    /**
     * Runs the body from where it suspended until it suspends again (false; the reason is in the fiber) or ends
     * (true; {@link #exitReason()} is set). On the calling carrier thread, whose fiber it mounts.
     */
    boolean runSlice(int budget, boolean offerGrant) {
        if (signalsToActOn() && !SignalQueue.drain(this)) {
            fiber.discardFrames(); // a signal ended it while it was queued: none of its code runs again
            exitReason = pendingExit;
            return true;
        }
        Fiber f = fiber;
        Fiber previous = ThreadFibers.mount(f);
        try {
            f.beginSlice(budget);
            if (offerGrant && home != null) {
                home.offerGrant(this);
            }
            f.expect = rootExpect;
            body.run();
            if (f.status == Fiber.CAPTURING) {
                f.status = Fiber.RUNNING;
                if (pendingExit == null) {
                    return false;
                }
                f.takeSuspendReason(); // it unwound because a signal ended it
                f.discardFrames();
                exitReason = pendingExit;
                return true;
            }
            exitReason = pendingExit != null ? pendingExit : ProcessExits.NORMAL;
            return true;
        } catch (Throwable t) {
            f.discardFrames();
            if (pendingExit != null) {
                exitReason = pendingExit; // killed (ProcessKilled), or it went on and failed after being killed
                return true;
            }
            exitReason = ProcessExits.reasonOf(t);
            if (ProcessExits.isReported(t)) {
                ProcessExits.report(this, exitReason, t);
            }
            return true;
        } finally {
            reductions += f.settleSpent();
            ThreadFibers.mount(previous);
        }
    }

    /**
     * On the running process's thread, at a yield point whose budget ran out: true when the process goes on with a
     * fresh slice (its fiber's budget renewed, the spent one counted), because if it were scheduled out now it would
     * be picked again at once: no signal waits for it and its scheduler has nothing else to run
     * ({@link SchedulerData#hasNothingElseToRun}). False: it must suspend.
     */
    boolean renewSliceAlone() {
        SchedulerData s = home;
        if (s == null || signalsToActOn() || !s.hasNothingElseToRun()) {
            return false;
        }
        reductions += fiber.renewSlice();
        s.renewals++;
        s.offerGrant(this); // alone: from now on, renew in place
        return true;
    }

    /** Reductions left in the slice that just ended (what a runnext successor may inherit). */
    int sliceLeft() {
        return Math.max(0, fiber.reductions);
    }

    // ---------------------------------------------------------------- waking

    /**
     * After a message was pushed: wakes the process if it waits for one. Any thread; the caller places a process
     * made RUNNABLE (returns true) on a run queue.
     */
    boolean wakeForMessage() {
        int s = state();
        if (s == WAITING) {
            return waitingForMessage && casState(WAITING, RUNNABLE);
        }
        if (s == BLOCKED && casState(BLOCKED, RUNNING)) {
            LockSupport.unpark(blockedThread);
        }
        return false;
    }

    /**
     * After a signal was pushed: wakes the process whether it waits for a message or sleeps (a signal may end it).
     * Returns true when the caller must queue it.
     */
    boolean wakeForSignal() {
        int s = state();
        if (s == WAITING) {
            return casState(WAITING, RUNNABLE);
        }
        if (s == BLOCKED && casState(BLOCKED, RUNNING)) {
            LockSupport.unpark(blockedThread);
        }
        return false;
    }

    /** A timer fired: wakes the process if it still waits. Returns true when the caller must queue it. */
    boolean wakeForTimeout() {
        return casState(WAITING, RUNNABLE);
    }

    /** Marks the process exited; false if it already was. */
    boolean markExiting() {
        while (true) {
            int s = state();
            if (s == EXITING) return false;
            if (casState(s, EXITING)) return true;
        }
    }

    void setExitReason(Object reason) {
        this.exitReason = reason;
    }

    @Override
    public String toString() {
        return "Process" + pid + "[state=" + state() + ", priority=" + priority() + "]";
    }
}
