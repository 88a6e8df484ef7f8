package io.jbeam.agent.weaver;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/** The bytecode length of each method of a class file ({@code name + desc} to the length of its Code attribute). */
public final class CodeSizes {
    /** HotSpot's {@code HugeMethodLimit}: a longer method is never JIT-compiled (while {@code DontCompileHugeMethods}). */
    public static final int JIT_LIMIT = 8000;

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
