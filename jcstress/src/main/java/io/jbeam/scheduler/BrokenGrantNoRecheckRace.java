package io.jbeam.scheduler;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * DELIBERATELY BROKEN: proves that {@link GrantEnqueueRace} can fail. The owner checks the run queue, then offers the
 * grant, and does not check again; the enqueuer is the real {@link SchedulerData#enqueue}. jcstress must report the
 * FORBIDDEN "1, 1, 1": the enqueuer found no granted fiber to withdraw from before the offer was published. Excluded
 * from the normal runs (their test filter skips {@code Broken*}); see README.md.
 */
@JCStressTest
@Description("BROKEN ON PURPOSE: the grant offered without a check after it; must show it beside a queued process")
@Outcome(id = "0, 1, \\d", expect = ACCEPTABLE, desc = "Not granted, or withdrawn by the enqueuer.")
@Outcome(id = "1, 1, 1", expect = FORBIDDEN, desc = "Granted with a process in the queue.")
@Outcome(expect = FORBIDDEN, desc = "Any other result breaks the grant protocol.")
public class BrokenGrantNoRecheckRace {
    @Actor
    public void owner(GrantEnqueueRace.Scheduler s) {
        QuietVm.own(s.home);
        QuietVm.offerGrantWithoutRecheck(s.home, s.running);
    }

    @Actor
    public void waker(GrantEnqueueRace.Scheduler s) {
        s.home.enqueue(s.queued);
    }

    @Arbiter
    public void check(GrantEnqueueRace.Scheduler s, III_Result r) {
        GrantEnqueueRace.observe(s, r);
    }
}
