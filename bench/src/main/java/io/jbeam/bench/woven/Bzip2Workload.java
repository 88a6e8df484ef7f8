package io.jbeam.bench.woven;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/** Commons Compress: bzip2 (pure Java block sorting and Huffman coding) compress then decompress 64 KB of text. */
public final class Bzip2Workload implements Task {
    private final byte[] input;

    public Bzip2Workload(byte[] input) {
        this.input = input;
    }

    @Override
    public Object run() {
        try {
            ByteArrayOutputStream packed = new ByteArrayOutputStream(input.length / 2);
            try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(packed, 1)) {
                out.write(input);
            }
            byte[] back = new byte[input.length];
            try (BZip2CompressorInputStream in =
                         new BZip2CompressorInputStream(new ByteArrayInputStream(packed.toByteArray()))) {
                int n = 0;
                while (n < back.length) {
                    int r = in.read(back, n, back.length - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                if (n != input.length) {
                    throw new IllegalStateException("bzip2 round trip lost bytes: " + n + " of " + input.length);
                }
            }
            return back;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
