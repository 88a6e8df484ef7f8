package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.scheduler.BudgetPolicy;
import io.jbeam.shapes.ArraysAndTernaries;
import io.jbeam.shapes.Bridges;
import io.jbeam.shapes.CallKinds;
import io.jbeam.shapes.Inherited;
import io.jbeam.shapes.Lambdas;
import io.jbeam.shapes.LoopNoCalls;
import io.jbeam.shapes.MethodRefs;
import io.jbeam.shapes.NewArgs;
import io.jbeam.shapes.Pinned;
import io.jbeam.shapes.Recursion;
import io.jbeam.shapes.StackBelow;
import io.jbeam.shapes.StringsAndSwitches;
import io.jbeam.shapes.TryCatchFinally;
import io.jbeam.shapes.UnwovenSubtypes;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One bytecode shape each: woven, suspended inside the shape under several budgets, same result as unwoven. */
class ShapesTest {
    @Test
    void operandStackBelowTheArguments() throws Exception {
        ShapeRunner.check(StackBelow.class);
    }

    @Test
    void constructorArgumentsThatSuspend() throws Exception {
        ShapeRunner.Run run = ShapeRunner.check(NewArgs.class);
        assertTrue(run.loader().reports.get(NewArgs.class.getName()).relocatedNews > 0, "NEW/DUP relocated");
    }

    @Test
    void tryCatchFinallyAroundSuspensions() throws Exception {
        Object expected = ShapeRunner.unwoven(TryCatchFinally.class);
        assertTrue(expected.toString().endsWith("catches=2 finallies=2"), expected.toString());
        ShapeRunner.check(TryCatchFinally.class);
    }

    @Test
    void lambdasThroughJdkAndApplicationInterfaces() throws Exception {
        ShapeRunner.Run run = ShapeRunner.check(Lambdas.class);
        assertTrue(run.loader().reports.get(Lambdas.class.getName()).lambdas >= 8);
    }

    @Test
    void methodReferences() throws Exception {
        ShapeRunner.check(MethodRefs.class);
    }

    @Test
    void deepRecursion() throws Exception {
        ShapeRunner.check(Recursion.class);
    }

    @Test
    void stringConcatenationAndSwitches() throws Exception {
        ShapeRunner.check(StringsAndSwitches.class);
    }

    @Test
    void loopWithoutCallsIsPreemptedAtItsBackEdge() throws Exception {
        Object expected = ShapeRunner.unwoven(LoopNoCalls.class);
        ShapeRunner.Run run = ShapeRunner.woven(LoopNoCalls.class, BudgetPolicy.fixed(1000));
        assertEquals(expected, run.result());
        // 100,000 + 1,000 * 11 + 1,000 back-edges: one suspension per 1,000 reductions.
        assertTrue(run.suspensions() >= 110, "suspensions: " + run.suspensions());
        assertTrue(run.suspensions() <= 115, "suspensions: " + run.suspensions());
        ShapeRunner.check(LoopNoCalls.class);
    }

    @Test
    void synchronizedCodeAndJdkFramesArePinned() throws Exception {
        Object expected = ShapeRunner.unwoven(Pinned.class);
        assertEquals("0,0,0,150,190", expected);
        ShapeRunner.check(Pinned.class);
    }

    @Test
    void callKindsDefaultMethodsVarargsInnerClasses() throws Exception {
        ShapeRunner.check(CallKinds.class);
    }

    @Test
    void arraysAndTernaries() throws Exception {
        ShapeRunner.check(ArraysAndTernaries.class);
    }

    @Test
    void genericBridges() throws Exception {
        ShapeRunner.check(Bridges.class);
    }

    @Test
    void methodsInheritedFromCodeThatIsNotWovenRunPinned() throws Exception {
        Object expected = ShapeRunner.unwoven(Inherited.class);
        assertTrue(expected.toString().startsWith("true -859797755 2 [X0][Y0]2 <P0><Q0>2 0 "), expected.toString());
        ShapeRunner.check(Inherited.class);
    }

    @Test
    void wovenCodeReachedThroughAnUnwovenSubtypeRunsPinned() throws Exception {
        Object expected = ShapeRunner.unwoven(UnwovenSubtypes.class);
        assertEquals("867 [impl7] calls=6 steps=6 strings=1 forwarded=6 suspendedInside=0", expected);
        ShapeRunner.Run run = ShapeRunner.check(UnwovenSubtypes.class);
        assertEquals(Set.of(ShapeRunner.EXCLUDED + "Decorator", ShapeRunner.EXCLUDED + "Overrider",
                ShapeRunner.EXCLUDED + "Forwarder"), run.loader().guarded);
    }
}
