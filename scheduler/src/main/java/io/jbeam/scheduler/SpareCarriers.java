package io.jbeam.scheduler;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The carrier threads, and the pool of spare ones. When a process must block its carrier (it is pinned: a frame
 * that cannot be captured lies on its stack), the carrier hands its scheduler to a spare, so the other processes of
 * that run queue keep running, as BEAM moves blocking work to dirty schedulers. Once the pinned process suspends or
 * ends, its thread gives it back to a run queue and joins the spares. Spares are created on demand and kept.
 *
 * <p>Memory ordering: {@link #idle} is a lock-free deque; counters are atomics; a hand-off writes the carrier's
 * volatile {@link CarrierThread#assignment} and unparks it.
 */
final class SpareCarriers {
    private final ThreadGroup group = new ThreadGroup("jbeam-carriers");
    private final ConcurrentLinkedDeque<CarrierThread> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger created = new AtomicInteger();
    /** Carriers currently detached with a pinned process (blocked or finishing its slice). */
    private final AtomicInteger pinned = new AtomicInteger();
    private final AtomicInteger handOffs = new AtomicInteger();

    /** Starts a new carrier that runs {@code scheduler}. */
    void start(SchedulerData scheduler) {
        CarrierThread c = newCarrier();
        c.assignment = scheduler;
        c.start();
    }

    /** The calling carrier gives its scheduler to a spare and detaches; its process will block. */
    void handOff(CarrierThread self) {
        SchedulerData s = self.scheduler;
        self.scheduler = null;
        // From here this thread is no longer the owner: its pinned process must reach the wheel and the run
        // queue's owner-only state through the request queue, even before the spare has taken the loop over.
        s.releaseOwnership();
        pinned.incrementAndGet();
        handOffs.incrementAndGet();
        CarrierThread spare = idle.pollFirst();
        if (spare == null) {
            start(s);
        } else {
            spare.assignment = s;
            LockSupport.unpark(spare);
        }
    }

    /** The calling carrier's pinned process is back on a run queue (or gone): it becomes a spare. */
    void detachedSliceDone() {
        pinned.decrementAndGet();
    }

    int threads() {
        return created.get();
    }

    int pinnedNow() {
        return pinned.get();
    }

    int idleSpares() {
        return idle.size();
    }

    int handOffs() {
        return handOffs.get();
    }

    private CarrierThread newCarrier() {
        int n = created.incrementAndGet();
        Fiber idleFiber = new Fiber(null, true, BudgetPolicy.fixed(Integer.MAX_VALUE));
        return new CarrierThread(group, this::carrierLoop, "jbeam-carrier-" + n, idleFiber);
    }

    /** Every carrier's body: run the assigned scheduler until detached, then wait as a spare for the next one. */
    private void carrierLoop() {
        CarrierThread self = (CarrierThread) Thread.currentThread();
        while (true) {
            SchedulerData s = self.assignment;
            if (s == null) {
                LockSupport.park(this);
                continue;
            }
            self.assignment = null;
            self.scheduler = s;
            s.run(self);
            // Detached: our process has been given back. Wait as a spare.
            idle.addFirst(self);
        }
    }
}
