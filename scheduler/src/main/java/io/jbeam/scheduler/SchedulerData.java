package io.jbeam.scheduler;

import java.util.concurrent.locks.LockSupport;

/**
 * One scheduler: its run queue, its runnext slot, its timer wheel, and the loop that runs processes from them.
 *
 * <p>The loop runs on one carrier thread at a time, its <em>owner</em>. When a process pins its carrier in a
 * blocking call, the scheduler is handed to a spare carrier (see {@link SpareCarriers}), which becomes the owner; the
 * pinned thread, once its process suspends or ends, gives the process back to a run queue and becomes a spare.
 *
 * <p>Memory ordering: {@link #owner}, {@link #sleeping} and {@link #granted} are volatile (wakers read them);
 * {@link #runnext}, {@link #inheritedBudget} and the timer wheel are plain, owner-only (a hand-off passes them with a
 * happens-before edge through {@link CarrierThread}'s volatile assignment); statistics are plain counters written by
 * the owner and read racily.
 */
public final class SchedulerData {
    /** A runnext hop is charged at least this, so a ping-pong pair gives way to the queue within a slice or so. */
    static final int RUNNEXT_HOP_COST = 100;
    /** How often (in picks) an idle check of the other queues happens while spinning. */
    private static final int SPIN_STEAL_PERIOD = 64;

    final int index;
    final RunQueue runQueue = new RunQueue();
    final TimerWheel timers;
    private final Schedulers all;

    /** Volatile: the carrier running this scheduler's loop. */
    private volatile Thread owner;
    /** Volatile: true while the owner is parked (or about to); wakers unpark it. */
    private volatile boolean sleeping;
    /**
     * Volatile: the fiber last granted renewals in place here ({@link #offerGrant}), or null. Whoever gives this
     * scheduler something else to run withdraws its grant; once that process has moved on, the fiber is stale and a
     * withdrawal costs it at most one trip through the slow path.
     */
    private volatile Fiber granted;

    /** Plain, owner only: a just-woken receiver that runs next, inheriting the rest of the waker's slice. */
    private ProcessControlBlock runnext;
    /** Plain, owner only: the reductions the runnext process may use (what the last slice left). */
    private int inheritedBudget;

    // Statistics: plain, owner-written, read racily.
    long slices;
    long suspensions;
    /** Slices renewed in place: the budget ran out with nothing else to run (see {@link #hasNothingElseToRun}). */
    long renewals;
    /** Of {@link #renewals}, those taken from a grant ({@link #offerGrant}) without asking. */
    long renewalsInPlace;
    long steals;
    long stolenProcesses;
    long runnextHits;
    long parks;

    SchedulerData(int index, Schedulers all, long now) {
        this.index = index;
        this.all = all;
        this.timers = new TimerWheel(now);
    }

    /**
     * Called by the owner as it hands the scheduler to a spare: no thread owns it until the spare's loop starts, so
     * every timer arm or cancel meanwhile goes through the request queue. Volatile write.
     */
    void releaseOwnership() {
        owner = null;
        dropGrant(); // the pinned process this thread runs is no longer this scheduler's to renew
    }

    /** The loop. Returns when this thread lost the scheduler to a spare (its process pinned it). */
    void run(CarrierThread self) {
        owner = self;
        while (true) {
            pollTimers();
            ProcessControlBlock p = takeRunnext();
            int budget = -1;
            if (p != null) {
                budget = inheritedBudget;
                runnextHits++;
            } else {
                p = runQueue.poll();
                if (p == null) p = all.stealFor(this);
                if (p == null) {
                    idle();
                    continue;
                }
            }
            if (!execute(self, p, budget)) {
                return;
            }
        }
    }

