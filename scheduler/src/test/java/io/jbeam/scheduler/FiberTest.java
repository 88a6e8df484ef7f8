package io.jbeam.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The part of the contract with woven code that lives in {@link Fiber} alone: what a woven method's entry reads
 * ({@link Fiber#charge}, {@link Fiber#maskFor}), how a slice begins, is renewed and counted, and how a rewind ends.
 */
class FiberTest {
    private final Fiber fiber = new Fiber(null, false, BudgetPolicy.fixed(4000));

    @Test
    void aSliceWithoutSavedFramesRunsAndChargesEachEntry() {
        fiber.beginSlice(3);
        assertEquals(Fiber.RUNNING, fiber.status);
        assertTrue(fiber.charge());
        assertTrue(fiber.charge());
        assertFalse(fiber.charge(), "the third entry spends the slice");
        assertEquals(0, fiber.reductions);
    }

    @Test
    void aRewindSendsEveryEntryToTheSlowPathAndGivesTheBudgetBackWhenItEnds() {
        Fiber.pushPc(0, fiber);
        fiber.beginSlice(250);
        assertEquals(Fiber.REWINDING, fiber.status);
        for (int frame = 0; frame < 5; frame++) {
            assertFalse(fiber.charge(), "entry " + frame + " of the rewind took the fast path");
        }
        assertEquals(0, fiber.popPc());
        fiber.resumedAtYieldPoint();
        assertEquals(Fiber.RUNNING, fiber.status);
        assertEquals(250, fiber.reductions, "the rewound entries charged the slice");
    }

    @Test
    void theMaskSaysWhetherTheCallerExpectedThisMethod() {
        fiber.expect = 42;
        assertEquals(-1, fiber.maskFor(42));
        assertEquals(0, fiber.maskFor(43));
    }

    @Test
    void aRenewedSliceCountsWhatTheSpentOneUsedAndStartsAfresh() {
        fiber.beginSlice(100);
        for (int i = 0; i < 30; i++) {
            fiber.charge();
        }
        fiber.loopSpent(5, true);
        assertEquals(35, fiber.sliceSpent());
        assertEquals(35, fiber.renewSlice());
        assertEquals(4000, fiber.reductions, "a renewed slice takes the policy's budget");
        assertEquals(0, fiber.sliceSpent());
        fiber.charge();
        assertEquals(1, fiber.sliceSpent(), "spent is counted from the renewal");
    }

    @Test
    void aLoopThatOverspendsIsCountedInFull() {
        fiber.beginSlice(10);
        fiber.loopSpent(64, true);
        assertEquals(64, fiber.sliceSpent());
    }

    @Test
    void chaosSuspendsEvenWhenNothingElseWouldRunAndAFixedSliceNeedNot() {
        assertTrue(BudgetPolicy.chaos(0.5, 1).suspendsWhenAlone());
        assertFalse(BudgetPolicy.fixed(4000).suspendsWhenAlone());
    }

    @Test
    void aCapturableFiberWithoutAProcessSuspendsWhenItsBudgetRunsOut() {
        fiber.beginSlice(1);
        assertFalse(fiber.charge());
        assertTrue(fiber.budgetExhausted(true));
        assertEquals(Fiber.CAPTURING, fiber.status);
        assertEquals(SuspendReason.PREEMPTED, fiber.takeSuspendReason());
    }

    // ---------------------------------------------------------------- renewal in place (the grant)

    @Test
    void aGrantedSliceRenewsItselfInPlaceAndCountsEveryReduction() {
        Fiber f = new Fiber(null, false, BudgetPolicy.fixed(5));
        f.beginSlice(3);
        f.offerGrant(f.grantable());
        for (int i = 0; i < 3 + 5 + 4; i++) {
            assertTrue(f.charge(), "entry " + i + " took the slow path though the slice was granted");
        }
        assertEquals(12, f.sliceSpent());
        assertEquals(12, f.settleSpent());
        assertEquals(0, f.sliceSpent(), "settled");
        assertEquals(2, f.takeRenewalsInPlace());
        assertEquals(0, f.takeRenewalsInPlace(), "taken");
    }

    @Test
    void aLoopRenewsFromTheGrantAndWhatItOverspentComesOffTheFreshBudget() {
        fiber.beginSlice(10);
        fiber.offerGrant(100);
        assertFalse(fiber.loopSpent(64, true), "a granted loop asked to suspend");
        assertEquals(Fiber.RUNNING, fiber.status);
        assertEquals(100 - 54, fiber.reductions);
        assertEquals(64, fiber.sliceSpent());
    }

    @Test
    void withoutAGrantTheSpentBudgetTakesTheSlowPath() {
        fiber.beginSlice(2);
        fiber.offerGrant(5);
        fiber.withdrawGrant();
        assertTrue(fiber.charge());
        assertFalse(fiber.charge(), "a withdrawn grant still renewed the slice");
        assertFalse(fiber.hasGrant());
    }

    @Test
    void aGrantLeftFromTheLastSliceIsGoneWhenTheNextBegins() {
        fiber.beginSlice(2);
        fiber.offerGrant(5);
        fiber.beginSlice(1);
        assertFalse(fiber.hasGrant());
        assertFalse(fiber.charge());
    }

    @Test
    void aRewindHoldsTheGrantBackUntilItEnds() {
        Fiber.pushPc(0, fiber);
        fiber.beginSlice(3);
        fiber.offerGrant(5);
        assertTrue(fiber.hasGrant());
        for (int frame = 0; frame < 3; frame++) {
            assertFalse(fiber.charge(), "entry " + frame + " of the rewind renewed past its frames");
        }
        fiber.popPc();
        fiber.endRewind();
        for (int i = 0; i < 3 + 5; i++) {
            assertTrue(fiber.charge(), "entry " + i + " after the rewind took the slow path");
        }
    }

    @Test
    void aGrantWithdrawnDuringTheRewindStaysWithdrawn() {
        Fiber.pushPc(0, fiber);
        fiber.beginSlice(1);
        fiber.offerGrant(5);
        fiber.withdrawGrant();
        fiber.popPc();
        fiber.endRewind();
        assertFalse(fiber.hasGrant());
        assertFalse(fiber.charge(), "the withdrawal was lost when the rewind ended");
    }

    @Test
    void chaosIsNeverGrantedAndAPlainThreadIsGrantedForGood() {
        Fiber chaos = new Fiber(null, false, BudgetPolicy.chaos(0.5, 1));
        assertEquals(0, chaos.grantable());
        assertEquals(4000, fiber.grantable());
        Fiber plain = new Fiber(null, true, BudgetPolicy.fixed(2));
        assertEquals(0, plain.grantable(), "a plain thread asks no scheduler");
        for (int i = 0; i < 10; i++) {
            assertTrue(plain.charge(), "a plain thread's entry " + i + " took the slow path");
        }
    }
}
