package io.jbeam.agent.weaver;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * ASM's {@link SimpleVerifier} answering type questions from a {@link TypeOracle} (no class is loaded), and telling
 * uninitialized objects (the result of {@code NEW} before its {@code <init>}) apart from initialized ones: those
 * are {@link Uninitialized} values, one canonical instance per {@code NEW} instruction.
 *
 * <p>Subtyping is precise for interfaces (so merged types are sound to {@code CHECKCAST} to), while the checks that
 * a value may be passed where an interface is expected are as lenient as the JVM's own verifier.
 */
public class HierarchyVerifier extends SimpleVerifier {
    /** The value of {@code NEW T} until its constructor ran. */
    public static final class Uninitialized extends BasicValue {
        public final TypeInsnNode newInsn;

        Uninitialized(Type type, TypeInsnNode newInsn) {
            super(type);
            this.newInsn = newInsn;
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "uninitialized " + getType();
        }
    }

    private final TypeOracle types;
    private final Map<AbstractInsnNode, Uninitialized> uninitialized = new IdentityHashMap<>();

    public HierarchyVerifier(ClassNode owner, TypeOracle types) {
        super(Opcodes.ASM9, Type.getObjectType(owner.name),
                owner.superName == null ? null : Type.getObjectType(owner.superName), interfaces(owner),
                (owner.access & Opcodes.ACC_INTERFACE) != 0);
        this.types = types;
    }

    private static List<Type> interfaces(ClassNode owner) {
        List<Type> l = new ArrayList<>();
        if (owner.interfaces != null) {
            for (String i : owner.interfaces) {
                l.add(Type.getObjectType(i));
            }
        }
        return l;
    }

    public static boolean isReference(BasicValue v) {
        Type t = v.getType();
        return t != null && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY);
    }

    /** True for the type of {@code ACONST_NULL} before it merged with anything. */
    public static boolean isNull(BasicValue v) {
        Type t = v.getType();
        return t != null && t.getSort() == Type.OBJECT && "null".equals(t.getInternalName());
    }

    @Override
    public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.NEW) {
            return uninitialized.computeIfAbsent(insn,
                    i -> new Uninitialized(Type.getObjectType(((TypeInsnNode) i).desc), (TypeInsnNode) i));
        }
        return super.newOperation(insn);
    }

    @Override
    public BasicValue merge(BasicValue v, BasicValue w) {
        if (v instanceof Uninitialized || w instanceof Uninitialized) {
            return v == w ? v : BasicValue.UNINITIALIZED_VALUE;
        }
        return super.merge(v, w);
    }

    @Override
    protected boolean isSubTypeOf(BasicValue value, BasicValue expected) {
        Type e = expected.getType();
        Type t = value.getType();
        if (e == null || t == null) {
            return e == t;
        }
        if (e.getSort() != Type.OBJECT && e.getSort() != Type.ARRAY) {
            return e.equals(t);
        }
        if (t.getSort() != Type.OBJECT && t.getSort() != Type.ARRAY) {
            return false;
        }
        if (isNull(value) || types.isAssignable(e, t)) {
            return true;
        }
        // As the JVM's verifier: anything may be passed as an interface; unknown classes are given the benefit
        // of the doubt (the analysis is after types, the JVM verifies the woven class again when it loads it).
        return e.getSort() == Type.OBJECT
                && (types.isInterface(e.getInternalName()) || types.info(e.getInternalName()) == null
                        || t.getSort() == Type.OBJECT && types.info(t.getInternalName()) == null);
    }

    @Override
    protected boolean isInterface(Type type) {
        return type.getSort() == Type.OBJECT && types.isInterface(type.getInternalName());
    }

    @Override
    protected Type getSuperClass(Type type) {
        if (type.getSort() != Type.OBJECT) {
            return Type.getObjectType(RuntimeNames.OBJECT);
        }
        String s = types.superName(type.getInternalName());
        return s == null ? null : Type.getObjectType(s);
    }

    @Override
    protected boolean isAssignableFrom(Type type1, Type type2) {
        return types.isAssignable(type1, type2);
    }

    @Override
    protected Class<?> getClass(Type type) {
        throw new UnsupportedOperationException("the weaver loads no class: " + type);
    }
}
