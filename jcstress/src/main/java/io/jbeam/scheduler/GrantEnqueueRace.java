package io.jbeam.scheduler;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Renewal in place: the scheduler grants its running process renewals ({@link SchedulerData#offerGrant}: offer, then
 * check that nothing else could run, withdraw if something could) while another thread queues a process there
 * ({@link SchedulerData#enqueue}: add, then withdraw the running process's grant). Both are the runtime's own code;
 * the first actor owns the scheduler, as the carrier running the process would.
 *
 * <p>Result: r1 = 1 when the running process still holds a grant at the end; r2 = times the other process was
 * queued; r3 = 1 when the grant was offered at some point.
 */
@JCStressTest
@Description("Grant: a process queued on the scheduler races the running process being granted renewals in place")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "The owner saw the queued process before it offered anything.")
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE,
        desc = "Offered, then withdrawn: by the owner's check after the offer, or by the enqueuer after it queued.")
@Outcome(id = "1, 1, 1", expect = FORBIDDEN,
        desc = "Granted with a process in the queue: the running process renews in place for ever, and the queued "
                + "one never runs on this scheduler.")
@Outcome(expect = FORBIDDEN, desc = "Any other result breaks the grant protocol (a process lost or queued twice).")
public class GrantEnqueueRace {
    @State
    public static class Scheduler {
        final SchedulerData home = QuietVm.homeWithIdleWheel();
        final ProcessControlBlock running = QuietVm.unregistered(home);
        final ProcessControlBlock queued = QuietVm.unregistered(home);
    }

    @Actor
    public void owner(Scheduler s) {
        QuietVm.own(s.home);
        s.home.offerGrant(s.running);
    }

    @Actor
    public void waker(Scheduler s) {
        s.home.enqueue(s.queued);
    }

    @Arbiter
    public void check(Scheduler s, III_Result r) {
        observe(s, r);
    }

    /** The arbiter's reading, shared with {@link BrokenGrantNoRecheckRace}. */
    static void observe(Scheduler s, III_Result r) {
        r.r1 = s.running.fiber().hasGrant() ? 1 : 0;
        r.r2 = QuietVm.timesQueued(s.home, s.queued);
        r.r3 = QuietVm.wasOffered(s.home, s.running);
    }
}
