package io.jbeam.bench.woven;

import org.apache.commons.codec.binary.Base64;

/** Commons Codec: encode 256 KB to MIME-chunked Base64 and decode it back (the codec's own loops, not the JDK's). */
public final class Base64Workload implements Task {
    private final byte[] input;
    private final Base64 codec = new Base64(76);

    public Base64Workload(byte[] input) {
        this.input = input;
    }

    @Override
    public Object run() {
        byte[] encoded = codec.encode(input);
        byte[] decoded = codec.decode(encoded);
        if (decoded.length != input.length) {
            throw new IllegalStateException("base64 round trip changed the length");
        }
        return decoded;
    }
}
