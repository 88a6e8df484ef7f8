package io.jbeam.term;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An Erlang binary: immutable bytes, equal by content. A Java {@code String} or {@code byte[]} is also read
 * as a binary (a String as its UTF-8 bytes); this class is for bytes that are not text and for decoded terms.
 */
public final class Binary {
    private static final Binary EMPTY = new Binary(new byte[0]);

    private final byte[] bytes;

    private Binary(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The binary of these bytes (copied). */
    public static Binary of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new Binary(bytes.clone());
    }

    /** The UTF-8 bytes of {@code text}. */
    public static Binary utf8(String text) {
        return new Binary(text.getBytes(StandardCharsets.UTF_8));
    }

    public int size() {
        return bytes.length;
    }

    /** The byte at zero-based index {@code i}, 0..255. */
    public int byteAt(int i) {
        return bytes[i] & 0xFF;
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The bytes decoded as UTF-8 (malformed input replaced). */
    public String utf8String() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The bytes without copying, for this package's printer and comparator. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Binary && Arrays.equals(bytes, ((Binary) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Erlang syntax: {@code <<"text">>} or {@code <<1,2,3>>}. */
    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
