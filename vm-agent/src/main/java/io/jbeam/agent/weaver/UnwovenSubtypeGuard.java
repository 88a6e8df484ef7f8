package io.jbeam.agent.weaver;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Guards a class that loads unwoven although it extends or implements a woven type: each of its instance methods
 * clears the call handshake on entry ({@code Fiber.enterUnwoven()}), so that woven code it calls runs pinned.
 *
 * <p>Why it is needed. A woven call site whose method resolves to woven code ({@link CallSiteKinds.Kind#WOVEN})
 * stores that method's handshake id. At run time the receiver may be an instance of a class the weaver did not weave
 * (a package left out by {@code include}/{@code exclude}, a class whose weaving failed, a
 * {@code java.lang.reflect.Proxy}) whose method forwards to woven code of the same name and descriptor:
 * <pre>
 *   woven caller          s.call(x)          stores expect = id(call)
 *     unwoven Decorator   delegate.call(x)   stores nothing
 *       woven Impl.call   entry: expect == id(call), so "my caller is woven": it may suspend
 * </pre>
 * Impl.call would suspend under the decorator's frame, which cannot be captured: the decorator would go on with a
 * dummy result, and run again from its start when the caller resumes. With the guard, the decorator's entry clears
 * the handshake and Impl.call runs pinned. The same holds for an override calling {@code super}, and for
 * {@code toString}, {@code equals} and {@code hashCode} forwarded by a wrapper.
 *
 * <p>Only classes and interfaces with a woven supertype are guarded: others cannot be reached from a woven call site
 * that stores a handshake (a call resolving to a method of a class that is not woven stores 0). An interface's default
 * methods are guarded as a class's methods are. Static, private and abstract methods and constructors are left
 * alone: no capturable call site reaches them. The guard adds one call of no stack effect before a method's first
 * instruction, so the class's stack map frames stay valid as they are.
 */
public final class UnwovenSubtypeGuard {
    /** Supertypes visited at most: a bound against a broken or cyclic hierarchy. */
    private static final int VISIT_LIMIT = 512;

    private UnwovenSubtypeGuard() {
    }

    /**
     * The class with its instance methods guarded, or null when it needs no guard (no woven supertype, or no
     * instance method with code). {@code policy} tells which supertypes are woven; {@code hierarchy} finds them.
     */
    public static byte[] guard(byte[] classFile, ClassHierarchy hierarchy, WeavePolicy policy) {
        ClassReader cr = new ClassReader(classFile);
        if ((cr.getAccess() & Opcodes.ACC_MODULE) != 0
                || !hasWovenSupertype(cr.getSuperName(), cr.getInterfaces(), hierarchy, policy)) {
            return null;
        }
        ClassWriter cw = new ClassWriter(cr, 0);
        Guarding g = new Guarding(cw);
        cr.accept(g, 0);
        return g.guarded == 0 ? null : cw.toByteArray();
    }

    /** True when a supertype, direct or not, is a class or interface the policy weaves. */
    static boolean hasWovenSupertype(String superName, String[] interfaces, ClassHierarchy hierarchy,
            WeavePolicy policy) {
        ArrayDeque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        if (superName != null) todo.add(superName);
        for (String i : interfaces) todo.add(i);
        while (!todo.isEmpty() && seen.size() < VISIT_LIMIT) {
            String t = todo.poll();
            if (!seen.add(t) || WeavePolicy.isJdk(t)) {
                continue; // the JDK's types have only the JDK's types above them
            }
            if (policy.isWeavable(t)) {
                return true;
            }
            ClassHierarchy.Info info = hierarchy.get(t);
            if (info != null) {
                if (info.superName != null) todo.add(info.superName);
                for (String i : info.interfaces) todo.add(i);
            }
        }
        return false;
    }

    private static final class Guarding extends ClassVisitor {
        int guarded;

        Guarding(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
            int skip = Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE;
            if ((access & skip) != 0 || name.equals("<init>") || mv == null) {
                return mv;
            }
            return new MethodVisitor(Opcodes.ASM9, mv) {
                @Override
                public void visitCode() {
                    super.visitCode();
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, RuntimeNames.FIBER, RuntimeNames.ENTER_UNWOVEN,
                            RuntimeNames.VOID_DESC, false);
                    guarded++;
                }
            };
        }
    }
}