    /** Runs one slice of p; false when this thread was detached from the scheduler during it. */
    private boolean execute(CarrierThread self, ProcessControlBlock p, int inherited) {
        p.setState(ProcessControlBlock.RUNNING);
        p.home = this;
        Fiber f = p.fiber();
        int budget = inherited > 0 ? Math.min(inherited, f.nextSlice()) : f.nextSlice();
        // A process woken into runnext is most likely one hop of a message exchange, done long before its budget
        // is: granting it ahead would cost each hop a fence. If it does run long, its first spent budget asks
        // (renewSliceAlone), and the grant comes then.
        boolean ended = p.runSlice(budget, inherited <= 0);
        if (self.scheduler != this) {
            all.afterDetachedSlice(p, ended);
            return false;
        }
        slices++;
        int inPlace = f.takeRenewalsInPlace();
        renewals += inPlace;
        renewalsInPlace += inPlace;
        if (ended) {
            inheritedBudget = p.sliceLeft() - RUNNEXT_HOP_COST;
            all.exit(p);
            return true;
        }
        SuspendReason why = f.takeSuspendReason();
        suspensions++;
        if (why == SuspendReason.RECEIVE || why == SuspendReason.SLEEP) {
            inheritedBudget = p.sliceLeft() - RUNNEXT_HOP_COST;
            suspendWaiting(p);
        } else {
            inheritedBudget = 0; // preempted or yielded: whoever is in runnext waits its turn in the queue
            p.setState(ProcessControlBlock.RUNNABLE);
            enqueue(p);
        }
        return true;
    }

    /**
     * The process unwound in a receive or sleep: arm its timer, then let it wait, then re-check what may have arrived
     * while it unwound (no lost wake-up: a sender that pushed before our WAITING write is seen here; one that pushes
     * after sees WAITING).
     */
    void suspendWaiting(ProcessControlBlock p) {
        if (p.deadline != ProcessControlBlock.NO_DEADLINE && (p.timer == null || p.timer.fired)) {
            ProcessTimer t = new ProcessTimer(this, p.deadline, () -> timerFired(p));
            p.timer = t;
            armTimer(t);
        }
        ProcessTimer armed = p.timer; // read before WAITING: once it waits, an inspector may own p and clear it
        p.setState(ProcessControlBlock.WAITING);
        if (((p.waitingForMessage && p.mailbox.hasInbound()) || p.mailbox.signalsPending()) && p.wakeForSignal()) {
            all.makeRunnable(p);
        } else if (armed != null && armed.fired && p.wakeForTimeout()) {
            // Armed through the request queue (from a detached carrier), it may have fired before WAITING.
            all.makeRunnable(p);
        }
    }

    /** A timer of this wheel fired, on its owner: queue the process here if it still waits. */
    private void timerFired(ProcessControlBlock p) {
        if (p.wakeForTimeout()) {
            enqueue(p);
        }
    }

    // ---------------------------------------------------------------- run queue and runnext

    /** Any thread: queues a runnable process here and makes sure someone will run it. */
    void enqueue(ProcessControlBlock p) {
        runQueue.add(p);
        if (Thread.currentThread() == owner) {
            dropGrant();
            // More than we take next, and some of it may move: an idle scheduler may steal.
            if (runQueue.length() > 1 && runQueue.stealable() > 0) all.signalWork();
        } else {
            withdrawGrant();
            wakeUp();
        }
    }

    /** Owner: the process runs next, in what is left of the current slice; a displaced one goes to the queue. */
    void makeRunnext(ProcessControlBlock p) {
        ProcessControlBlock displaced = runnext;
        runnext = p;
        dropGrant();
        if (displaced != null) {
            enqueue(displaced);
        }
    }

    /** Owner: the runnext process, if it may run now: its inherited budget is left and nothing outranks it. */
    private ProcessControlBlock takeRunnext() {
        ProcessControlBlock p = runnext;
        if (p == null) {
            return null;
        }
        runnext = null;
        if (inheritedBudget > 0 && (runQueue.length() == 0 || !outranked(p))) {
            return p;
        }
        runQueue.add(p);
        return null;
    }

    private boolean outranked(ProcessControlBlock p) {
        Priority top = runQueue.highestQueued();
        return top != null && top.ordinal() < p.priority().ordinal();
    }

    /**
     * From inside a slice whose budget ran out: true when, were the running process scheduled out now, this loop
     * would pick it again at once. That holds when this thread owns the scheduler, no timer is due (they are polled
     * here, as the loop would: what one wakes goes to the run queue or runnext), and the run queue and runnext are
     * empty. The loop would not steal either: the preempted process would be in its own queue.
     */
    boolean hasNothingElseToRun() {
        if (!isOwnedByCurrentThread()) {
            return false;
        }
        pollTimers();
        return nothingQueued();
    }

    /** Owner: runnext and the run queue are empty. */
    private boolean nothingQueued() {
        return runnext == null && runQueue.length() == 0;
    }

