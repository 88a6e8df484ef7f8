package io.jbeam.scheduler;

import io.jbeam.term.Ref;
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
 * {@link WakeUpRace} for a control signal to a sleeping process: the process waits without wanting a message
 * ({@code sleep}: {@code waitingForMessage} false), so only a signal may wake it. The sender runs
 * {@link SignalQueue#tryDeliver} (count, push, {@link ProcessControlBlock#wakeForSignal}); the scheduler's re-check
 * in {@link SchedulerData#suspendWaiting} looks at the pending-signal count.
 *
 * <p>Result: r1 = times the process was queued; r2 = its state at the end (0 RUNNABLE, 2 WAITING); r3 = signals
 * pending.
 */
@JCStressTest
@Description("Wake-up: a signal races a sleeping receiver publishing WAITING and re-checking its signal count")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "Woken exactly once, by the sender or by the re-check.")
@Outcome(id = "0, 2, 1", expect = FORBIDDEN,
        desc = "Lost wake-up: the sleeper stays WAITING with a signal (it may be a kill) it will never act on.")
@Outcome(id = "2, \\d+, \\d+", expect = FORBIDDEN, desc = "Scheduled twice: two carriers could run one fiber.")
@Outcome(expect = FORBIDDEN, desc = "Any other result breaks the wake-up protocol.")
public class WakeUpSignalRace {
    @State
    public static class Sleeper {
        final SchedulerData home = QuietVm.homeWithoutTimers();
        final ProcessControlBlock p = QuietVm.process(home);
        final Ref ref = Ref.make();
    }

    @Actor
    public void scheduler(Sleeper s) {
        s.home.suspendWaiting(s.p);
    }

    @Actor
    public void sender(Sleeper s) {
        SignalQueue.tryDeliver(s.p.pid(), new DemonitorSignal(s.ref));
    }

    @Arbiter
    public void check(Sleeper s, III_Result r) {
        r.r1 = QuietVm.timesQueued(s.home, s.p);
        r.r2 = s.p.state();
        r.r3 = s.p.mailbox.signalsPending() ? 1 : 0;
        QuietVm.forget(s.p);
    }
}
