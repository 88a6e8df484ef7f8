package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.agent.weaver.ClassHierarchy;
import io.jbeam.agent.weaver.ClassWeaver;
import io.jbeam.agent.weaver.CodeSizes;
import io.jbeam.agent.weaver.FrameAnalyzer;
import io.jbeam.agent.weaver.TypeOracle;
import io.jbeam.agent.weaver.UnwovenSubtypeGuard;
import io.jbeam.agent.weaver.WeavePolicy;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Weaves every class of real libraries (Guava, the Kotlin and Scala standard libraries), verifies each woven class
 * with ASM's analyser over the same hierarchy, and links it in a throwaway class loader (which runs the JVM's own
 * verifier). A class that fails to link woven must fail the same way unwoven (a missing optional dependency). No
 * method that fits the JIT's size limit unwoven may exceed it woven. The same classes guarded (as an unwoven subtype of
 * a woven type is) must link as they do unguarded.
 */
class WeavingCorpusTest {
    @ParameterizedTest
    @ValueSource(strings = {"com.google.common.collect.ImmutableList", "kotlin.Unit", "scala.Option"})
    void weavesEveryClassOfTheJar(String probe) throws Exception {
        Path jar = jarOf(probe);
        Map<String, byte[]> original = classesOf(jar);
        ClassLoader parent = getClass().getClassLoader();
        Map<String, byte[]> woven = new LinkedHashMap<>();
        ClassWeaver weaver = ClassWeaver.forRuntime(WeavePolicy.everything());
        MapLoader hierarchyLoader = new MapLoader(parent, original);
        Map<String, String> failures = new TreeMap<>();
        Map<String, String> leftUnwoven = new TreeMap<>();
        int untouched = 0;
        int capturable = 0;
        int pinned = 0;
        int pinnedForSize = 0;
        int copies = 0;
        long codeBefore = 0; // bytecode of the woven classes' methods, before and after
        long codeAfter = 0;
        Map<String, String> outgrown = new TreeMap<>(); // methods within WOVEN_LIMIT unwoven, past it woven
        for (Map.Entry<String, byte[]> c : original.entrySet()) {
            try {
                ClassWeaver.Result r = weaver.weaveWithReport(c.getValue(), hierarchyLoader);
                if (r == null) {
                    untouched++;
                    woven.put(c.getKey(), c.getValue());
                    continue;
                }
                byte[] b = r.bytes;
                String problem = analyse(b, hierarchyLoader);
                if (problem != null) {
                    failures.put(c.getKey(), "woven class does not verify: " + problem);
                }
                capturable += r.capturable;
                pinned += r.pinned;
                pinnedForSize += r.pinnedForSize;
                copies += r.copies;
                Map<String, Integer> before = CodeSizes.of(c.getValue());
                codeBefore += before.values().stream().mapToLong(Integer::longValue).sum();
                codeAfter += CodeSizes.of(b).values().stream().mapToLong(Integer::longValue).sum();
                for (Map.Entry<String, Integer> m : CodeSizes.of(b).entrySet()) {
                    int o = before.getOrDefault(m.getKey(), 0);
                    if (o <= CodeSizes.WOVEN_LIMIT && m.getValue() > CodeSizes.WOVEN_LIMIT) {
                        outgrown.put(c.getKey() + "." + m.getKey(), o + " -> " + m.getValue());
                    }
                }
                woven.put(c.getKey(), b);
            } catch (Throwable t) {
                failures.put(c.getKey(), "weaving threw " + t);
                woven.put(c.getKey(), c.getValue());
            }
        }
        linkBoth(parent, original, woven, failures, leftUnwoven);
        System.out.printf("%s: %d classes, %d woven (%d capturable methods, %d pinned, %d of them for size,"
                + " %d fiber-passing copies), %d need no weaving, %d do not link even unwoven, %d failures;"
                + " their code %d bytes unwoven, %d woven (%.2fx)%n",
                jar.getFileName(), original.size(), original.size() - untouched, capturable, pinned, pinnedForSize,
                copies, untouched, leftUnwoven.size(), failures.size(), codeBefore, codeAfter,
                (double) codeAfter / codeBefore);
        leftUnwoven.entrySet().stream().limit(20).forEach(e -> System.out.println("  unlinkable: " + e));
        assertTrue(original.size() > 500, "corpus too small: " + original.size());
        assertTrue(copies > 0, "no fiber-passing copies woven and verified");
        assertEquals(Map.of(), outgrown, "methods within the woven size limit unwoven, past it woven");
        assertNone(failures);
    }

