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
 * A LINK races the target's exit. The linker has made its side active (as {@code link/1} does) and delivers the
 * LINK with {@link SignalQueue#deliver}; the target takes its last look at its queue and exits through
 * {@link Schedulers#exit}. However they interleave, the linker hears exactly once that the target is gone: an EXIT
 * with the target's reason (the target took the link, and its exit signalled it), or an EXIT noproc (the LINK was
 * answered as a dead letter: left in the queue at closing, or refused by the closed queue).
 *
 * <p>Result: r1 = the LINK went into the target's queue; r2 = EXIT noproc signals the linker got; r3 = EXIT signals
 * with the target's own reason. The arbiter counts the signals in the linker's inbound queue, before any link state
 * could drop a second one.
 */
@JCStressTest
@Description("Exit vs LINK: the linker gets exactly one EXIT, noproc for a late LINK")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "The target took the link before exiting: EXIT with its reason.")
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
        desc = "The LINK was still in the queue when it closed: the exit path answered it with EXIT noproc.")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE,
        desc = "The queue had closed: the push failed and the LINK was answered at once with EXIT noproc.")
@Outcome(id = "\\d+, 0, 0", expect = FORBIDDEN,
        desc = "Lost LINK: no EXIT at all, so the linker believes it is linked to a dead process for ever.")
@Outcome(id = "\\d+, [1-9]\\d*, [1-9]\\d*", expect = FORBIDDEN,
        desc = "Answered twice (noproc and the real reason): the LINK was both handled and dead-lettered.")
@Outcome(id = "\\d+, [2-9]\\d*, \\d+", expect = FORBIDDEN, desc = "Answered with noproc twice.")
@Outcome(expect = FORBIDDEN, desc = "Any other result breaks the exit protocol.")
public class ExitLinkRace {
    @State
    public static class Pair {
        final ProcessControlBlock target = QuietVm.process(null);
        final ProcessControlBlock linker = QuietVm.process(null);

        public Pair() {
            linker.relations().addLink(target.pid());
        }
    }

    @Actor
    public void linker(Pair s, III_Result r) {
        r.r1 = SignalQueue.deliver(s.target.pid(), new LinkSignal(s.linker.pid())) ? 1 : 0;
    }

    @Actor
    public void target(Pair s) {
        ProcessControlBlock t = s.target;
        t.mailbox.drainInbound(t);
        t.setExitReason(ExitSendRace.REASON);
        QuietVm.VM.exit(t);
    }

    @Arbiter
    public void check(Pair s, III_Result r) {
        int noproc = 0, reason = 0;
        for (MessageNode n : QuietVm.inbound(s.linker.mailbox)) {
            if (n instanceof ExitSignal && ((ExitSignal) n).from.equals(s.target.pid())) {
                Object why = ((ExitSignal) n).reason;
                if (LinkSignal.NOPROC.equals(why)) noproc++;
                else if (ExitSendRace.REASON.equals(why)) reason++;
            }
        }
        r.r2 = noproc;
        r.r3 = reason;
        QuietVm.forget(s.linker);
    }
}
