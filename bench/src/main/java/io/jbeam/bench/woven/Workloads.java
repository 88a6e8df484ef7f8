package io.jbeam.bench.woven;

import io.jbeam.bench.Workload;

/**
 * The workloads of the weaving benchmark, by name. This class and everything it reaches in this package is loaded
 * twice: woven, as {@code io.jbeam.bench.woven.*}, and plain, as {@code io.jbeam.bench.plain.*}.
 *
 * <ul>
 *   <li>{@code fib25}, {@code fib30}: naive recursive Fibonacci, the worst case for a per-call yield point;</li>
 *   <li>{@code jsonBind}: Jackson databind, a ~60 KB order document parsed into objects and written back;</li>
 *   <li>{@code jsonTree}: Jackson's tree model, the same document read into nodes, walked, and written back;</li>
 *   <li>{@code bzip2}: Commons Compress, 64 KB of text compressed and decompressed with bzip2;</li>
 *   <li>{@code base64}: Commons Codec, 256 KB encoded to Base64 and decoded back.</li>
 * </ul>
 */
public final class Workloads implements Workload.Factory {
    /** Every workload name, in report order. */
    public static final String[] NAMES = {"fib25", "fib30", "jsonBind", "jsonTree", "bzip2", "base64"};

    @Override
    public Task create(String name) {
        switch (name) {
            case "fib25":
                return new FibWorkload(25);
            case "fib30":
                return new FibWorkload(30);
            case "jsonBind":
                return new JsonBindWorkload(OrderDocument.json(120, 42));
            case "jsonTree":
                return new JsonTreeWorkload(OrderDocument.json(120, 42));
            case "bzip2":
                return new Bzip2Workload(SampleText.bytes(64 * 1024, 7));
            case "base64":
                return new Base64Workload(SampleText.bytes(256 * 1024, 11));
            default:
                throw new IllegalArgumentException("no workload named " + name);
        }
    }
}
