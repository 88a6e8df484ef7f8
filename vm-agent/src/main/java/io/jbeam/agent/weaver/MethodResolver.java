package io.jbeam.agent.weaver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * Which class declares the method a call resolves to, found over the {@link TypeOracle} from class files as the
 * JVM's method resolution does (JVMS 5.4.3.3, 5.4.3.4): the owner, then its superclasses (an interface owner:
 * then {@code Object}), then the maximally specific superinterface methods.
 *
 * <p>The call handshake needs it: a call site whose owner is woven may still run a method inherited from code that
 * is not woven ({@code class MyList extends ArrayList}; {@code myList.equals(o)} runs {@code ArrayList.equals},
 * which calls each element's {@code equals} with the caller's handshake still set).
 */
final class MethodResolver {
    /** A resolved declaration: its class and access flags. */
    static final class Declaration {
        final String owner;
        final int access;

        Declaration(String owner, int access) {
            this.owner = owner;
            this.access = access;
        }

        boolean isAbstract() {
            return (access & Opcodes.ACC_ABSTRACT) != 0;
        }
    }

    private static final int DEPTH_LIMIT = 256;

    private final TypeOracle types;

    MethodResolver(TypeOracle types) {
        this.types = types;
    }

    /**
     * The declaration {@code owner.name desc} resolves to, or null when it cannot be told (a class of the hierarchy
     * is missing or its methods are unknown, or no class declares it).
     */
    Declaration resolve(String owner, String name, String desc, boolean isStatic) {
        ClassHierarchy.Info o = types.info(owner);
        if (o == null || o.methods == null) {
            return null;
        }
        if (o.isInterface) {
            int a = o.access(name, desc);
            if (a >= 0) {
                return new Declaration(owner, a);
            }
            if (isStatic) {
                return null;
            }
            ClassHierarchy.Info object = types.info(RuntimeNames.OBJECT);
            if (object != null) {
                int oa = object.access(name, desc);
                if (oa >= 0 && (oa & Opcodes.ACC_PUBLIC) != 0 && (oa & Opcodes.ACC_STATIC) == 0) {
                    return new Declaration(RuntimeNames.OBJECT, oa);
                }
            }
            return maximallySpecific(List.of(o.interfaces), name, desc);
        }
        List<String> itfs = new ArrayList<>();
        int guard = 0;
        for (ClassHierarchy.Info c = o; c != null; c = c.superName == null ? null : types.info(c.superName)) {
            if (c.methods == null || guard++ > DEPTH_LIMIT) {
                return null;
            }
            int a = c.access(name, desc);
            if (a >= 0) {
                return new Declaration(c.name, a);
            }
            itfs.addAll(List.of(c.interfaces));
            if (c.superName == null) {
                return isStatic ? null : maximallySpecific(itfs, name, desc);
            }
        }
        return null; // a superclass is missing
    }

    /**
     * JVMS 5.4.3.3 step 3: among the superinterfaces' non-private, non-static declarations, those no other one's
     * interface extends. One non-abstract: it is the one; otherwise an abstract one (the implementation lies in the
     * receiver's class); when the hierarchy is incomplete, null.
     */
    private Declaration maximallySpecific(List<String> roots, String name, String desc) {
        List<Declaration> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (!collect(roots, name, desc, found, seen, 0)) {
            return null;
        }
        List<Declaration> maximal = new ArrayList<>();
        for (Declaration d : found) {
            boolean shadowed = false;
            for (Declaration e : found) {
                if (e != d && !e.owner.equals(d.owner) && types.isSubclass(e.owner, d.owner)) {
                    shadowed = true;
                    break;
                }
            }
            if (!shadowed) {
                maximal.add(d);
            }
        }
        Declaration concrete = null;
        Declaration abstractOne = null;
        for (Declaration d : maximal) {
            if (d.isAbstract()) {
                abstractOne = d;
            } else if (concrete == null) {
                concrete = d;
            } else {
                return null; // ambiguous: IncompatibleClassChangeError at run time
            }
        }
        return concrete != null ? concrete : abstractOne;
    }

    /** Collects declarations up the interfaces; false when a class or its methods are unknown. */
    private boolean collect(List<String> itfs, String name, String desc, List<Declaration> found, Set<String> seen,
            int depth) {
        if (depth > DEPTH_LIMIT) {
            return false;
        }
        for (String itf : itfs) {
            if (!seen.add(itf)) {
                continue;
            }
            ClassHierarchy.Info i = types.info(itf);
            if (i == null || i.methods == null) {
                return false;
            }
            int a = i.access(name, desc);
            if (a >= 0 && (a & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) == 0) {
                found.add(new Declaration(itf, a));
            }
            if (!collect(List.of(i.interfaces), name, desc, found, seen, depth + 1)) {
                return false;
            }
        }
        return true;
    }
}
