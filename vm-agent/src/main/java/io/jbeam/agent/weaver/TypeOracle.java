package io.jbeam.agent.weaver;

import org.objectweb.asm.Type;

/**
 * Subtyping over a {@link ClassHierarchy}, with the class being woven laid over it (that class is never looked up
 * through its loader: it is being defined). Used by the analyser ({@link HierarchyVerifier}) and the class writer
 * ({@link HierarchyClassWriter}), so both merge types the same way.
 */
public final class TypeOracle {
    private final ClassHierarchy hierarchy;
    private final ClassHierarchy.Info self;

    public TypeOracle(ClassHierarchy hierarchy, ClassHierarchy.Info self) {
        this.hierarchy = hierarchy;
        this.self = self;
    }

    public ClassHierarchy.Info info(String internalName) {
        if (self != null && self.name.equals(internalName)) {
            return self;
        }
        return hierarchy.get(internalName);
    }

    public boolean isInterface(String internalName) {
        ClassHierarchy.Info i = info(internalName);
        return i != null && i.isInterface;
    }

    /** The superclass, or null for Object, interfaces' "Object" parent and unknown classes. */
    public String superName(String internalName) {
        ClassHierarchy.Info i = info(internalName);
        return i == null ? null : i.superName;
    }

    /** True when a value of class {@code sub} is an instance of {@code sup} (classes and interfaces alike). */
    public boolean isSubclass(String sub, String sup) {
        if (sub.equals(sup) || RuntimeNames.OBJECT.equals(sup)) {
            return true;
        }
        int guard = 0;
        for (String c = sub; c != null && guard++ < 512; ) {
            if (c.equals(sup)) {
                return true;
            }
            ClassHierarchy.Info i = info(c);
            if (i == null) {
                return false;
            }
            for (String itf : i.interfaces) {
                if (implementsInterface(itf, sup, 0)) {
                    return true;
                }
            }
            c = i.superName;
        }
        return false;
    }

    private boolean implementsInterface(String itf, String sup, int depth) {
        if (itf.equals(sup)) {
            return true;
        }
        ClassHierarchy.Info i = info(itf);
        if (i == null || depth > 64) {
            return false;
        }
        for (String s : i.interfaces) {
            if (implementsInterface(s, sup, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Precise assignability of reference types (arrays included). */
    public boolean isAssignable(Type to, Type from) {
        if (to.equals(from)) {
            return true;
        }
        if (from.getSort() == Type.ARRAY) {
            if (to.getSort() == Type.ARRAY) {
                Type te = Type.getType(to.getDescriptor().substring(1));
                Type fe = Type.getType(from.getDescriptor().substring(1));
                if (te.getSort() < Type.ARRAY || fe.getSort() < Type.ARRAY) {
                    return te.equals(fe);
                }
                return isAssignable(te, fe);
            }
            String n = to.getInternalName();
            return n.equals(RuntimeNames.OBJECT) || n.equals("java/lang/Cloneable") || n.equals("java/io/Serializable");
        }
        if (to.getSort() == Type.ARRAY) {
            return false;
        }
        return isSubclass(from.getInternalName(), to.getInternalName());
    }

    /** The most specific common superclass (interfaces merge to Object, as the JVM's verifier treats them). */
    public String commonSuperClass(String a, String b) {
        if (isSubclass(b, a)) {
            return a;
        }
        if (isSubclass(a, b)) {
            return b;
        }
        if (isInterface(a) || isInterface(b)) {
            return RuntimeNames.OBJECT;
        }
        int guard = 0;
        for (String c = superName(a); c != null && guard++ < 512; c = superName(c)) {
            if (isSubclass(b, c)) {
                return c;
            }
        }
        return RuntimeNames.OBJECT;
    }
}
