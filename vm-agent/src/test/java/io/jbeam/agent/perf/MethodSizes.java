package io.jbeam.agent.perf;

import io.jbeam.agent.weaver.ClassWeaver;
import io.jbeam.agent.weaver.WeavePolicy;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Not a test: weaves the classes of a jar under a package prefix and prints the bytecode size of each method before
 * and after weaving, for methods woven past {@code CodeSizes.WOVEN_LIMIT} (where the weaver pins them instead), or named.
 *
 * <pre>
 *   java -cp vm-agent/target/jbeam-agent.jar:vm-agent/target/test-classes io.jbeam.agent.perf.MethodSizes \
 *        bench/target/benchmarks.jar io/jbeam/bench/woven [method...]
 * </pre>
 */
public final class MethodSizes {
    private static final int HUGE = io.jbeam.agent.weaver.CodeSizes.WOVEN_LIMIT;

    private MethodSizes() {
    }

    public static void main(String[] args) throws Exception {
        File jar = new File(args[0]);
        String prefix = args[1];
        List<String> named = List.of(args).subList(2, args.length);
        ClassWeaver weaver = ClassWeaver.forRuntime(new WeavePolicy(List.of(prefix), List.of()));
        int huge = 0;
        int hugeOriginally = 0;
        long before = 0;
        long after = 0;
        int pinnedForSize = 0;
        try (JarFile jf = new JarFile(jar);
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toURI().toURL()}, null)) {
            for (Enumeration<JarEntry> e = jf.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (!entry.getName().startsWith(prefix) || !entry.getName().endsWith(".class")) continue;
                byte[] b;
                try (var in = jf.getInputStream(entry)) {
                    b = in.readAllBytes();
                }
                ClassWeaver.Result r = weaver.weaveWithReport(b, loader);
                if (r == null) continue;
                pinnedForSize += r.pinnedForSize;
                Map<String, Integer> orig = sizes(b);
                Map<String, Integer> woven = sizes(r.bytes);
                for (Map.Entry<String, Integer> m : woven.entrySet()) {
                    int o = orig.getOrDefault(m.getKey(), 0);
                    int w = m.getValue();
                    before += o;
                    after += w;
                    if (o > HUGE) hugeOriginally++;
                    else if (w > HUGE) huge++;
                    String name = m.getKey().substring(0, m.getKey().indexOf('('));
                    if ((w > HUGE && o <= HUGE) || named.contains(name)) {
                        System.out.printf("%7d -> %7d  %s.%s%n", o, w, r.className, m.getKey());
                    }
                }
            }
        }
        System.out.printf("total %d -> %d bytes (x%.2f); %d methods past %d bytes woven only, %d already before;"
                + " %d pinned for size%n", before, after, (double) after / before, huge, HUGE, hugeOriginally,
                pinnedForSize);
    }

    private static Map<String, Integer> sizes(byte[] b) {
        ClassNode cn = new ClassNode();
        new ClassReader(b).accept(cn, ClassReader.SKIP_FRAMES);
        Map<String, Integer> out = new HashMap<>();
        for (MethodNode m : cn.methods) {
            if (m.instructions.size() == 0) continue;
            out.put(m.name + m.desc, codeLength(m));
        }
        return out;
    }

    /** The length of the method's code attribute, as the JIT sees it. */
    private static int codeLength(MethodNode m) {
        org.objectweb.asm.tree.ClassNode c = new org.objectweb.asm.tree.ClassNode();
        c.version = org.objectweb.asm.Opcodes.V17;
        c.name = "X";
        c.superName = "java/lang/Object";
        c.access = org.objectweb.asm.Opcodes.ACC_PUBLIC;
        c.methods = new ArrayList<>(List.of(m));
        org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(0);
        c.accept(cw);
        return codeLengthOf(cw.toByteArray());
    }

    /** Reads the first Code attribute's code_length from a one-method class file. */
    private static int codeLengthOf(byte[] b) {
        ClassReader cr = new ClassReader(b);
        char[] buf = new char[cr.getMaxStringLength()];
        int u = cr.header + 6;
        int interfaces = cr.readUnsignedShort(u);
        u += 2 + 2 * interfaces;
        int fields = cr.readUnsignedShort(u);
        u += 2;
        for (int i = 0; i < fields; i++) {
            int attrs = cr.readUnsignedShort(u + 6);
            u += 8;
            for (int j = 0; j < attrs; j++) u += 6 + cr.readInt(u + 2);
        }
        u += 2; // methods count
        int attrs = cr.readUnsignedShort(u + 6);
        u += 8;
        for (int j = 0; j < attrs; j++) {
            String name = cr.readUTF8(u, buf);
            if ("Code".equals(name)) return cr.readInt(u + 6 + 4);
            u += 6 + cr.readInt(u + 2);
        }
        return 0;
    }
}
