package io.jbeam.bench;

import java.nio.charset.StandardCharsets;

/**
 * Renames a package inside a class file by rewriting its constant pool. The old and new package names have the
 * same length, so every UTF-8 constant keeps its length and the file is patched in place: no attribute, offset or
 * index moves. Both spellings are rewritten, internal ({@code a/b/c/}) for class names and descriptors, dotted
 * ({@code a.b.c.}) for the class names libraries keep in string constants.
 */
final class ClassRenamer {
    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int FLOAT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELD_REF = 9;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_HANDLE = 15;
    private static final int METHOD_TYPE = 16;
    private static final int DYNAMIC = 17;
    private static final int INVOKE_DYNAMIC = 18;
    private static final int MODULE = 19;
    private static final int PACKAGE = 20;

    private final byte[] fromInternal;
    private final byte[] toInternal;
    private final byte[] fromDotted;
    private final byte[] toDotted;

    /** Renames package {@code from} (dotted, e.g. {@code a.b.woven}) to {@code to}, which must be as long. */
    ClassRenamer(String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("package names must have the same length: " + from + ", " + to);
        }
        this.fromDotted = (from + ".").getBytes(StandardCharsets.US_ASCII);
        this.toDotted = (to + ".").getBytes(StandardCharsets.US_ASCII);
        this.fromInternal = (from.replace('.', '/') + "/").getBytes(StandardCharsets.US_ASCII);
        this.toInternal = (to.replace('.', '/') + "/").getBytes(StandardCharsets.US_ASCII);
    }

    /** A renamed copy of {@code classFile}. */
    byte[] rename(byte[] classFile) {
        byte[] b = classFile.clone();
        if (u4(b, 0) != 0xCAFEBABE) {
            throw new IllegalArgumentException("not a class file");
        }
        int count = u2(b, 8);
        int p = 10;
        for (int i = 1; i < count; i++) {
            int tag = b[p] & 0xFF;
            switch (tag) {
                case UTF8: {
                    int len = u2(b, p + 1);
                    replaceAll(b, p + 3, p + 3 + len, fromInternal, toInternal);
                    replaceAll(b, p + 3, p + 3 + len, fromDotted, toDotted);
                    p += 3 + len;
                    break;
                }
                case INTEGER: case FLOAT: case FIELD_REF: case METHOD_REF: case INTERFACE_METHOD_REF:
                case NAME_AND_TYPE: case DYNAMIC: case INVOKE_DYNAMIC:
                    p += 5;
                    break;
                case LONG: case DOUBLE:
                    p += 9;
                    i++; // takes two entries
                    break;
                case CLASS: case STRING: case METHOD_TYPE: case MODULE: case PACKAGE:
                    p += 3;
                    break;
                case METHOD_HANDLE:
                    p += 4;
                    break;
                default:
                    throw new IllegalArgumentException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return b;
    }

    private static void replaceAll(byte[] b, int start, int end, byte[] from, byte[] to) {
        outer:
        for (int i = start; i + from.length <= end; i++) {
            for (int j = 0; j < from.length; j++) {
                if (b[i + j] != from[j]) {
                    continue outer;
                }
            }
            System.arraycopy(to, 0, b, i, to.length);
            i += from.length - 1;
        }
    }

    private static int u2(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    private static int u4(byte[] b, int p) {
        return (u2(b, p) << 16) | u2(b, p + 2);
    }
}
