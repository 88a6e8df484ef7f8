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
 * {@link MailboxProducersRace} on two threads, so that it also runs where only two CPUs are available: a sender
 * pushes three messages while the owner, a process that also sends to itself, pushes two and drains after each. The
 * two producers race on the push CAS, and each drain takes the whole stack from under the other sender.
 *
 * <p>Result: r1 = messages the owner took during the race; r2 = distinct messages taken in all (5 sent);
 * r3 = duplicates plus pairs from one sender taken out of send order.
 */
@JCStressTest
@Description("Mailbox: a producer pushes while the owner pushes to itself and drains; nothing lost, duplicated or reordered")
@Outcome(id = {"2, 5, 0", "3, 5, 0", "4, 5, 0", "5, 5, 0"}, expect = ACCEPTABLE,
        desc = "Every message taken once, each sender's in send order; r1 is how many the owner took during the race "
                + "(its own two, and what the sender had pushed by then).")
@Outcome(id = "[01], 5, 0", expect = FORBIDDEN,
        desc = "The owner's drains missed a message it had pushed itself before them (program order lost).")
@Outcome(id = "\\d+, [0-4], 0", expect = FORBIDDEN,
        desc = "Lost message: a successful push never reached the private queue.")
@Outcome(id = "\\d+, \\d+, [1-9]\\d*", expect = FORBIDDEN,
        desc = "A message taken twice, or two messages from one sender taken out of send order.")
@Outcome(expect = FORBIDDEN, desc = "Any other result is a broken mailbox.")
public class MailboxProducerDrainRace {
    @State
    public static class Box {
        final Mailbox mailbox = new Mailbox();
        /** Messages in the order taken: 1..3 from the sender, 11..12 from the owner itself. */
        final int[] taken = new int[16];
        int count;
        int duringRace;

        void drainAndTake() {
            mailbox.drainInbound(null);
            mailbox.startScan();
            for (Object m; (m = mailbox.take(null)) != Mailbox.NO_MATCH; ) {
                if (count < taken.length) taken[count] = (Integer) m;
                count++;
            }
        }
    }

    @Actor
    public void sender(Box b) {
        b.mailbox.push(1);
        b.mailbox.push(2);
        b.mailbox.push(3);
    }

    @Actor
    public void owner(Box b) {
        b.mailbox.push(11);
        b.drainAndTake();
        b.mailbox.push(12);
        b.drainAndTake();
        b.duringRace = b.count;
    }

    @Arbiter
    public void check(Box b, III_Result r) {
        b.drainAndTake();
        int n = Math.min(b.count, b.taken.length);
        boolean[] seen = new boolean[16];
        int distinct = 0, bad = b.count - n, lastSender = 0, lastOwner = 10;
        for (int i = 0; i < n; i++) {
            int m = b.taken[i];
            if (seen[m]) bad++; else { seen[m] = true; distinct++; }
            if (m < 10) {
                if (m < lastSender) bad++;
                lastSender = Math.max(lastSender, m);
            } else {
                if (m < lastOwner) bad++;
                lastOwner = Math.max(lastOwner, m);
            }
        }
        r.r1 = b.duringRace;
        r.r2 = distinct;
        r.r3 = bad;
    }
}
