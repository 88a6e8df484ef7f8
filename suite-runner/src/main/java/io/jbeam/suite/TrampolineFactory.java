package io.jbeam.suite;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates, once per test method, a {@link TestBody} subclass whose {@code run()} calls that method with a plain
 * {@code invokevirtual}/{@code invokeinterface}: no reflection frame lies between the process's entry and the test
 * code, so the woven test code can really be suspended. The class is defined in the package of the method's declaring
 * class, by that class's own loader, as an ordinary class: the agent weaves it like any other application class.
 */
final class TrampolineFactory {
    private static final String TEST_BODY = Type.getInternalName(TestBody.class);
    private static final String CTOR_DESC = "(Ljava/lang/Object;[Ljava/lang/Object;)V";
    private static final MethodType CTOR_TYPE = MethodType.methodType(void.class, Object.class, Object[].class);
    private static final MethodType FACTORY_TYPE = MethodType.methodType(TestBody.class, Object.class, Object[].class);

    private static final String EXECUTABLE = "org.junit.jupiter.api.function.Executable";

    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    /** Per method: the constructor handle of its trampoline (Object, Object[])TestBody, or the reason there is none. */
    private final ConcurrentHashMap<Method, Object> cache = new ConcurrentHashMap<>();
    /** Per test class: the trampoline that runs a dynamic test's {@code Executable} in the class's package. */
    private final ConcurrentHashMap<Class<?>, Object> dynamicCache = new ConcurrentHashMap<>();

    /** Thrown when a method cannot be called from a trampoline; the message says why. */
    static final class Unsupported extends Exception {
        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A trampoline instance for one invocation of {@code method} on {@code target}. */
    TestBody create(Method method, Object target, Object[] args) throws Throwable {
        Object entry = cache.computeIfAbsent(method, TrampolineFactory::define);
        if (entry instanceof String) {
            throw new Unsupported((String) entry);
        }
        return (TestBody) ((MethodHandle) entry).invokeExact(target, args);
    }

    /**
     * A trampoline instance that calls {@code executable.execute()} (a dynamic test's body), defined in the package
     * of {@code testClass}.
     */
    TestBody createDynamic(Class<?> testClass, Object executable) throws Throwable {
        Object entry = dynamicCache.computeIfAbsent(testClass, TrampolineFactory::defineDynamic);
        if (entry instanceof String) {
            throw new Unsupported((String) entry);
        }
        return (TestBody) ((MethodHandle) entry).invokeExact(executable, new Object[0]);
    }

