package io.jbeam.agent.weaver;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Superclass, interfaces, kind and declared methods of classes as one class loader sees them, for type merging
 * during analysis and frame computation and for resolving which class declares the method a call runs. Read from class-file resources (no class is loaded, no static initializer runs); only a class
 * that has no resource falls back to {@code Class.forName(name, false, loader)}. One instance per loader, shared
 * by concurrent weaving threads.
 */
public final class ClassHierarchy {
    /** What the hierarchy knows about one class. */
    public static final class Info {
        public final String name;
        public final String superName;
        public final String[] interfaces;
        public final boolean isInterface;
        /** Declared methods, {@code name + desc} to access flags; null when not known. */
        public final Map<String, Integer> methods;

        public Info(String name, String superName, String[] interfaces, boolean isInterface) {
            this(name, superName, interfaces, isInterface, null);
        }

        public Info(String name, String superName, String[] interfaces, boolean isInterface,
                Map<String, Integer> methods) {
            this.name = name;
            this.superName = superName;
            this.interfaces = interfaces;
            this.isInterface = isInterface;
            this.methods = methods;
        }

        /** The class being woven, methods included. */
        public static Info of(ClassNode cn) {
            Map<String, Integer> methods = new HashMap<>();
            for (MethodNode m : cn.methods) {
                methods.put(m.name + m.desc, m.access);
            }
            return new Info(cn.name, cn.superName, cn.interfaces.toArray(new String[0]),
                    (cn.access & Opcodes.ACC_INTERFACE) != 0, methods);
        }

        /** The access flags of a declared method, or -1 when it is not declared here (or not known). */
        public int access(String name, String desc) {
            Integer a = methods == null ? null : methods.get(name + desc);
            return a == null ? -1 : a;
        }
    }

    private static final Info MISSING = new Info("?", null, new String[0], false);
    /** Guarded by itself. Values hold their loader weakly, so an unloaded loader is dropped. */
    private static final Map<ClassLoader, ClassHierarchy> BY_LOADER = new WeakHashMap<>();
    private static final ClassHierarchy BOOT = new ClassHierarchy(null);

    private final WeakReference<ClassLoader> loader;
    private final boolean boot;
    private final ConcurrentHashMap<String, Info> cache = new ConcurrentHashMap<>();

    private ClassHierarchy(ClassLoader loader) {
        this.loader = new WeakReference<>(loader);
        this.boot = loader == null;
    }

    /** The hierarchy of {@code loader} (null: the bootstrap loader). */
    public static ClassHierarchy of(ClassLoader loader) {
        if (loader == null) {
            return BOOT;
        }
        synchronized (BY_LOADER) {
            return BY_LOADER.computeIfAbsent(loader, ClassHierarchy::new);
        }
    }

    /** The class, or null when neither a resource nor a loadable class of that name exists. */
    public Info get(String internalName) {
        Info i = cache.get(internalName);
        if (i == null) {
            i = load(internalName);
            Info prev = cache.putIfAbsent(internalName, i);
            if (prev != null) {
                i = prev;
            }
        }
        return i == MISSING ? null : i;
    }

    private Info load(String name) {
        ClassLoader l = boot ? null : loader.get();
        String resource = name + ".class";
        try (InputStream in = l == null ? ClassLoader.getSystemResourceAsStream(resource)
                : l.getResourceAsStream(resource)) {
            if (in != null) {
                ClassReader cr = new ClassReader(in.readAllBytes());
                return new Info(name, cr.getSuperName(), cr.getInterfaces(),
                        (cr.getAccess() & Opcodes.ACC_INTERFACE) != 0, methodsOf(cr));
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the class itself
        }
        try {
            Class<?> c = Class.forName(name.replace('/', '.'), false, l);
            Class<?>[] itfs = c.getInterfaces();
            String[] names = new String[itfs.length];
            for (int k = 0; k < itfs.length; k++) {
                names[k] = itfs[k].getName().replace('.', '/');
            }
            Class<?> sup = c.getSuperclass();
            return new Info(name, sup == null ? null : sup.getName().replace('.', '/'), names, c.isInterface(),
                    methodsOf(c));
        } catch (Throwable t) {
            return MISSING;
        }
    }

    private static Map<String, Integer> methodsOf(ClassReader cr) {
        Map<String, Integer> methods = new HashMap<>();
        cr.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                methods.put(name + descriptor, access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return methods;
    }

    /** Declared methods of a class that has no class file; null (unknown) when reflection cannot tell. */
    private static Map<String, Integer> methodsOf(Class<?> c) {
        try {
            Map<String, Integer> methods = new HashMap<>();
            for (Method m : c.getDeclaredMethods()) {
                methods.put(m.getName() + Type.getMethodDescriptor(m), m.getModifiers());
            }
            return methods;
        } catch (Throwable t) {
            return null;
        }
    }
}
