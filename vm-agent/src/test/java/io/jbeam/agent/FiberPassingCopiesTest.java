package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.shapes.FiberPassing;
import java.io.ObjectStreamClass;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Bound calls between capturable methods of one class call the callee's fiber-passing copy: a private synthetic
 * method of the same name taking the caller's fiber and mask, which needs no fiber lookup and no handshake.
 */
class FiberPassingCopiesTest {
    private static final String FIBER = "io/jbeam/scheduler/Fiber";
    private static final String OWNER = FiberPassing.class.getName().replace('.', '/');
    private static final String[][] CALLED = {
        {"wide", "(JDI)D"}, {"locals", "(I)J"}, {"finalSum", "(I)I"}, {"varargs", "([I)I"}, {"thrower", "(I)V"}};

    @Test
    void copiesSuspendAndResumeAndTheirStackTracesReadAsUnwoven() throws Exception {
        Object unwoven = ShapeRunner.unwoven(FiberPassing.class);
        assertTrue(unwoven.toString().contains("thrower:"), "the trace part is there: " + unwoven);
        // Under chaos every budget suspends inside the copies too; the result includes the trace's method names and
        // lines, so a copy named or numbered differently from its original fails here.
        ShapeRunner.check(FiberPassing.class);
    }

    @Test
    void eachBoundCalleeHasAPrivateSyntheticCopyThatItsCallersCall() throws Exception {
        ClassNode woven = read(wovenBytes());
        for (String[] m : CALLED) {
            String copyDesc = m[1].replace(")", "L" + FIBER + ";I)");
            MethodNode copy = find(woven, m[0], copyDesc);
            assertNotNull(copy, m[0] + " has no copy");
            assertTrue((copy.access & Opcodes.ACC_PRIVATE) != 0, m[0] + "'s copy is private");
            assertTrue((copy.access & Opcodes.ACC_SYNTHETIC) != 0, m[0] + "'s copy is synthetic");
            assertEquals(0, calls(copy, FIBER, "current", null), m[0] + "'s copy looks its fiber up");
            assertEquals(0, fieldReads(copy, "expect"), m[0] + "'s copy reads the handshake");
            // Each is recursive: the copy calls itself, the original calls the copy, neither calls the original.
            assertTrue(calls(copy, OWNER, m[0], copyDesc) > 0, m[0] + "'s copy does not call itself");
            MethodNode original = find(woven, m[0], m[1]);
            assertTrue(calls(original, OWNER, m[0], copyDesc) > 0, m[0] + " does not call the copy");
            assertEquals(0, calls(original, OWNER, m[0], m[1]) + calls(copy, OWNER, m[0], m[1]), m[0] + " called");
            assertEquals(1, calls(original, FIBER, "current", null), m[0] + " looks its fiber up once");
        }
        // call() is reached through the Shape interface only: no copy.
        assertEquals(1, woven.methods.stream().filter(x -> x.name.equals("call")).count());
    }

    @Test
    void theCopysLaterLocalsMoveUpByTwoSlots() throws Exception {
        MethodNode original = find(read(unwovenBytes()), "locals", "(I)J");
        MethodNode copy = find(read(wovenBytes()), "locals", "(IL" + FIBER + ";I)J");
        for (String name : new String[] {"this", "n", "k", "l", "s", "arr", "below"}) {
            int before = slot(original, name);
            int expected = before <= 1 ? before : before + 2; // this and n stay; the rest follow fiber and mask
            assertEquals(expected, slot(copy, name), "slot of " + name + " in the copy");
        }
    }

    @Test
    void reflectionAndTheSerialVersionUidSeeNoCopies() throws Exception {
        ShapeRunner.Run run = ShapeRunner.woven(FiberPassing.class, io.jbeam.scheduler.BudgetPolicy.chaos(1.0, 1));
        Class<?> wovenClass = run.loader().loadClass(FiberPassing.class.getName());
        assertTrue(wovenClass != FiberPassing.class && wovenClass.isAnnotationPresent(
                run.loader().loadClass("io.jbeam.scheduler.Woven").asSubclass(java.lang.annotation.Annotation.class)),
                "the class is woven");
        assertEquals(signatures(FiberPassing.class), signatures(wovenClass), "non-synthetic methods");
        assertEquals(Arrays.asList(publicNames(FiberPassing.class)), Arrays.asList(publicNames(wovenClass)));
        assertEquals(ObjectStreamClass.lookup(FiberPassing.class).getSerialVersionUID(),
                ObjectStreamClass.lookup(wovenClass).getSerialVersionUID(), "default serialVersionUID");
    }

    private static byte[] wovenBytes() throws Exception {
        WeavingClassLoader loader = new WeavingClassLoader(FiberPassingCopiesTest.class.getClassLoader(),
                ShapeRunner.PACKAGE);
        loader.loadClass(FiberPassing.class.getName());
        return loader.reports.get(FiberPassing.class.getName()).bytes;
    }

    private static byte[] unwovenBytes() throws Exception {
        try (var in = FiberPassing.class.getResourceAsStream("FiberPassing.class")) {
            return in.readAllBytes();
        }
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, 0);
        return cn;
    }

    private static MethodNode find(ClassNode cn, String name, String desc) {
        return cn.methods.stream().filter(x -> x.name.equals(name) && x.desc.equals(desc)).findFirst().orElse(null);
    }

    private static int calls(MethodNode m, String owner, String name, String desc) {
        int n = 0;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode) {
                MethodInsnNode c = (MethodInsnNode) insn;
                if (c.owner.equals(owner) && c.name.equals(name) && (desc == null || c.desc.equals(desc))) n++;
            }
        }
        return n;
    }

    private static int fieldReads(MethodNode m, String field) {
        int n = 0;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.GETFIELD && ((FieldInsnNode) insn).owner.equals(FIBER)
                    && ((FieldInsnNode) insn).name.equals(field)) {
                n++;
            }
        }
        return n;
    }

    private static int slot(MethodNode m, String name) {
        for (LocalVariableNode v : m.localVariables) {
            if (v.name.equals(name)) return v.index;
        }
        throw new AssertionError("no local " + name + " in " + m.name + m.desc);
    }

    private static Set<String> signatures(Class<?> c) {
        Set<String> s = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) {
            if (!m.isSynthetic()) s.add(Modifier.toString(m.getModifiers()) + " " + m.getName()
                    + Arrays.toString(m.getParameterTypes()));
        }
        return s;
    }

    private static String[] publicNames(Class<?> c) {
        return Arrays.stream(c.getMethods()).map(m -> m.getName() + Arrays.toString(m.getParameterTypes()))
                .sorted().toArray(String[]::new);
    }
}
