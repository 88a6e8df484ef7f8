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
 * A MONITOR races the target's exit, as {@link ExitLinkRace} races a LINK: the watcher has recorded its monitor
 * (as {@code monitor/2} does) and delivers the MONITOR; the target takes its last look and exits. The watcher gets
 * exactly one DOWN for the monitor: with the target's reason, or noproc.
 *
 * <p>Result: r1 = the MONITOR went into the target's queue; r2 = DOWN noproc signals for the monitor's ref;
 * r3 = DOWN signals with the target's own reason.
 */
@JCStressTest
@Description("Exit vs MONITOR: the watcher gets exactly one DOWN, noproc for a late MONITOR")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "The target recorded its watcher before exiting: DOWN with its reason.")
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
        desc = "The MONITOR was still in the queue when it closed: the exit path answered it with DOWN noproc.")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE,
        desc = "The queue had closed: the push failed and the MONITOR was answered at once with DOWN noproc.")
@Outcome(id = "\\d+, 0, 0", expect = FORBIDDEN,
        desc = "Lost MONITOR: no DOWN at all; whoever waits for it waits for ever.")
@Outcome(id = "\\d+, [1-9]\\d*, [1-9]\\d*", expect = FORBIDDEN,
        desc = "Two DOWNs for one monitor (noproc and the real reason): Erlang promises at most one.")
@Outcome(id = "\\d+, [2-9]\\d*, \\d+", expect = FORBIDDEN, desc = "DOWN noproc twice.")
@Outcome(expect = FORBIDDEN, desc = "Any other result breaks the exit protocol.")
public class ExitMonitorRace {
    @State
    public static class Pair {
        final ProcessControlBlock target = QuietVm.process(null);
        final ProcessControlBlock watcher = QuietVm.process(null);
        final Ref ref = Ref.make();

        public Pair() {
            watcher.relations().addMonitor(ref, new Relations.Monitor(target.pid(), target.pid()));
        }
    }

    @Actor
    public void watcher(Pair s, III_Result r) {
        r.r1 = SignalQueue.deliver(s.target.pid(), new MonitorSignal(s.watcher.pid(), s.ref)) ? 1 : 0;
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
        for (MessageNode n : QuietVm.inbound(s.watcher.mailbox)) {
            if (n instanceof DownSignal && ((DownSignal) n).ref.equals(s.ref)) {
                Object why = ((DownSignal) n).reason;
                if (LinkSignal.NOPROC.equals(why)) noproc++;
                else if (ExitSendRace.REASON.equals(why)) reason++;
            }
        }
        r.r2 = noproc;
        r.r3 = reason;
        QuietVm.forget(s.watcher);
    }
}