    // ---------------------------------------------------------------- renewal in place

    /**
     * Owner, at the start of p's slice (unless it came through runnext) or when p renewed its slice alone: lets p's
     * fiber renew its budget in place, without asking again ({@link Fiber#charge}), while nothing else could run here.
     * Unlike {@link #hasNothingElseToRun} this wants no timer armed at all: nothing polls the wheel while a slice
     * renews in place. The grant is offered (two volatile writes: {@link #granted}, when it changes, and the grant)
     * before the checks, and withdrawn if they fail; whatever gives this scheduler something to run makes it visible
     * (a volatile write) before it reads {@link #granted} and withdraws: one of the two sees the other. A signal's
     * sender withdraws from the receiver's fiber directly, after its count (see {@link Fiber}).
     */
    void offerGrant(ProcessControlBlock p) {
        Fiber f = p.fiber();
        int g = f.grantable();
        if (g <= 0 || !quietFor(p)) {
            return; // cheaply, and without a volatile write: the common case of a busy scheduler
        }
        if (granted != f) {
            granted = f;
        }
        f.offerGrant(g);
        if (!quietFor(p)) {
            f.dropGrant();
        }
    }

    /** Owner: nothing but p could run here without this loop's help: no process, timer or request waits, no signal. */
    private boolean quietFor(ProcessControlBlock p) {
        return isOwnedByCurrentThread() && nothingQueued() && timers.timerCount() == 0 && !timers.hasRequests()
                && !p.signalsToActOn();
    }

    /** Another thread, after making work visible here: the running process may no longer renew its slice in place. */
    private void withdrawGrant() {
        Fiber f = granted;
        if (f != null) {
            f.withdrawGrant();
        }
    }

    /**
     * Owner: as {@link #withdrawGrant}, without a fence: only this thread reads the grant of the fiber it runs. Between
     * slices the fiber may be stale, its process running elsewhere now: a spurious withdrawal, one trip through the
     * slow path for it.
     */
    private void dropGrant() {
        Fiber f = granted;
        if (f != null) {
            f.dropGrant();
        }
    }

    // ---------------------------------------------------------------- timers

    /** Any thread: arms the timer on this scheduler's wheel (directly when the caller owns it). */
    void armTimer(ProcessTimer t) {
        if (Thread.currentThread() == owner) {
            timers.arm(t);
            dropGrant();
        } else {
            timers.requestArm(t);
            withdrawGrant();
            wakeUp();
        }
    }

    /**
     * Any thread: cancels a timer of this wheel; through the request queue when not the owner, waking the owner if
     * it sleeps (else it would keep the entry, and what its action holds, until its next deadline).
     */
    void cancelTimer(ProcessTimer t) {
        if (Thread.currentThread() == owner) {
            timers.cancel(t);
        } else {
            timers.requestCancel(t);
            wakeUp();
        }
    }

    private void pollTimers() {
        if (timers.timerCount() > 0 || timers.hasRequests()) {
            timers.poll(System.nanoTime());
        }
    }

    // ---------------------------------------------------------------- idling

    private boolean hasWork() {
        return !nothingQueued() || timers.hasRequests();
    }

    /** Spin a little (a message may be on its way), then park until woken or the next timer is due. */
    private void idle() {
        int spin = all.config().spin();
        for (int i = 0; i < spin; i++) {
            if (hasWork() || (i % SPIN_STEAL_PERIOD == 0 && all.anyStealable(this))) {
                return;
            }
            Thread.onSpinWait();
        }
        long wait = timers.nanosUntilNext(System.nanoTime());
        if (wait == 0) {
            return;
        }
        sleeping = true;
        all.sleepers.incrementAndGet();
        try {
            if (hasWork() || all.anyStealable(this)) {
                return;
            }
            parks++;
            if (wait == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, wait);
            }
        } finally {
            sleeping = false;
            all.sleepers.decrementAndGet();
        }
    }

    /** Any thread: unparks the owner if it sleeps. */
    void wakeUp() {
        if (sleeping) {
            LockSupport.unpark(owner);
        }
    }

    boolean isSleeping() {
        return sleeping;
    }

    Schedulers all() {
        return all;
    }

    boolean isOwnedByCurrentThread() {
        return Thread.currentThread() == owner;
    }
}
