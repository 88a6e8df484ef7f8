package io.jbeam.scheduler;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import io.jbeam.term.Ref;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * {@link GrantEnqueueRace} for a signal to the running process: the sender runs {@link SignalQueue#tryDeliver}
 * (count, withdraw the receiver's grant, push); the owner's check after its offer looks at the pending-signal count.
 *
 * <p>Result: r1 = 1 when the process still holds a grant at the end; r2 = 1 when the signal is pending; r3 = 1 when
 * the grant was offered at some point.
 */
@JCStressTest
@Description("Grant: a signal to the running process races its scheduler granting it renewals in place")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "The owner saw the signal before it offered anything.")
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "Offered, then withdrawn by the owner's check or the sender.")
@Outcome(id = "1, 1, 1", expect = FORBIDDEN,
        desc = "Granted with a signal pending: a busy process renews in place and never acts on it (a kill ignored).")
@Outcome(expect = FORBIDDEN, desc = "Any other result breaks the grant protocol (the signal lost).")
public class GrantSignalRace {
    @State
    public static class Scheduler {
        final SchedulerData home = QuietVm.homeWithIdleWheel();
        final ProcessControlBlock p = QuietVm.process(home);
        final Ref ref = Ref.make();
    }

    @Actor
    public void owner(Scheduler s) {
        QuietVm.own(s.home);
        s.home.offerGrant(s.p);
    }

    @Actor
    public void sender(Scheduler s) {
        SignalQueue.tryDeliver(s.p.pid(), new DemonitorSignal(s.ref));
    }

    @Arbiter
    public void check(Scheduler s, III_Result r) {
        r.r1 = s.p.fiber().hasGrant() ? 1 : 0;
        r.r2 = s.p.mailbox.signalsPending() ? 1 : 0;
        r.r3 = QuietVm.wasOffered(s.home, s.p);
        QuietVm.forget(s.p);
    }
}
