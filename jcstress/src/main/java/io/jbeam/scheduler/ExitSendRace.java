package io.jbeam.scheduler;

import io.jbeam.term.Atom;
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
 * A send races the receiver's exit. The receiver's owner takes its last look at the mailbox (drain, take) and then
 * exits through the real {@link Schedulers#exit} (EXITING, name released, inbound queue closed, table entry
 * dropped); a sender runs {@link Processes#send} meanwhile.
 *
 * <p>Result: r1 = send reported delivery; r2 = the owner received the message before exiting; r3 = the message
 * could still be taken after the exit (drain and take on the closed mailbox, or a second send accepted).
 */
@JCStressTest
@Description("Exit vs send: the message is received before the exit or dropped, never observable after it")
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "Delivered and received before the exit.")
@Outcome(id = "1, 0, 0", expect = ACCEPTABLE,
        desc = "Pushed after the owner's last look, before the queue closed: dropped by the exit, as a message "
                + "to a process that dies is.")
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "The process had exited: the send dropped the message.")
@Outcome(id = "0, 1, \\d+", expect = FORBIDDEN,
        desc = "The send reported a dead receiver, yet the receiver got the message.")
@Outcome(id = "\\d+, \\d+, 1", expect = FORBIDDEN,
        desc = "Observed after the exit: the closed queue accepted a push or still handed out a message, so a dead "
                + "process's mailbox holds (and leaks) messages.")
@Outcome(expect = FORBIDDEN, desc = "Any other result breaks the exit protocol.")
public class ExitSendRace {
    static final Object MESSAGE = "hello";
    static final Atom REASON = Atom.of("done");

    @State
    public static class Target {
        final ProcessControlBlock p = QuietVm.process(null);
        int received;
    }

    @Actor
    public void sender(Target s, III_Result r) {
        r.r1 = Processes.send(s.p.pid(), MESSAGE) ? 1 : 0;
    }

    @Actor
    public void owner(Target s) {
        ProcessControlBlock p = s.p;
        p.mailbox.drainInbound(p);
        p.mailbox.startScan();
        s.received = p.mailbox.take(null) == MESSAGE ? 1 : 0;
        p.setExitReason(REASON);
        QuietVm.VM.exit(p);
    }

    @Arbiter
    public void check(Target s, III_Result r) {
        ProcessControlBlock p = s.p;
        r.r2 = s.received;
        boolean afterExit = p.mailbox.hasInbound();
        p.mailbox.drainInbound(p);
        p.mailbox.startScan();
        afterExit |= p.mailbox.take(null) != Mailbox.NO_MATCH;
        afterExit |= p.mailbox.push("late");
        afterExit |= Processes.lookup(p.pid()) != null;
        r.r3 = afterExit ? 1 : 0;
        QuietVm.forget(p);
    }
}
