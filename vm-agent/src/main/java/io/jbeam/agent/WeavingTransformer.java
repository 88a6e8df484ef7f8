package io.jbeam.agent;

import io.jbeam.agent.weaver.ClassHierarchy;
import io.jbeam.agent.weaver.ClassWeaver;
import io.jbeam.agent.weaver.UnwovenSubtypeGuard;
import io.jbeam.agent.weaver.WeavePolicy;
import io.jbeam.scheduler.Fiber;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.WeakHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * Weaves each class as it loads. Never throws: a class that cannot be woven loads as it is, with one warning naming
 * it and the reason. An application class that loads unwoven (ruled out by {@code include}/{@code exclude}, or
 * failed) but extends or implements a woven type is guarded ({@link UnwovenSubtypeGuard}). Thread-safe: classes load
 * concurrently; the weaver keeps only concurrent caches.
 */
public final class WeavingTransformer implements ClassFileTransformer {
    private final ClassWeaver weaver;
    private final Path dump;
    private final boolean verbose;
    /** Guarded by itself: whether a loader sees the agent's own Fiber class. */
    private final Map<ClassLoader, Boolean> seesRuntime = new WeakHashMap<>();

    public WeavingTransformer(ClassWeaver weaver, Path dump, boolean verbose) {
        this.weaver = weaver;
        this.dump = dump;
        this.verbose = verbose;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (module != null && module.isNamed() && !module.canRead(Fiber.class.getModule())) {
            // Code added to it could not link to the runtime.
            if (loader != null && className != null && weaver.policy().isWeavable(className)) {
                warn(className, "its module " + module.getName() + " does not read jbeam's runtime");
            }
            return null;
        }
        return transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        try {
            if (loader == null || className == null || classBeingRedefined != null) {
                return null;
            }
            if (!weaver.policy().isWeavable(className)) {
                return guarded(loader, className, classfileBuffer);
            }
            if (!seesRuntime(loader)) {
                warn(className, "its class loader " + loader + " does not see jbeam's runtime (io.jbeam.scheduler.Fiber"
                        + " of the agent)");
                return null;
            }
            ClassWeaver.Result r = weaver.weaveWithReport(classfileBuffer, loader);
            if (r == null) {
                return null;
            }
            if (verbose) {
                System.err.println("jbeam: wove " + r);
            }
            if (dump != null) {
                dump(className, r.bytes);
            }
            return r.bytes;
        } catch (Throwable t) {
            warn(className, t.toString());
            return guarded(loader, className, classfileBuffer);
        }
    }

    /**
     * A class loaded unwoven, from {@code loader} (not null): guarded when {@link WeavePolicy#isGuardable} and it
     * extends or implements a woven type ({@link UnwovenSubtypeGuard}), else left as it is (null). A
     * {@code java.lang.reflect.Proxy} class is guardable because its invocation handler may be unwoven and forward by
     * reflection to a woven method of the same name. Never throws.
     */
    private byte[] guarded(ClassLoader loader, String className, byte[] classfileBuffer) {
        try {
            if (!WeavePolicy.isGuardable(className) || !seesRuntime(loader)) {
                return null;
            }
            byte[] b = UnwovenSubtypeGuard.guard(classfileBuffer, ClassHierarchy.of(loader), weaver.policy());
            if (b != null) {
                if (verbose) {
                    System.err.println("jbeam: guarded " + className + ": loaded unwoven below a woven type, so the"
                            + " woven code it calls runs pinned");
                }
                if (dump != null) {
                    dump(className, b);
                }
            }
            return b;
        } catch (Throwable t) {
            System.err.println("jbeam: WARNING: " + className.replace('/', '.') + " extends a woven type but could"
                    + " not be guarded (" + t + "): woven code it calls may suspend under its frames");
            return null;
        }
    }

    private boolean seesRuntime(ClassLoader loader) {
        synchronized (seesRuntime) {
            Boolean b = seesRuntime.get(loader);
            if (b == null) {
                try {
                    b = Class.forName(Fiber.class.getName(), false, loader) == Fiber.class;
                } catch (Throwable t) {
                    b = false;
                }
                seesRuntime.put(loader, b);
            }
            return b;
        }
    }

    private void dump(String className, byte[] bytes) {
        try {
            Path file = dump.resolve(className + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            StringWriter text = new StringWriter();
            new ClassReader(bytes).accept(new TraceClassVisitor(new PrintWriter(text)), 0);
            Files.writeString(dump.resolve(className + ".txt"), text.toString());
        } catch (Throwable t) {
            warn(className, "could not dump: " + t);
        }
    }

    private static void warn(String className, String reason) {
        System.err.println("jbeam: WARNING: " + (className == null ? "?" : className.replace('/', '.'))
                + " is loaded unwoven: " + reason);
    }
}
