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
 * DELIBERATELY BROKEN: proves that {@link WakeUpRace} can fail. The scheduler side publishes WAITING and stops
 * there, without {@link SchedulerData#suspendWaiting}'s re-check of the inbound queue; the sender side is the real
 * {@link Processes#send}. jcstress must report the FORBIDDEN lost wake-up "0, 2, 1". Excluded from the normal runs
 * (their test filter skips {@code Broken*}); see README.md.
 */
@JCStressTest
@Description("BROKEN ON PURPOSE: WAITING without the re-check; must show the lost wake-up")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "The sender saw WAITING and woke the receiver.")
@Outcome(id = "0, 2, 1", expect = FORBIDDEN,
        desc = "Lost wake-up: the sender read RUNNING before WAITING was published and nobody re-checked the queue.")
@Outcome(id = "2, \\d+, \\d+", expect = FORBIDDEN, desc = "Scheduled twice.")
@Outcome(expect = FORBIDDEN, desc = "Any other result breaks the wake-up protocol.")
public class BrokenWakeUpNoRecheckRace {
    @State
    public static class Receiver {
        final SchedulerData home = QuietVm.homeWithoutTimers();
        final ProcessControlBlock p = QuietVm.process(home);

        public Receiver() {
            p.waitingForMessage = true;
        }
    }

    @Actor
    public void scheduler(Receiver s) {
        s.p.setState(ProcessControlBlock.WAITING); // the re-check that follows in suspendWaiting is missing
    }

    @Actor
    public void sender(Receiver s) {
        Processes.send(s.p.pid(), WakeUpRace.MESSAGE);
    }

    @Arbiter
    public void check(Receiver s, III_Result r) {
        r.r1 = QuietVm.timesQueued(s.home, s.p);
        r.r2 = s.p.state();
        r.r3 = s.p.mailbox.hasInbound() ? 1 : 0;
        QuietVm.forget(s.p);
    }
}
