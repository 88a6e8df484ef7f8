package io.jbeam.scheduler;

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
 * Two senders push onto one {@link Mailbox}'s inbound stack while its owner drains it into the private queue and
 * takes from there. The owner drains twice during the race; the arbiter drains what is left.
 *
 * <p>Three actors: jcstress runs it only with three CPUs or more ({@code -c 3}); {@link MailboxProducerDrainRace}
 * is its two-thread form.
 *
 * <p>Result: r1 = messages the owner took during the race (0..4); r2 = distinct messages taken in all (4 sent);
 * r3 = messages taken more than once; r4 = pairs from one sender taken out of send order.
 */
@JCStressTest
@Description("Mailbox: two producers push while the owner drains; nothing lost or duplicated, per-sender order kept")
@Outcome(id = {"0, 4, 0, 0", "1, 4, 0, 0", "2, 4, 0, 0", "3, 4, 0, 0", "4, 4, 0, 0"}, expect = ACCEPTABLE,
        desc = "Every message taken exactly once, each sender's in the order sent; r1 is how many the owner saw "
                + "while the senders were still pushing.")
@Outcome(id = "\\d+, [0-3], 0, 0", expect = FORBIDDEN,
        desc = "Lost message: a push whose CAS succeeded never reached the private queue (the owner's take of "
                + "the inbound stack raced a push and dropped it).")
@Outcome(id = "\\d+, \\d+, [1-9]\\d*, \\d+", expect = FORBIDDEN,
        desc = "Duplicated message: one push taken twice (a node left on the inbound stack after the owner took it, "
                + "or linked into the private queue twice).")
@Outcome(id = "\\d+, \\d+, \\d+, [1-9]\\d*", expect = FORBIDDEN,
        desc = "Reordered: two messages from one sender taken in the opposite order to the sends (Erlang's "
                + "per-pair ordering broken by the stack reversal).")
@Outcome(expect = FORBIDDEN, desc = "Any other result is a broken mailbox.")
public class MailboxProducersRace {
    private static final int PER_SENDER = 2;

    @State
    public static class Box {
        final Mailbox mailbox = new Mailbox();
        /** Messages in the order taken; 1..2 from sender A, 11..12 from sender B. Owner, then arbiter. */
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
    public void senderA(Box b) {
        for (int i = 1; i <= PER_SENDER; i++) b.mailbox.push(i);
    }

    @Actor
    public void senderB(Box b) {
        for (int i = 11; i <= 10 + PER_SENDER; i++) b.mailbox.push(i);
    }

    @Actor
    public void owner(Box b) {
        b.drainAndTake();
        b.drainAndTake();
        b.duringRace = b.count;
    }

    @Arbiter
    public void check(Box b, IIII_Result r) {
        b.drainAndTake();
        int n = Math.min(b.count, b.taken.length);
        int[] seen = new int[32];
        int distinct = 0, duplicates = 0, reordered = 0;
        int lastA = 0, lastB = 10;
        for (int i = 0; i < n; i++) {
            int m = b.taken[i];
            if (seen[m]++ == 0) distinct++; else duplicates++;
            if (m < 10) {
                if (m < lastA) reordered++;
                lastA = Math.max(lastA, m);
            } else {
                if (m < lastB) reordered++;
                lastB = Math.max(lastB, m);
            }
        }
        r.r1 = b.duringRace;
        r.r2 = distinct;
        r.r3 = duplicates + (b.count - n);
        r.r4 = reordered;
    }
}