    /**
     * Guards every class of the same libraries as if it were left unwoven below woven types (every class with a
     * supertype outside the JDK is guarded, as its supertypes count as woven), and links each guarded class: the
     * call the guard adds before a method's first instruction must leave every method valid as it was.
     */
    @ParameterizedTest
    @ValueSource(strings = {"com.google.common.collect.ImmutableList", "kotlin.Unit", "scala.Option"})
    void guardsEveryClassOfTheJar(String probe) throws Exception {
        Path jar = jarOf(probe);
        Map<String, byte[]> original = classesOf(jar);
        ClassLoader parent = getClass().getClassLoader();
        ClassHierarchy hierarchy = ClassHierarchy.of(new MapLoader(parent, original));
        Map<String, byte[]> guarded = new LinkedHashMap<>();
        Map<String, String> failures = new TreeMap<>();
        int count = 0;
        for (Map.Entry<String, byte[]> c : original.entrySet()) {
            try {
                byte[] g = UnwovenSubtypeGuard.guard(c.getValue(), hierarchy, WeavePolicy.everything());
                count += g == null ? 0 : 1;
                guarded.put(c.getKey(), g == null ? c.getValue() : g);
            } catch (Throwable t) {
                failures.put(c.getKey(), "guarding threw " + t);
                guarded.put(c.getKey(), c.getValue());
            }
        }
        linkBoth(parent, original, guarded, failures, new TreeMap<>());
        System.out.printf("%s: %d classes, %d guarded, %d failures%n", jar.getFileName(), original.size(), count,
                failures.size());
        assertTrue(count > original.size() / 4, "too few classes guarded: " + count);
        assertNone(failures);
    }

    /**
     * Links each class as it was and as {@code changed} has it: linking runs the JVM's verifier. A class that links
     * only as it was, or fails to verify changed, goes to {@code failures}; one that fails the same way both times
     * (a missing optional dependency) to {@code unlinkable}. Classes already in {@code failures} are skipped.
     */
    private static void linkBoth(ClassLoader parent, Map<String, byte[]> original, Map<String, byte[]> changed,
            Map<String, String> failures, Map<String, String> unlinkable) {
        MapLoader changedLoader = new MapLoader(parent, changed);
        MapLoader plainLoader = new MapLoader(parent, original);
        for (String name : original.keySet()) {
            if (failures.containsKey(name)) continue;
            String w = link(changedLoader, name);
            if (w == null) continue;
            String p = link(plainLoader, name);
            if (w.startsWith("java.lang.VerifyError") || w.startsWith("java.lang.ClassFormatError")
                    || !w.equals(p)) {
                failures.put(name, "changed: " + w + "; as it was: " + p);
            } else {
                unlinkable.put(name, "does not link unchanged either: " + p);
            }
        }
    }

    /** Prints the first failures; fails when there is any (listing only their names when there are many). */
    private static void assertNone(Map<String, String> failures) {
        failures.entrySet().stream().limit(40).forEach(e -> System.out.println("  FAILURE: " + e));
        assertEquals(Map.of(), failures.size() > 10 ? Map.of("failures", failures.size() + " " + failures.keySet())
                : failures);
    }

    private static Path jarOf(String probe) throws Exception {
        return Path.of(Class.forName(probe).getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Every class of the jar by binary name, but module-info. */
    private static Map<String, byte[]> classesOf(Path jar) throws Exception {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = jf.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String n = entry.getName();
                if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
                    try (var in = jf.getInputStream(entry)) {
                        classes.put(n.substring(0, n.length() - 6).replace('/', '.'), in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    /** Runs ASM's analyser with the weaver's own hierarchy over every method; null when all verify. */
    private static String analyse(byte[] b, ClassLoader loader) {
        ClassNode cn = new ClassNode();
        new ClassReader(b).accept(cn, 0);
        TypeOracle types = new TypeOracle(ClassHierarchy.of(loader), new ClassHierarchy.Info(cn.name, cn.superName,
                cn.interfaces.toArray(new String[0]), (cn.access & Opcodes.ACC_INTERFACE) != 0));
        for (MethodNode m : cn.methods) {
            try {
                FrameAnalyzer.analyze(cn, m, types);
            } catch (Exception e) {
                return m.name + m.desc + ": " + e.getMessage();
            }
        }
        return null;
    }

    /** Loads, then links (getDeclaredMethods links the class, which verifies it) without initializing. */
    private static String link(ClassLoader loader, String name) {
        try {
            Class<?> c = Class.forName(name, false, loader);
            c.getDeclaredMethods();
            c.getDeclaredFields();
            return null;
        } catch (Throwable t) {
            String m = t.toString();
            return m.length() > 300 ? m.substring(0, 300) : m;
        }
    }

    /** Defines the classes of a map itself (child first); everything else comes from the parent. */
    static final class MapLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        MapLoader(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected synchronized Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                return super.loadClass(name, resolve);
            }
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = defineClass(name, b, 0, b.length);
            }
            return c;
        }
    }

}
