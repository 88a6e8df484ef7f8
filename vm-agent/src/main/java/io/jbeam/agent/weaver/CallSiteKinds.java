package io.jbeam.agent.weaver;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What a call site is to the weaver, decided by the static owner of the invoke instruction and by the class that
 * declares the method it resolves to. One instance per class being woven (it caches resolutions, unsynchronized).
 *
 * <p>A woven owner is not enough for a capturable call: the method that runs may be inherited from a class the weaver
 * does not weave (the JDK, jbeam's runtime, an excluded package). Such a method may call woven code with the same
 * name and descriptor ({@code ArrayList.equals} calls each element's {@code equals}, {@code Thread.run} its target's
 * {@code run}), and that code would accept the caller's handshake and suspend with a frame that cannot be captured
 * in between. So a site whose owner is woven is {@link Kind#WOVEN} only when its method resolves to a woven class
 * (or to an abstract declaration, implemented by the receiver's class, or to {@code Object}, whose methods never call
 * a method of their own name); otherwise it is {@link Kind#OPAQUE}. A woven subclass that overrides such a method
 * then runs pinned.
 *
 * <p>A call that can only run a method of the class being woven which that class leaves unwoven
 * ({@link MethodClassifier.Treatment#SKIP}: no loop, no call but inert ones) is {@link Kind#INERT}: that method never
 * reads the handshake, never suspends and reaches no other code, so the site needs neither capture code nor a
 * handshake store. "Can only run" means the call is bound at weave time: {@code invokestatic} of a static method,
 * {@code invokespecial}, or {@code invokevirtual}/{@code invokeinterface} of a private or final method or of a method
 * of a final class; the method must be declared by this class, with code (not abstract, not native).
 */
public final class CallSiteKinds {
    /** The kinds of call site. */
    public enum Kind {
        /** A method declared by a woven class (or abstract, or {@code Object}'s) called through one: capturable. */
        WOVEN,
        /** A runtime leaf that may suspend ({@code Erlang.receive/sleep/yield}, {@code Coroutine.yieldNow}). */
        LEAF,
        /** The abstract method of a JDK functional interface: capturable when the receiver is a woven lambda. */
        FUNCTIONAL,
        /** Anything else: not capturable; {@code expect = 0} is stored before it so that its callees run pinned. */
        OPAQUE,
        /**
         * Cannot reach woven code ({@code Math}, {@code String}, boxing, lambda creation, a method of this class
         * that is left unwoven): left as it is.
         */
        INERT
    }

    private final WeavePolicy policy;
    private final MethodResolver resolver;
    private final Map<String, Boolean> wovenDeclarations = new HashMap<>();
    /** The class being woven, or null when unknown. */
    private final String className;
    private final boolean finalClass;
    /** This class's methods with code, by name and descriptor: their access flags. */
    private final Map<String, Integer> ownMethods = new HashMap<>();
    /** Those of them the weaver leaves unwoven ({@link MethodClassifier.Treatment#SKIP}), by name and descriptor. */
    private final Set<String> skipped = new HashSet<>();

    /** Call sites of one class, resolved over {@code types} (the hierarchy with that class laid over it). */
    public CallSiteKinds(WeavePolicy policy, TypeOracle types) {
        this(policy, types, null);
    }

    /**
     * Call sites of {@code cn} (read before it is woven), resolved over {@code types}; calls bound to methods of
     * {@code cn} that are left unwoven are {@link Kind#INERT}.
     */
    public CallSiteKinds(WeavePolicy policy, TypeOracle types, ClassNode cn) {
        this.policy = policy;
        this.resolver = new MethodResolver(types);
        this.className = cn == null ? null : cn.name;
        this.finalClass = cn != null && (cn.access & Opcodes.ACC_FINAL) != 0;
        if (cn != null) {
            findSkipped(cn);
        }
    }

    /**
     * Which methods of {@code cn} are left unwoven once calls to the others so found are inert: a fixpoint from
     * none, growing only (a method joins when its calls are all inert already, so a cycle of calls never joins).
     */
    private void findSkipped(ClassNode cn) {
        for (MethodNode m : cn.methods) {
            if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0 && m.instructions.size() > 0
                    && !m.name.equals(RuntimeNames.CTOR) && !m.name.equals(RuntimeNames.CLINIT)) {
                ownMethods.put(m.name + m.desc, m.access);
            }
        }
        for (int round = 0; round < 16; round++) {
            boolean grew = false;
            for (MethodNode m : cn.methods) {
                String key = m.name + m.desc;
                if (ownMethods.containsKey(key) && !skipped.contains(key)
                        && MethodClassifier.classify(m, this) == MethodClassifier.Treatment.SKIP) {
                    skipped.add(key);
                    grew = true;
                }
            }
            if (!grew) {
                return;
            }
        }
    }

    /** True when {@code m} can only run a method of this class that is left unwoven. */
    private boolean callsSkipped(MethodInsnNode m) {
        return boundToOwn(m) && skipped.contains(m.name + m.desc);
    }

    /**
     * True when {@code m} is bound at weave time to a method with code declared by this class: {@code invokestatic}
     * of a static method, {@code invokespecial} of an instance one, or {@code invokevirtual}/{@code invokeinterface}
     * of a private or final one or of one of a final class.
     */
    boolean boundToOwn(MethodInsnNode m) {
        if (className == null || !m.owner.equals(className)) {
            return false;
        }
        Integer access = ownMethods.get(m.name + m.desc);
        if (access == null) {
            return false;
        }
        boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
        switch (m.getOpcode()) {
            case Opcodes.INVOKESTATIC:
                return isStatic;
            case Opcodes.INVOKESPECIAL:
                return !isStatic;
            case Opcodes.INVOKEVIRTUAL:
            case Opcodes.INVOKEINTERFACE:
                return !isStatic && ((access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0 || finalClass);
            default:
                return false;
        }
    }

    /** The kind of an invoke instruction; null for any other instruction. */
    public Kind of(AbstractInsnNode insn) {
        if (insn instanceof InvokeDynamicInsnNode) {
            InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) insn;
            return LambdaIndex.isLambdaFactory(indy.bsm) || isInertConcat(indy) ? Kind.INERT : Kind.OPAQUE;
        }
        if (!(insn instanceof MethodInsnNode)) {
            return null;
        }
        MethodInsnNode m = (MethodInsnNode) insn;
        if (isInert(m) || callsSkipped(m)) {
            return Kind.INERT;
        }
        if (m.name.equals(RuntimeNames.CTOR)) {
            return Kind.OPAQUE;
        }
        if (isLeaf(m)) {
            return Kind.LEAF;
        }
        if (policy.isWeavable(m.owner)) {
            return runsWovenCode(m.owner, m.name, m.desc, m.getOpcode() == Opcodes.INVOKESTATIC)
                    ? Kind.WOVEN : Kind.OPAQUE;
        }
        if (m.getOpcode() == Opcodes.INVOKEINTERFACE && WeavePolicy.isJdk(m.owner)
                && FunctionalInterfaces.isSam(m.owner, m.name, m.desc)) {
            return Kind.FUNCTIONAL;
        }
        return Kind.OPAQUE;
    }

    /**
     * True when a call of {@code owner.name desc} (a woven owner) runs woven code as far as the owner tells: its
     * declaration is in a woven class, is abstract, or is {@code Object}'s. Unknown hierarchies answer false.
     */
    boolean runsWovenCode(String owner, String name, String desc, boolean isStatic) {
        String key = owner + '.' + name + desc + (isStatic ? "S" : "");
        Boolean b = wovenDeclarations.get(key);
        if (b == null) {
            MethodResolver.Declaration d = resolver.resolve(owner, name, desc, isStatic);
            b = d != null && (policy.isWeavable(d.owner) || d.isAbstract() || d.owner.equals(RuntimeNames.OBJECT));
            wovenDeclarations.put(key, b);
        }
        return b;
    }

    /** The declaration a method handle or call resolves to, or null when unknown. */
    MethodResolver.Declaration resolve(String owner, String name, String desc, boolean isStatic) {
        return resolver.resolve(owner, name, desc, isStatic);
    }

    public static boolean isCapturable(Kind k) {
        return k == Kind.WOVEN || k == Kind.LEAF || k == Kind.FUNCTIONAL;
    }

    /** Final JDK value classes whose methods, given only primitives and strings, run no code but the JDK's. */
    private static final Set<String> VALUE_CLASSES = Set.of(RuntimeNames.MATH, RuntimeNames.STRICT_MATH,
            "java/lang/String", "java/lang/StringBuilder", "java/lang/Integer", "java/lang/Long", "java/lang/Short",
            "java/lang/Byte", "java/lang/Character", "java/lang/Boolean", "java/lang/Float", "java/lang/Double");
    /**
     * JDK exceptions whose constructors, given only primitives and strings, store their fields and fill in the stack
     * trace ({@code Throwable.fillInStackTrace}, on an object of exactly that JDK class): they run no code but the
     * JDK's, so constructing one to throw it needs no {@code expect = 0}.
     */
    private static final Set<String> JDK_THROWABLES = Set.of("java/lang/Throwable", "java/lang/Exception",
            "java/lang/RuntimeException", "java/lang/Error", "java/lang/IllegalArgumentException",
            "java/lang/IllegalStateException", "java/lang/IndexOutOfBoundsException",
            "java/lang/ArrayIndexOutOfBoundsException", "java/lang/StringIndexOutOfBoundsException",
            "java/lang/NullPointerException", "java/lang/ArithmeticException",
            "java/lang/UnsupportedOperationException", "java/lang/NumberFormatException",
            "java/lang/ClassCastException", "java/lang/NegativeArraySizeException", "java/lang/ArrayStoreException",
            "java/lang/CloneNotSupportedException", "java/lang/InterruptedException", "java/io/IOException",
            "java/io/EOFException", "java/io/FileNotFoundException", "java/io/UTFDataFormatException",
            "java/util/NoSuchElementException", "java/util/ConcurrentModificationException");
    /** Methods of those classes that may reach code outside the JDK: system properties, charsets by name. */
    private static final Set<String> NOT_INERT = Set.of("getInteger", "getLong", "getBoolean", "getBytes");

    /**
     * True for a call that cannot reach woven code, so it needs no {@code expect = 0}: a method or constructor of a
     * final JDK value class (boxing, {@code String}, {@code StringBuilder}, {@code Math}) whose arguments are all
     * primitives, primitive arrays or strings ({@code append(Object)} would call {@code toString}), or
     * {@code equals(Object)} of {@code String} and the boxes, or {@code Object.getClass()}; or a constructor of a
     * common JDK exception with such arguments.
     */
    static boolean isInert(MethodInsnNode m) {
        if (m.name.equals("getClass") && m.desc.equals("()Ljava/lang/Class;")) {
            return true;
        }
        if (m.name.equals(RuntimeNames.CTOR) && m.getOpcode() == Opcodes.INVOKESPECIAL
                && JDK_THROWABLES.contains(m.owner)) {
            return hasInertArguments(m);
        }
        if (!VALUE_CLASSES.contains(m.owner) || NOT_INERT.contains(m.name)) {
            return false;
        }
        if (m.name.equals(RuntimeNames.CTOR) && m.owner.equals("java/lang/String")
                && m.desc.contains("Ljava/lang/String;") && !m.desc.equals("(Ljava/lang/String;)V")) {
            return false; // new String(bytes, charsetName)
        }
        if (m.name.equals("equals") && m.desc.equals("(Ljava/lang/Object;)Z")) {
            return !m.owner.equals("java/lang/StringBuilder");
        }
        return hasInertArguments(m);
    }

    /**
     * True for string concatenation through {@code StringConcatFactory} of primitives and strings only: it converts
     * them with the JDK's own code (an object argument would have its {@code toString} called).
     */
    static boolean isInertConcat(InvokeDynamicInsnNode indy) {
        return indy.bsm.getOwner().equals("java/lang/invoke/StringConcatFactory") && hasInertArguments(indy.desc);
    }

    private static boolean hasInertArguments(MethodInsnNode m) {
        return hasInertArguments(m.desc);
    }

    private static boolean hasInertArguments(String desc) {
        for (Type t : Type.getArgumentTypes(desc)) {
            if (!isInertArgument(t)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInertArgument(Type t) {
        switch (t.getSort()) {
            case Type.OBJECT:
                return t.getInternalName().equals("java/lang/String");
            case Type.ARRAY:
                return t.getDimensions() == 1 && t.getElementType().getSort() != Type.OBJECT;
            default:
                return true;
        }
    }

    static boolean isLeaf(MethodInsnNode m) {
        if (m.owner.equals(RuntimeNames.ERLANG)) {
            return m.name.equals(RuntimeNames.ERLANG_RECEIVE) || m.name.equals(RuntimeNames.ERLANG_SLEEP)
                    || m.name.equals(RuntimeNames.ERLANG_YIELD);
        }
        return m.owner.equals(RuntimeNames.COROUTINE) && m.name.equals(RuntimeNames.YIELD_NOW)
                && m.desc.equals(RuntimeNames.VOID_DESC);
    }
}
