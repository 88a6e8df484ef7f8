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
 * The lost wake-up race. A process has unwound in a receive (RUNNING, waiting for a message, no timeout); its
 * scheduler now runs {@link SchedulerData#suspendWaiting}: it publishes WAITING and re-checks the inbound queue. At
 * the same time a sender runs {@link Processes#send}: it pushes the message and calls
 * {@link ProcessControlBlock#wakeForMessage}. Both are the runtime's own code; a process made runnable goes through
 * the real {@code makeRunnable} onto its home's run queue, where the arbiter counts it.
 *
 * <p>Result: r1 = times the process was queued; r2 = its state at the end (0 RUNNABLE, 2 WAITING); r3 = 1 when the
 * message is still in its inbound queue.
 */
@JCStressTest
@Description("Wake-up: a send races the receiver publishing WAITING and re-checking its queue")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE,
        desc = "Woken exactly once: either the sender saw WAITING and won the CAS, or the receiver's re-check saw "
                + "the message and won it.")
@Outcome(id = "0, 2, 1", expect = FORBIDDEN,
        desc = "Lost wake-up: the sender read the state before WAITING was published, the receiver re-checked "
                + "before the push was visible; the process waits for ever with a message queued.")
@Outcome(id = "2, \\d+, \\d+", expect = FORBIDDEN,
        desc = "Scheduled twice: both the sender and the receiver's re-check queued the process, so two carriers "
                + "could run its one fiber at once.")
@Outcome(expect = FORBIDDEN, desc = "Any other result breaks the wake-up protocol (message gone, or state lost).")
public class WakeUpRace {
    static final Object MESSAGE = "hello";

    @State
    public static class Receiver {
        final SchedulerData home = QuietVm.homeWithoutTimers();
        final ProcessControlBlock p = QuietVm.process(home);

        public Receiver() {
            p.waitingForMessage = true; // the receive leaf set it before it unwound
        }
    }

    @Actor
    public void scheduler(Receiver s) {
        s.home.suspendWaiting(s.p);
    }

    @Actor
    public void sender(Receiver s) {
        Processes.send(s.p.pid(), MESSAGE);
    }

    @Arbiter
    public void check(Receiver s, III_Result r) {
        r.r1 = QuietVm.timesQueued(s.home, s.p);
        r.r2 = s.p.state();
        r.r3 = s.p.mailbox.hasInbound() ? 1 : 0;
        QuietVm.forget(s.p);
    }
}
