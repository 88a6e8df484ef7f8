package io.jbeam.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads the classes of {@value #WOVEN} (the workloads and the libraries shaded under it) a second time, renamed into
 * {@value #PLAIN}. The agent weaves the first package and is told to leave the second alone, so the weaving benchmark
 * compares the same bytecode woven and unwoven in one JVM, without a second copy of any source.
 *
 * <p>Everything outside {@value #PLAIN} is delegated to the parent, so both copies share the JDK, the
 * {@link Workload} interface and the rest of the benchmarks jar.
 */
public final class PlainCopies extends ClassLoader {
    /** The package the agent weaves (its classes are on the class path). */
    public static final String WOVEN = "io.jbeam.bench.woven";
    /** The package of the renamed copies, which the agent must exclude. Same length as {@link #WOVEN}. */
    public static final String PLAIN = "io.jbeam.bench.plain";

    private static final PlainCopies INSTANCE = new PlainCopies(PlainCopies.class.getClassLoader());

    static {
        registerAsParallelCapable();
    }

    private final ClassRenamer renamer = new ClassRenamer(WOVEN, PLAIN);

    private PlainCopies(ClassLoader parent) {
        super("jbeam-bench-plain", parent);
    }

    /** The plain copy of the woven class {@code wovenName} (a name in {@value #WOVEN}). */
    public static Class<?> plainCopyOf(String wovenName) throws ClassNotFoundException {
        if (!wovenName.startsWith(WOVEN + ".")) {
            throw new IllegalArgumentException(wovenName + " is not in " + WOVEN);
        }
        return Class.forName(PLAIN + wovenName.substring(WOVEN.length()), true, INSTANCE);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PLAIN + ".")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] b = renamer.rename(wovenClassFile(name));
                c = defineClass(name, b, 0, b.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private byte[] wovenClassFile(String plainName) throws ClassNotFoundException {
        String resource = (WOVEN + plainName.substring(PLAIN.length())).replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(plainName + " (no " + resource + " to copy)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
