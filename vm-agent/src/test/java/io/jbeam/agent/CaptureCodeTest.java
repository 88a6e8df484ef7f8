package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.scheduler.BudgetPolicy;
import io.jbeam.scheduler.Coroutine;
import io.jbeam.scheduler.Fiber;
import io.jbeam.shapes.DeadAtRecursion;
import io.jbeam.shapes.DeadLocals;
import io.jbeam.shapes.Shape;
import io.jbeam.shapes.StackBelow;
import io.jbeam.shapes.Y;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/** The code the weaver adds to save and restore a frame: only live locals. */
class CaptureCodeTest {
    @Test
    void deadLocalsAreNotSaved() throws Exception {
        ShapeRunner.Run run = ShapeRunner.check(DeadLocals.class);
        byte[] woven = run.loader().reports.get(DeadLocals.class.getName()).bytes;
        MethodNode m = method(woven, "deadAtCall");
        long pushInt = count(m, insn -> callsFiber(insn, "pushInt"));
        long pushLong = count(m, insn -> callsFiber(insn, "pushLong"));
        long popLong = count(m, insn -> callsFiber(insn, "popLong"));
        // Live at the call: n. dead, deadLong and r are not saved anywhere, nor is the argument: step is woven and
        // restores its own parameter when it rewinds.
        assertEquals(0L, pushLong, "the dead long is saved");
        assertEquals(0L, popLong, "the dead long is restored");
        assertEquals(1L, pushInt, "int pushes (n only)");
    }

    @Test
    void aCallSiteSavesNoLocalThatIsDeadThereThoughLiveAtEntry() throws Exception {
        assertEquals(7, ShapeRunner.check(DeadAtRecursion.class).result());
        Coroutine co = deadAtRecursionSuspendedAtTheBottom();
        int frames = co.fiber().savedFrameCount();
        assertTrue(frames > DeadAtRecursion.DEPTH, "frames saved: " + frames);
        // At most 16 primitive and 16 reference slots, and 64 pcs (arrays grow by doubling; 16 bytes of header
        // each). If each of the DEPTH frames of down() saved d, the primitive slots alone would be 64.
        long bytes = co.fiber().frameStoreBytes();
        assertTrue(bytes <= (16 + 8 * 16) + (16 + 4 * 16) + (16 + 4 * 64), "frame store: " + bytes + " bytes");
        assertTrue(co.resume(), "ends on the second resume");
    }

    @Test
    void pointsThatShareOneLayoutRewindThroughOneSwitch() throws Exception {
        ShapeRunner.Run run = ShapeRunner.check(StackBelow.class);
        byte[] woven = run.loader().reports.get(Y.class.getName()).bytes;
        // Y.i has two resume points, its entry and its yield, and v is live at both: one layout, so the rewind
        // goes straight to that layout's restore block, whose switch on the pc is the method's only one.
        MethodNode m = method(woven, "i");
        long switches = count(m, insn -> insn instanceof TableSwitchInsnNode || insn instanceof LookupSwitchInsnNode);
        assertEquals(1L, switches, "switches in the woven Y.i");
    }

    @Test
    void aPcThatNamesNoResumePointFailsTheRewindWithTheMethodNamed() throws Exception {
        Coroutine co = deadAtRecursionSuspendedAtTheBottom();
        // The pc on top belongs to the outermost woven frame, the first to rewind: make it name no resume point.
        co.fiber().popPc();
        Fiber.pushPc(9999, co.fiber());
        IllegalStateException e = assertThrows(IllegalStateException.class, co::resume);
        assertTrue(e.getMessage().contains("corrupt frame store"), e.getMessage());
        assertTrue(e.getMessage().contains(" in run()V"), "names the method: " + e.getMessage());
        assertTrue(co.isDone(), "the coroutine ends");
    }

    /** A coroutine running the woven {@link DeadAtRecursion}, suspended by its yield at the bottom. */
    private Coroutine deadAtRecursionSuspendedAtTheBottom() throws Exception {
        WeavingClassLoader loader = new WeavingClassLoader(getClass().getClassLoader(), ShapeRunner.PACKAGE);
        Object shape = loader.loadClass(DeadAtRecursion.class.getName()).getConstructor().newInstance();
        Runnable harness = (Runnable) loader.loadClass(ShapeRunner.PACKAGE + "Harness")
                .getConstructor(loader.loadClass(Shape.class.getName())).newInstance(shape);
        Coroutine co = new Coroutine(harness, BudgetPolicy.fixed(Integer.MAX_VALUE), null);
        assertFalse(co.resume(), "suspends at the bottom");
        return co;
    }

    static long count(MethodNode m, Predicate<AbstractInsnNode> which) {
        return StreamSupport.stream(m.instructions.spliterator(), false).filter(which).count();
    }

    static boolean callsFiber(AbstractInsnNode insn, String name) {
        return insn instanceof MethodInsnNode && ((MethodInsnNode) insn).owner.equals("io/jbeam/scheduler/Fiber")
                && ((MethodInsnNode) insn).name.equals(name);
    }

    static MethodNode method(byte[] classFile, String name) {
        ClassNode cn = new ClassNode();
        new ClassReader(classFile).accept(cn, 0);
        return cn.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
    }

}
