package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.shapes.ThrowBranches;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
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
        assertEquals(0, fiberCalls(checked, "pushPc"), "capture code in checked");
        assertEquals(0, fiberField(checked, "status"), "status checks in checked: it is woven pinned");
        assertEquals(1, fiberField(checked, "expect"), "expect = 0 before describe in checked");
        MethodNode kind = CaptureCodeTest.method(woven, "kind");
        assertEquals(0, fiberCalls(kind, "pushPc"), "capture code in kind");

        assertTrue(fiberCalls(CaptureCodeTest.method(woven, "crashAfterWork"), "pushPc") > 0,
                "crashAfterWork's work before its throw must stay capturable");
        assertTrue(fiberCalls(CaptureCodeTest.method(woven, "yieldsBeforeThrowing"), "pushPc") > 0,
                "a yield on a throw branch must stay capturable");
    }

    private static int fiberCalls(MethodNode m, String name) {
        int n = 0;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).owner.equals(FIBER)
                    && ((MethodInsnNode) insn).name.equals(name)) {
                n++;
            }
        }
        return n;
    }

    private static int fiberField(MethodNode m, String name) {
        int n = 0;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof FieldInsnNode && ((FieldInsnNode) insn).owner.equals(FIBER)
                    && ((FieldInsnNode) insn).name.equals(name)) {
                n++;
            }
        }
        return n;
    }
}
