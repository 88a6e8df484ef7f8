package io.jbeam.agent;

import io.jbeam.agent.weaver.ClassHierarchy;
import io.jbeam.agent.weaver.ClassWeaver;
import io.jbeam.agent.weaver.UnwovenSubtypeGuard;
import io.jbeam.agent.weaver.WeavePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the classes of chosen packages from the parent's class path woven by {@link ClassWeaver}, child first;
 * everything else (the runtime above all) comes from the parent, so woven code and the test share one runtime.
 * Excluded packages inside the chosen ones load here too, unwoven, as the agent treats them.
 */
public final class WeavingClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final List<String> prefixes;
    private final ClassWeaver weaver;
    public final Map<String, ClassWeaver.Result> reports = new ConcurrentHashMap<>();
    /** Classes loaded unwoven (excluded) and guarded ({@link UnwovenSubtypeGuard}). */
    public final Set<String> guarded = ConcurrentHashMap.newKeySet();

    /** {@code prefixes}: dotted package prefixes such as {@code "io.jbeam.shapes."}. */
    public WeavingClassLoader(ClassLoader parent, String... prefixes) {
        this(parent, List.of(), prefixes);
    }

    /**
     * As the agent with {@code include=prefixes,exclude=excluded}: classes under {@code excluded} (dotted prefixes
     * inside {@code prefixes}) still load here, but unwoven, guarded when they extend a woven type.
     */
    public WeavingClassLoader(ClassLoader parent, List<String> excluded, String... prefixes) {
        super(parent);
        this.prefixes = List.of(prefixes);
        this.weaver = ClassWeaver.forRuntime(new WeavePolicy(slashed(this.prefixes), slashed(excluded)));
    }

    private static List<String> slashed(List<String> dotted) {
        return dotted.stream().map(p -> p.replace('.', '/')).toList();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (prefixes.stream().noneMatch(name::startsWith)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = read(name);
                if (weaver.policy().isWeavable(name.replace('.', '/'))) {
                    ClassWeaver.Result r = weaver.weaveWithReport(bytes, this);
                    if (r != null) {
                        reports.put(name, r);
                        bytes = r.bytes;
                    }
                } else {
                    byte[] g = UnwovenSubtypeGuard.guard(bytes, ClassHierarchy.of(this), weaver.policy());
                    if (g != null) {
                        guarded.add(name);
                        bytes = g;
                    }
                }
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private byte[] read(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
