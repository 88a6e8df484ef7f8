package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.shapes.ThrowBranches;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Calls on a branch that only builds and throws an exception are woven pinned, without capture code; a call before
 * an unconditional throw, and a runtime leaf on a throw branch, stay capturable. Checked on the woven bytes and by
 * running the shape under chaos.
 */
class ThrowPathsTest {
    private static final String FIBER = "io/jbeam/scheduler/Fiber";

    @Test
    void callsOnThrowBranchesRunPinnedAndTheRestStillSuspends() throws Exception {
        ShapeRunner.Run run = ShapeRunner.check(ThrowBranches.class); // same result as unwoven, under chaos
        assertTrue(run.suspensions() > 0, "the shape never suspended");
        // kind(3)'s default branch calls Y.inside, which would suspend if its call site were capturable.
        assertTrue(run.result().toString().endsWith("caught=103 suspendedInside=0"), run.result().toString());

        byte[] woven = run.loader().reports.get(ThrowBranches.class.getName()).bytes;
        MethodNode checked = CaptureCodeTest.method(woven, "checked");
        assertEquals(0L, fiberCalls(checked, "pushPc"), "capture code in checked");
        assertEquals(0L, fiberField(checked, "status"), "status checks in checked: it is woven pinned");
        assertEquals(1L, fiberField(checked, "expect"), "expect = 0 before describe in checked");
        MethodNode kind = CaptureCodeTest.method(woven, "kind");
        assertEquals(0L, fiberCalls(kind, "pushPc"), "capture code in kind");

        assertTrue(fiberCalls(CaptureCodeTest.method(woven, "crashAfterWork"), "pushPc") > 0,
                "crashAfterWork's work before its throw must stay capturable");
        assertTrue(fiberCalls(CaptureCodeTest.method(woven, "yieldsBeforeThrowing"), "pushPc") > 0,
                "a yield on a throw branch must stay capturable");
    }

    private static long fiberCalls(MethodNode m, String name) {
        return CaptureCodeTest.count(m, insn -> CaptureCodeTest.callsFiber(insn, name));
    }

    private static long fiberField(MethodNode m, String name) {
        return CaptureCodeTest.count(m, insn -> insn instanceof FieldInsnNode
                && ((FieldInsnNode) insn).owner.equals(FIBER) && ((FieldInsnNode) insn).name.equals(name));
    }
}
