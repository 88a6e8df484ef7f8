package io.jbeam.scheduler;

import io.jbeam.term.Ref;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * {@code cancel_timer} races the timer firing. A {@code send_after} timer is started with {@link ErlangTimers#start}
 * (an infinite delay, so it stays off every wheel); one actor runs the action its wheel would run on expiry, the
 * other calls {@link ErlangTimers#cancel}. Both are the runtime's own code.
 *
 * <p>Result: r1 = cancel returned the time left (it cancelled); r2 = copies of the message in the receiver's queue
 * once both are done; r3 = 1 when cancel returned -1 before the message was in the queue; r4 = 1 when the timer is
 * still registered afterwards.
 */
@JCStressTest
@Description("Timer: cancel vs fire; exactly one wins: cancelled and no message, or fired and one message")
@Outcome(id = "1, 0, 0, 0", expect = ACCEPTABLE, desc = "Cancelled before it fired: no message.")
@Outcome(id = "0, 1, 0, 0", expect = ACCEPTABLE,
        desc = "Fired first: cancel returned -1 and found the message already queued.")
@Outcome(id = "0, 1, 1, 0", expect = FORBIDDEN,
        desc = "Fired first, but cancel returned -1 while the fire was still sending, so a flush right after the "
                + "cancel would miss the message. ErlangTimers promises the message is queued by then (stronger "
                + "than Erlang, which only promises it will arrive).")
@Outcome(id = "1, [1-9]\\d*, \\d+, \\d+", expect = FORBIDDEN,
        desc = "Both: cancel reported success, yet the message was sent.")
@Outcome(id = "0, 0, \\d+, \\d+", expect = FORBIDDEN,
        desc = "Neither: cancel said the timer had fired, yet no message ever came.")
@Outcome(id = "\\d+, [2-9]\\d*, \\d+, \\d+", expect = FORBIDDEN, desc = "The message was sent twice.")
@Outcome(id = "\\d+, \\d+, \\d+, 1", expect = FORBIDDEN,
        desc = "The timer stays registered after it was settled (a leak).")
@Outcome(expect = FORBIDDEN, desc = "Any other result breaks the timer protocol.")
public class TimerCancelFireRace {
    static final Object MESSAGE = "tick";

    @State
    public static class Armed {
        final ProcessControlBlock receiver = QuietVm.process(null);
        final Ref ref = ErlangTimers.start(Long.MAX_VALUE, receiver.pid(), MESSAGE, false);
        final Runnable expiry = QuietVm.timerExpiry(ref);
        /** The canceller's own view right after cancel returned -1: was the message queued yet? */
        boolean lostBeforeQueued;
    }

    @Actor
    public void wheel(Armed s) {
        s.expiry.run();
    }

    @Actor
    public void canceller(Armed s, IIII_Result r) {
        boolean cancelled = ErlangTimers.cancel(s.ref) >= 0;
        r.r1 = cancelled ? 1 : 0;
        if (!cancelled) {
            s.lostBeforeQueued = QuietVm.count(s.receiver.mailbox, MESSAGE) == 0;
        }
    }

    @Arbiter
    public void check(Armed s, IIII_Result r) {
        r.r2 = QuietVm.count(s.receiver.mailbox, MESSAGE);
        r.r3 = s.lostBeforeQueued ? 1 : 0;
        r.r4 = ErlangTimers.read(s.ref) != -1 || QuietVm.timerRegistered(s.ref) ? 1 : 0;
        QuietVm.settleTimerRequests();
        QuietVm.forget(s.receiver);
    }
}
