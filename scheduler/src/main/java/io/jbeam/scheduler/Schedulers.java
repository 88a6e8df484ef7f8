package io.jbeam.scheduler;

import io.jbeam.term.Pid;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running VM: its schedulers, process table and carriers. Started lazily on first use, with the
 * {@link VmConfig} in force then.
 *
 * <p>Decides where a runnable process goes: a spawned process on the spawner's scheduler (round-robin from a plain
 * thread); a process woken by a process on the spawner's scheduler into that scheduler's runnext slot (it migrates
 * to the waker's core); anything else onto its home scheduler's run queue. Idle schedulers steal. A process bound to
 * a scheduler (spawn option {@code {scheduler, N}}) is the exception: it is spawned there, takes a waker's runnext
 * slot only when the waker runs on that scheduler too, goes to that scheduler's queue otherwise, and is never stolen.
 *
 * <p>Memory ordering: {@link #instance} is volatile (double-checked start); {@link #sleepers} and
 * {@link #nextHome} are atomics; the rest is final.
 */
public final class Schedulers {
    private static volatile Schedulers instance;

    private final VmConfig config;
    private final SchedulerData[] schedulers;
    final ProcessTable table = new ProcessTable();
    final SpareCarriers carriers = new SpareCarriers();
    /** Schedulers parked or about to park. */
    final AtomicInteger sleepers = new AtomicInteger();
    private final AtomicInteger nextHome = new AtomicInteger();
    /** Size of a thief's batch buffer: at most this many processes move in one steal. */
    private static final int MAX_STEAL = 64;

    private Schedulers(VmConfig config) {
        this.config = config;
        long now = System.nanoTime();
        this.schedulers = new SchedulerData[config.schedulers()];
        for (int i = 0; i < schedulers.length; i++) {
            schedulers[i] = new SchedulerData(i, this, now);
        }
    }

    /** The VM, starting its schedulers on first call. */
    public static Schedulers get() {
        Schedulers s = instance;
        if (s == null) {
            synchronized (Schedulers.class) {
                s = instance;
                if (s == null) {
                    s = new Schedulers(VmConfig.freeze());
                    for (SchedulerData d : s.schedulers) {
                        s.carriers.start(d);
                    }
                    instance = s;
                }
            }
        }
        return s;
    }

    /** The VM if it has started, else null (for queries that must not start it). */
    static Schedulers ifStarted() {
        return instance;
    }

    public VmConfig config() {
        return config;
    }

    int schedulerCount() {
        return schedulers.length;
    }

    /** Scheduler {@code id}, 1-based as Erlang numbers them; IllegalArgumentException outside 1..schedulers. */
    SchedulerData scheduler(int id) {
        if (id < 1 || id > schedulers.length) {
            throw new IllegalArgumentException("no scheduler " + id + ": they are 1.." + schedulers.length);
        }
        return schedulers[id - 1];
    }

    /**
     * {@code erlang:system_info(scheduler_id)}: the 1-based id of the scheduler whose loop the calling thread runs,
     * or 0 on a thread that runs none (a plain thread, or a carrier blocked by a pinned process).
     */
    public static int currentSchedulerId() {
        SchedulerData s = currentScheduler();
        return s == null ? 0 : s.index + 1;
    }

    // ---------------------------------------------------------------- placement

    /** The scheduler the calling carrier runs, or null on a plain thread or a detached carrier. */
    static SchedulerData currentScheduler() {
        Thread t = Thread.currentThread();
        return t instanceof CarrierThread ? ((CarrierThread) t).scheduler : null;
    }

    /** Where a new process starts: with its spawner, or round-robin. */
    SchedulerData homeForSpawn() {
        SchedulerData here = currentScheduler();
        if (here != null && here.all() == this) {
            return here;
        }
        return schedulers[Math.floorMod(nextHome.getAndIncrement(), schedulers.length)];
    }

    /**
     * A woken process (state already RUNNABLE, won by the caller's CAS) goes where it will run soonest: the caller's
     * runnext slot, unless it is bound to another scheduler (its {@code home}, fixed for a bound process).
     */
    void makeRunnable(ProcessControlBlock p) {
        SchedulerData here = currentScheduler();
        if (here != null && (!p.isBound() || p.home == here)) {
            here.makeRunnext(p);
        } else {
            SchedulerData home = p.home != null ? p.home : homeForSpawn();
            home.enqueue(p);
        }
    }

    /** Some scheduler has surplus work: wake one sleeping scheduler, which will steal. */
    void signalWork() {
        if (sleepers.get() == 0) {
            return;
        }
        int start = ThreadLocalRandom.current().nextInt(schedulers.length);
        for (int i = 0; i < schedulers.length; i++) {
            SchedulerData s = schedulers[(start + i) % schedulers.length];
            if (s.isSleeping()) {
                s.wakeUp();
                return;
            }
        }
    }

    // ---------------------------------------------------------------- work stealing (migration)

    /**
     * An idle scheduler takes half of the movable processes of a victim's highest priority that has any (bound ones
     * stay); returns one to run.
     */
    ProcessControlBlock stealFor(SchedulerData thief) {
        if (schedulers.length == 1) {
            return null;
        }
        int start = ThreadLocalRandom.current().nextInt(schedulers.length);
        for (int i = 0; i < schedulers.length; i++) {
            SchedulerData victim = schedulers[(start + i) % schedulers.length];
            if (victim == thief || victim.runQueue.stealable() == 0) {
                continue;
            }
            ProcessControlBlock[] batch = new ProcessControlBlock[MAX_STEAL];
            int n = victim.runQueue.stealHalfInto(batch);
            if (n == 0) {
                continue;
            }
            thief.steals++;
            thief.stolenProcesses += n;
            for (int k = 1; k < n; k++) {
                batch[k].home = thief;
                thief.runQueue.add(batch[k]);
            }
            return batch[0];
        }
        return null;
    }

    boolean anyStealable(SchedulerData thief) {
        for (SchedulerData s : schedulers) {
            if (s != thief && s.runQueue.stealable() > 0) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- pinned carriers

    /**
     * A process about to block its thread: if that thread is a carrier running a scheduler, hand the scheduler to a
     * spare first. Returns true if a hand-off happened (for pin reports).
     */
    boolean detachForBlocking() {
        Thread t = Thread.currentThread();
        if (t instanceof CarrierThread) {
            CarrierThread c = (CarrierThread) t;
            if (c.scheduler != null) {
                carriers.handOff(c);
                return true;
            }
        }
        return false;
    }

    /** On a detached carrier, the pinned process's slice ended: give the process back, then become a spare. */
    void afterDetachedSlice(ProcessControlBlock p, boolean ended) {
        try {
            if (ended) {
                exit(p);
                return;
            }
            SuspendReason why = p.fiber().takeSuspendReason();
            SchedulerData home = p.home;
            if (why == SuspendReason.RECEIVE || why == SuspendReason.SLEEP) {
                home.suspendWaiting(p);
            } else {
                p.setState(ProcessControlBlock.RUNNABLE);
                home.enqueue(p);
            }
        } finally {
            carriers.detachedSliceDone();
        }
    }

    // ---------------------------------------------------------------- exit

    /**
     * The process ended (its reason is set). By its owner, in Erlang's order: it stops being alive; its name is
     * released; its inbound queue closes, and what was left there is answered as dead letters (a LINK gets EXIT
     * noproc, a MONITOR DOWN noproc, a question "dead"); its receive or sleep timer and the send_after/start_timer
     * timers aimed at its pid are cancelled; its links get their EXIT and its watchers their DOWN; its memory is let
     * go; then the exit listeners hear of it.
     */
    void exit(ProcessControlBlock p) {
        if (!p.markExiting()) {
            return;
        }
        Registry.release(p);
        Pid pid = p.pid();
        for (MessageNode n = p.mailbox.close(); n != null; n = n.next) {
            if (n instanceof SignalNode) {
                ((SignalNode) n).deadLetter(pid);
            }
        }
        Receive.endWait(p); // its receive or sleep timer
        ErlangTimers.processExited(p);
        Relations r = p.relationsOrNull();
        if (r != null) {
            r.signalExit(pid, p.exitReason());
        }
        p.releaseState();
        p.fiber().discardFrames();
        table.remove(p);
        ProcessExits.notifyListeners(p, p.exitReason());
    }

    // ---------------------------------------------------------------- statistics

    /** Timers on the schedulers' wheels, cancelled ones the owners have not dropped yet included (read racily). */
    public long wheelTimers() {
        long n = 0;
        for (SchedulerData s : schedulers) {
            n += s.timers.timerCount();
        }
        return n;
    }

    public SchedulerStats stats() {
        long slices = 0, suspensions = 0, renewals = 0, inPlace = 0, steals = 0, stolen = 0, runnext = 0, parks = 0;
        int queued = 0;
        for (SchedulerData s : schedulers) {
            slices += s.slices;
            suspensions += s.suspensions;
            renewals += s.renewals;
            inPlace += s.renewalsInPlace;
            steals += s.steals;
            stolen += s.stolenProcesses;
            runnext += s.runnextHits;
            parks += s.parks;
            queued += s.runQueue.length();
        }
        return new SchedulerStats(schedulers.length, carriers.threads(), carriers.pinnedNow(),
                carriers.idleSpares(), carriers.handOffs(), slices, suspensions, renewals, inPlace, steals, stolen,
                runnext, parks, queued, table.size());
    }
}