    private static Object defineDynamic(Class<?> testClass) {
        try {
            Method execute = Class.forName(EXECUTABLE, false, testClass.getClassLoader()).getMethod("execute");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(testClass, MethodHandles.lookup());
            return defineIn(lookup, testClass, execute);
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static Object define(Method method) {
        try {
            Class<?> owner = method.getDeclaringClass();
            if (Modifier.isStatic(method.getModifiers())) {
                return "static method";
            }
            if (Modifier.isPrivate(method.getModifiers())) {
                return "private method";
            }
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            for (Class<?> p : method.getParameterTypes()) {
                Class<?> e = p;
                while (e.isArray()) {
                    e = e.getComponentType();
                }
                if (!e.isPrimitive()) {
                    lookup.accessClass(e); // throws IllegalAccessException if the trampoline could not cast to it
                }
            }
            return defineIn(lookup, owner, method);
        } catch (IllegalAccessException | NoSuchMethodException | LinkageError | SecurityException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static MethodHandle defineIn(MethodHandles.Lookup lookup, Class<?> packageOf, Method method)
            throws IllegalAccessException, NoSuchMethodException {
        String name = packagePrefix(packageOf) + "JbeamTestBody$" + NEXT_ID.incrementAndGet();
        Class<?> trampoline = lookup.defineClass(generate(name, method));
        return lookup.findConstructor(trampoline, CTOR_TYPE).asType(FACTORY_TYPE);
    }

    private static String packagePrefix(Class<?> owner) {
        String pkg = owner.getPackageName();
        return pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
    }

    /** The class file of the trampoline {@code internalName} calling {@code method}. */
    static byte[] generate(String internalName, Method method) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object"; // never needed by this code's shape; avoid loading classes
            }
        };
        cw.visit(Opcodes.V11, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, internalName, null, TEST_BODY,
                null);
        cw.visitSource("JbeamTestBody.java", null);

        MethodVisitor init = cw.visitMethod(0, "<init>", CTOR_DESC, null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.ALOAD, 1);
        init.visitVarInsn(Opcodes.ALOAD, 2);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, TEST_BODY, "<init>", CTOR_DESC, false); // -> []
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "()V", null, null);
        run.visitCode();
        Label tryStart = new Label();
        Label tryEnd = new Label();
        Label handler = new Label();
        Label end = new Label();
        run.visitTryCatchBlock(tryStart, tryEnd, handler, "java/lang/Throwable");
        run.visitLabel(tryStart);
        Class<?> owner = method.getDeclaringClass();
        String ownerName = Type.getInternalName(owner);
        run.visitVarInsn(Opcodes.ALOAD, 0);
        run.visitFieldInsn(Opcodes.GETFIELD, TEST_BODY, "target", "Ljava/lang/Object;");    // [target]
        run.visitTypeInsn(Opcodes.CHECKCAST, ownerName);                                     // [owner]
        Class<?>[] params = method.getParameterTypes();
        for (int i = 0; i < params.length; i++) {
            run.visitVarInsn(Opcodes.ALOAD, 0);
            run.visitFieldInsn(Opcodes.GETFIELD, TEST_BODY, "args", "[Ljava/lang/Object;"); // [owner, ..., args]
            pushInt(run, i);
            run.visitInsn(Opcodes.AALOAD);                                                  // [owner, ..., arg]
            unbox(run, params[i]);                                                          // [owner, ..., argI]
        }
        boolean itf = owner.isInterface();
        run.visitMethodInsn(itf ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL, ownerName, method.getName(),
                Type.getMethodDescriptor(method), itf);                                      // [result?]
        Class<?> ret = method.getReturnType();
        if (ret == long.class || ret == double.class) {
            run.visitInsn(Opcodes.POP2);
        } else if (ret.isPrimitive() && ret != void.class) {
            run.visitInsn(Opcodes.POP);
        } else if (ret != void.class) {                                                     // [result]
            run.visitVarInsn(Opcodes.ALOAD, 0);                                             // [result, this]
            run.visitInsn(Opcodes.SWAP);                                                    // [this, result]
            run.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TEST_BODY, "returned", "(Ljava/lang/Object;)V", false);
        }
        run.visitLabel(tryEnd);
        run.visitJumpInsn(Opcodes.GOTO, end);
        run.visitLabel(handler);                                                            // [throwable]
        run.visitVarInsn(Opcodes.ALOAD, 0);                                                 // [throwable, this]
        run.visitInsn(Opcodes.SWAP);                                                        // [this, throwable]
        run.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TEST_BODY, "failed", "(Ljava/lang/Throwable;)V", false);
        run.visitLabel(end);
        run.visitVarInsn(Opcodes.ALOAD, 0);
        run.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TEST_BODY, "finished", "()V", false);    // []
        run.visitInsn(Opcodes.RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();

        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void pushInt(MethodVisitor mv, int i) {
        if (i <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + i);
        } else if (i <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, i);
        } else {
            mv.visitLdcInsn(i);
        }
    }

    /** Casts the Object on the stack to {@code type}, unboxing a primitive. */
    private static void unbox(MethodVisitor mv, Class<?> type) {
        if (!type.isPrimitive()) {
            if (type != Object.class) {
                mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(type));
            }
            return;
        }
        Type box = Type.getType(boxOf(type));
        mv.visitTypeInsn(Opcodes.CHECKCAST, box.getInternalName());
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, box.getInternalName(), type.getName() + "Value",
                "()" + Type.getDescriptor(type), false);
    }

    private static Class<?> boxOf(Class<?> primitive) {
        if (primitive == int.class) return Integer.class;
        if (primitive == long.class) return Long.class;
        if (primitive == boolean.class) return Boolean.class;
        if (primitive == double.class) return Double.class;
        if (primitive == float.class) return Float.class;
        if (primitive == char.class) return Character.class;
        if (primitive == byte.class) return Byte.class;
        if (primitive == short.class) return Short.class;
        throw new IllegalArgumentException(primitive.toString());
    }
}
