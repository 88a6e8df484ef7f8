package io.jbeam.agent.weaver;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The fiber-passing copies of a class's methods: for each capturable method that capturable code of the same class
 * calls through a call bound at weave time ({@code invokestatic}, {@code invokespecial}, or {@code invokevirtual} of
 * a private or final method, or of any method of a final class), a private synthetic copy with the same name that
 * takes the caller's fiber and mask as two more arguments.
 *
 * <pre>
 *  static int fib(int n)                       called from elsewhere: looks up its fiber, reads the handshake
 *  private static synthetic int fib(int n, Fiber f, int mask)
 *                                              called by fib and by itself: F = f, MASK = mask
 * </pre>
 * The copy needs neither {@code Fiber.current()} nor the handshake: its caller is woven code of this class that is
 * about to call exactly it, so it passes its own fiber and its own mask (-1 capturable, 0 pinned) and stores no
 * {@code expect}. Both are woven the same way otherwise; a frame of either is captured and rewound by the code of
 * the one it is (the caller's rewind re-invokes the same instruction it captured at).
 *
 * <p>Why the same name: a stack trace shows the name and the line, never the descriptor, so a trace through copies
 * reads as it would through the originals. Why private: the copy is called from this class only, it does not enter
 * the default serialVersionUID (which counts non-private methods), and no subclass can override or see it. Why only
 * calls within the class: a copy in another class might be missing at run time (that class may load unwoven), while
 * this class's copies are written with the calls to them. Interfaces get none: in a class, a private method called
 * with {@code invokespecial} is valid in every class-file version.
 *
 * <p>In the copy, the two new parameters take the slots after the original ones, so every later local moves up by
 * two. Annotations, parameter names and the generic signature are not copied: they would describe the wrong
 * parameters, and nothing reads them on a synthetic method.
 */
final class FiberPassingCopies implements Opcodes {
    /** The slots the two passed values add. */
    static final int EXTRA_SLOTS = 2;
    private static final String EXTRA_PARAMS = RuntimeNames.FIBER_DESC + "I";

    private final CallSiteKinds kinds;
    /** Originals with a copy, by name and descriptor: the copy's descriptor. */
    private final Map<String, String> copies = new HashMap<>();

    private FiberPassingCopies(CallSiteKinds kinds) {
        this.kinds = kinds;
    }

    /**
     * Chooses the methods of {@code cn} to copy: capturable ones (and not in {@code pinned}, the names and
     * descriptors woven pinned) that a bound capturable call in a capturable method of {@code cn} invokes.
     */
    static FiberPassingCopies plan(ClassNode cn, CallSiteKinds kinds, Set<String> pinned) {
        FiberPassingCopies c = new FiberPassingCopies(kinds);
        if ((cn.access & ACC_INTERFACE) != 0) {
            return c;
        }
        Map<String, MethodNode> capturable = new HashMap<>();
        for (MethodNode m : cn.methods) {
            String key = m.name + m.desc;
            if (!pinned.contains(key)
                    && MethodClassifier.classify(m, kinds) == MethodClassifier.Treatment.CAPTURABLE) {
                capturable.put(key, m);
            }
        }
        Set<String> existing = new HashSet<>();
        for (MethodNode m : cn.methods) existing.add(m.name + m.desc);
        for (MethodNode m : capturable.values()) {
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (!(insn instanceof MethodInsnNode) || kinds.of(insn) != CallSiteKinds.Kind.WOVEN) continue;
                MethodInsnNode call = (MethodInsnNode) insn;
                String key = call.name + call.desc;
                if (capturable.containsKey(key) && kinds.boundToOwn(call)) {
                    String desc = copyDesc(call.desc);
                    if (!existing.contains(call.name + desc)) c.copies.put(key, desc);
                }
            }
        }
        return c;
    }

    /** The descriptor of the copy of this class's method {@code name desc}, or null when it has none. */
    String copyOf(String name, String desc) {
        return copies.get(name + desc);
    }

    /**
     * The descriptor of the copy {@code call} is to call instead of its method, or null. Only a bound call may: an
     * {@code invokevirtual} of a method that has a copy (because an {@code invokespecial} elsewhere reaches it) may
     * run an override.
     */
    String copyCalledBy(MethodInsnNode call) {
        String desc = copies.get(call.name + call.desc);
        return desc != null && kinds.boundToOwn(call) ? desc : null;
    }

    /**
     * Makes {@code call} call the copy: the fiber and the mask must be on the stack above its arguments. The copy is
     * private, so an instance call becomes {@code invokespecial}.
     */
    static void redirect(MethodInsnNode call, String copyDesc) {
        call.desc = copyDesc;
        if (call.getOpcode() == INVOKEVIRTUAL) {
            call.setOpcode(INVOKESPECIAL);
        }
    }

    static String copyDesc(String desc) {
        int close = desc.indexOf(')');
        return desc.substring(0, close) + EXTRA_PARAMS + desc.substring(close);
    }

    /** The original's descriptor when {@code desc} is a copy's, else null. */
    static String originalDesc(String desc) {
        int close = desc.indexOf(')');
        int extra = close - EXTRA_PARAMS.length();
        return extra >= 1 && desc.startsWith(EXTRA_PARAMS, extra)
                ? desc.substring(0, extra) + desc.substring(close) : null;
    }

    /** The slot of the passed fiber in a copy of a method with descriptor {@code originalDesc}; the mask follows. */
    static int fiberSlot(String originalDesc, boolean isStatic) {
        return (Type.getArgumentsAndReturnSizes(originalDesc) >> 2) - (isStatic ? 1 : 0);
    }

    /** An unwoven copy of {@code m} taking the two passed values; {@code m} is left as it was. */
    static MethodNode copy(MethodNode m) {
        String desc = copyDesc(m.desc);
        int access = (m.access & ~(ACC_PUBLIC | ACC_PROTECTED | ACC_VARARGS | ACC_BRIDGE)) | ACC_PRIVATE
                | ACC_SYNTHETIC;
        String[] exceptions = m.exceptions == null ? null : m.exceptions.toArray(new String[0]);
        MethodNode copy = new MethodNode(ASM9, access, m.name, desc, null, exceptions);
        int firstMoved = fiberSlot(m.desc, (m.access & ACC_STATIC) != 0);
        m.accept(new SlotShifter(copy, firstMoved)); // accept resets m's labels: the copy gets labels of its own
        return copy;
    }

    /** Copies code, moving locals at or above {@code firstMoved} up by {@link #EXTRA_SLOTS}; drops the rest. */
    private static final class SlotShifter extends MethodVisitor {
        private final int firstMoved;

        SlotShifter(MethodVisitor next, int firstMoved) {
            super(ASM9, next);
            this.firstMoved = firstMoved;
        }

        private int shift(int slot) {
            return slot >= firstMoved ? slot + EXTRA_SLOTS : slot;
        }

        @Override
        public void visitVarInsn(int opcode, int slot) {
            super.visitVarInsn(opcode, shift(slot));
        }

        @Override
        public void visitIincInsn(int slot, int increment) {
            super.visitIincInsn(shift(slot), increment);
        }

        @Override
        public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
                int slot) {
            super.visitLocalVariable(name, descriptor, signature, start, end, shift(slot));
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(maxStack, maxLocals + EXTRA_SLOTS);
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            // Frames are computed when the class is written.
        }

        @Override
        public void visitParameter(String name, int access) {
        }

        @Override
        public AnnotationVisitor visitAnnotationDefault() {
            return null;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return null;
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return null;
        }

        @Override
        public void visitAnnotableParameterCount(int parameterCount, boolean visible) {
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            return null;
        }

        @Override
        public void visitAttribute(Attribute attribute) {
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return null;
        }

        @Override
        public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return null;
        }

        @Override
        public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start,
                Label[] end, int[] index, String descriptor, boolean visible) {
            return null;
        }
    }
}
