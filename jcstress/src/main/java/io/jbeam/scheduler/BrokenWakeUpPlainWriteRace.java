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
 * DELIBERATELY BROKEN: proves that {@link WakeUpRace} catches a double schedule. The scheduler side re-checks the
 * queue after WAITING, as {@link SchedulerData#suspendWaiting} does, but takes the process back with a plain write
 * instead of the CAS from WAITING, so it and the real {@link Processes#send} can both queue it. jcstress must report
 * the FORBIDDEN "2, 0, 1". Excluded from the normal runs; see README.md.
 */
@JCStressTest
@Description("BROKEN ON PURPOSE: re-check without the CAS; must show the double schedule")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "Woken exactly once.")
@Outcome(id = "0, 2, 1", expect = FORBIDDEN, desc = "Lost wake-up.")
@Outcome(id = "2, \\d+, \\d+", expect = FORBIDDEN,
        desc = "Scheduled twice: the sender won its CAS from WAITING and the re-check wrote RUNNABLE regardless.")
@Outcome(expect = FORBIDDEN, desc = "Any other result breaks the wake-up protocol.")
public class BrokenWakeUpPlainWriteRace {
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
        ProcessControlBlock p = s.p;
        p.setState(ProcessControlBlock.WAITING);
        if (p.mailbox.hasInbound()) {
            p.setState(ProcessControlBlock.RUNNABLE); // should be casState(WAITING, RUNNABLE)
            s.home.enqueue(p);
        }
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
