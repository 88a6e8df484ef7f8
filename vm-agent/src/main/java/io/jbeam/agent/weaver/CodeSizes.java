package io.jbeam.agent.weaver;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/** The bytecode length of each method of a class file ({@code name + desc} to the length of its Code attribute). */
public final class CodeSizes {
    /** HotSpot's {@code HugeMethodLimit}: a longer method is never JIT-compiled (while {@code DontCompileHugeMethods}). */
    public static final int JIT_LIMIT = 8000;

    /**
     * The longest a capturable method may grow by weaving; a longer one is woven pinned instead (when it was no longer
     * than this unwoven). Below {@link #JIT_LIMIT} because HotSpot's first tier (C1) gives up on a method whose
     * register allocation needs more than about 2000 stack slots, and woven code, whose every resume point merges all
     * the values live there, gets there first: it gave up on a 7,936-byte woven Jackson method (672
     * bytes unwoven), which then ran interpreted for seconds until the second tier took it; it compiled a 6,685-byte
     * one. The limit lies between the two: a method pinned runs compiled at once but never suspends inside, so it is
     * kept as high as the evidence allows.
     */
    public static final int WOVEN_LIMIT = 7000;

    private CodeSizes() {
    }

    public static Map<String, Integer> of(byte[] classFile) {
        ClassReader cr = new ClassReader(classFile);
        char[] buf = new char[cr.getMaxStringLength()];
        Map<String, Integer> sizes = new HashMap<>();
        int u = cr.header + 6;
        u += 2 + 2 * cr.readUnsignedShort(u);                   // interfaces
        int fields = cr.readUnsignedShort(u);
        u += 2;
        for (int i = 0; i < fields; i++) {
            u = skipAttributes(cr, u + 6);
        }
        int methods = cr.readUnsignedShort(u);
        u += 2;
        for (int i = 0; i < methods; i++) {
            String name = cr.readUTF8(u + 2, buf);
            String desc = cr.readUTF8(u + 4, buf);
            int attrs = cr.readUnsignedShort(u + 6);
            u += 8;
            for (int j = 0; j < attrs; j++) {
                if ("Code".equals(cr.readUTF8(u, buf))) {
                    sizes.put(name + desc, cr.readInt(u + 6 + 4));
                }
                u += 6 + cr.readInt(u + 2);
            }
        }
        return sizes;
    }

    private static int skipAttributes(ClassReader cr, int u) {
        int attrs = cr.readUnsignedShort(u);
        u += 2;
        for (int j = 0; j < attrs; j++) {
            u += 6 + cr.readInt(u + 2);
        }
        return u;
    }
}
