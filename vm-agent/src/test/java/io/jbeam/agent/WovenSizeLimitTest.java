package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.agent.weaver.ClassWeaver;
import io.jbeam.agent.weaver.CodeSizes;
import io.jbeam.agent.weaver.WeavePolicy;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A method that weaving would grow past {@link CodeSizes#WOVEN_LIMIT}, where HotSpot's first tier may give up on it,
 * is woven pinned instead, and still computes what it computed; a shorter one stays capturable.
 */
class WovenSizeLimitTest implements Opcodes {
    private static final String NAME = "io/jbeam/shapes/gen/LongMethods";
    private static final int LOCALS = 12;
    /** Calls that take sum past WOVEN_LIMIT woven (about 62 bytes each) but not past JIT_LIMIT. */
    private static final int CALLS_PAST = 120;
    private static final Pattern NOTE = Pattern.compile("sum\\(I\\)I pinned: (\\d+) bytes woven");

    @Test
    void aMethodWovenPastTheLimitIsPinnedAndStillRight() throws Exception {
        ClassWeaver.Result r = weave(CALLS_PAST);
        assertEquals(1, r.capturable, "only step stays capturable: " + r);
        assertEquals(1, r.pinnedForSize, r.toString());
        Matcher m = NOTE.matcher(String.join(" ", r.notes));
        assertTrue(m.find(), "no note that sum was pinned for size: " + r.notes);
        int woven = Integer.parseInt(m.group(1));
        assertTrue(woven > CodeSizes.WOVEN_LIMIT && woven <= CodeSizes.JIT_LIMIT,
                "sum woven capturable would be " + woven + " bytes: the case between the two limits");
        assertEquals(expectedSum(CALLS_PAST, 7), run(r.bytes, 7));
    }

    @Test
    void aShorterMethodStaysCapturable() throws Exception {
        ClassWeaver.Result r = weave(40);
        assertEquals(2, r.capturable, r.toString());
        assertEquals(0, r.pinnedForSize, r.toString());
        int woven = CodeSizes.of(r.bytes).get("sum(I)I");
        assertTrue(woven <= CodeSizes.WOVEN_LIMIT, "sum woven: " + woven);
        assertEquals(expectedSum(40, 7), run(r.bytes, 7));
    }

    private static ClassWeaver.Result weave(int calls) {
        byte[] plain = generate(calls);
        int size = CodeSizes.of(plain).get("sum(I)I");
        assertTrue(size <= CodeSizes.WOVEN_LIMIT, "sum unwoven: " + size);
        return ClassWeaver.forRuntime(new WeavePolicy(List.of("io/jbeam/shapes/"), List.of()))
                .weaveWithReport(plain, WovenSizeLimitTest.class.getClassLoader());
    }

    private static int run(byte[] classFile, int n) throws Exception {
        Class<?> c = new ClassLoader(WovenSizeLimitTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(NAME.replace('/', '.'), classFile, 0, classFile.length);
            }
        }.define();
        return (int) c.getDeclaredMethod("sum", int.class).invoke(null, n);
    }

    /** What {@code sum(n)} returns: the generated code below, in Java. */
    private static int expectedSum(int calls, int n) {
        int[] l = new int[LOCALS];
        for (int i = 0; i < LOCALS; i++) l[i] = n + i;
        int acc = 0;
        for (int k = 0; k < calls; k++) acc += step(l[k % LOCALS]);
        for (int i = 0; i < LOCALS; i++) acc += l[i];
        return acc;
    }

    private static int step(int x) {
        for (int i = 0; i < (x & 3); i++) x += i;
        return x;
    }

    /**
     * {@code static int step(int x)} (a loop: capturable) and {@code static int sum(int n)}: {@link #LOCALS} locals
     * live to the end, {@code calls} calls of {@code step}, each one a resume point.
     */
    private static byte[] generate(int calls) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_SUPER, NAME, null, "java/lang/Object", null);
        MethodVisitor step = cw.visitMethod(ACC_STATIC, "step", "(I)I", null, null);
        step.visitCode();
        Label head = new Label();
        Label done = new Label();
        step.visitInsn(ICONST_0);
        step.visitVarInsn(ISTORE, 1);
        step.visitLabel(head);
        step.visitVarInsn(ILOAD, 1);
        step.visitVarInsn(ILOAD, 0);
        step.visitInsn(ICONST_3);
        step.visitInsn(IAND);
        step.visitJumpInsn(IF_ICMPGE, done);
        step.visitVarInsn(ILOAD, 0);
        step.visitVarInsn(ILOAD, 1);
        step.visitInsn(IADD);
        step.visitVarInsn(ISTORE, 0);
        step.visitIincInsn(1, 1);
        step.visitJumpInsn(GOTO, head);
        step.visitLabel(done);
        step.visitVarInsn(ILOAD, 0);
        step.visitInsn(IRETURN);
        step.visitMaxs(0, 0);
        step.visitEnd();

        MethodVisitor sum = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "sum", "(I)I", null, null);
        sum.visitCode();
        int acc = 1 + LOCALS;
        for (int i = 0; i < LOCALS; i++) {
            sum.visitVarInsn(ILOAD, 0);
            sum.visitIntInsn(BIPUSH, i);
            sum.visitInsn(IADD);
            sum.visitVarInsn(ISTORE, 1 + i);
        }
        sum.visitInsn(ICONST_0);
        sum.visitVarInsn(ISTORE, acc);
        for (int k = 0; k < calls; k++) {
            sum.visitVarInsn(ILOAD, acc);
            sum.visitVarInsn(ILOAD, 1 + k % LOCALS);
            sum.visitMethodInsn(INVOKESTATIC, NAME, "step", "(I)I", false);
            sum.visitInsn(IADD);
            sum.visitVarInsn(ISTORE, acc);
        }
        sum.visitVarInsn(ILOAD, acc);
        for (int i = 0; i < LOCALS; i++) {
            sum.visitVarInsn(ILOAD, 1 + i);
            sum.visitInsn(IADD);
        }
        sum.visitInsn(IRETURN);
        sum.visitMaxs(0, 0);
        sum.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
