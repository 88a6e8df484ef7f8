package io.jbeam.scheduler;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A grant offered while the slice rewinds is held back (negative) until the rewind ends: {@link Fiber#endRewind}
 * releases it with a compare-and-set while another thread withdraws it ({@link Fiber#withdrawGrant}).
 *
 * <p>Result: r1 = 1 when the fiber still holds a grant at the end; r2 = its status (0 RUNNING).
 */
@JCStressTest
@Description("Grant: the end of a rewind releases a held-back grant while another thread withdraws it")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Withdrawn, whichever came first; the rewind ended.")
@Outcome(id = "1, 0", expect = FORBIDDEN,
        desc = "The withdrawal was lost: the released grant lets the slice renew in place past whatever withdrew it.")
@Outcome(expect = FORBIDDEN, desc = "Any other result breaks the rewind's end.")
public class GrantRewindRace {
    @State
    public static class Rewinding {
        final Fiber f = new Fiber(null, false, BudgetPolicy.fixed(10));

        public Rewinding() {
            Fiber.pushPc(0, f);
            f.beginSlice(10);
            f.offerGrant(10);
            f.popPc();
        }
    }

    @Actor
    public void owner(Rewinding s) {
        s.f.endRewind();
    }

    @Actor
    public void withdrawer(Rewinding s) {
        s.f.withdrawGrant();
    }

    @Arbiter
    public void check(Rewinding s, II_Result r) {
        r.r1 = s.f.hasGrant() ? 1 : 0;
        r.r2 = s.f.status;
    }
}
