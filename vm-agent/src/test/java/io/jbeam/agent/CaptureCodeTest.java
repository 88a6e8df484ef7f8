package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.shapes.DeadLocals;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The code the weaver adds to save and restore a frame: only live locals. */
class CaptureCodeTest {
    @Test
    void deadLocalsAreNotSaved() throws Exception {
        ShapeRunner.Run run = ShapeRunner.check(DeadLocals.class);
        byte[] woven = run.loader().reports.get(DeadLocals.class.getName()).bytes;
        MethodNode m = method(woven, "deadAtCall");
        int pushInt = 0;
        int pushLong = 0;
        int popLong = 0;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).owner.equals("io/jbeam/scheduler/Fiber")) {
                String name = ((MethodInsnNode) insn).name;
                if (name.equals("pushInt")) pushInt++;
                if (name.equals("pushLong")) pushLong++;
                if (name.equals("popLong")) popLong++;
            }
        }
        // Live at the call: n. dead, deadLong and r are not saved anywhere, nor is the argument: step is woven and
        // restores its own parameter when it rewinds.
        assertEquals(0, pushLong, "the dead long is saved");
        assertEquals(0, popLong, "the dead long is restored");
        assertEquals(1, pushInt, "int pushes (n only)");
    }

    static MethodNode method(byte[] classFile, String name) {
        ClassNode cn = new ClassNode();
        new ClassReader(classFile).accept(cn, 0);
        return cn.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
    }

}
