package io.jbeam.bench;

import io.jbeam.bench.peer.JdkContinuation;
import io.jbeam.bench.woven.YieldChain;
import io.jbeam.scheduler.Coroutine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One yield plus one resume with {@code depth} frames on the stack between the coroutine's root and the yield:
 * jbeam's woven {@link Coroutine} (frames unwound by return into the fiber's frame store, and rewound on resume)
 * against the JDK's {@code jdk.internal.vm.Continuation} (frames copied by the VM). The JDK peer needs JDK 21+
 * ({@code -jvm /usr/lib/jvm/temurin-25-jdk-amd64/bin/java}); on JDK 17 it fails at setup saying so.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss8m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class YieldResumeBenchmark {
    private static final int PROBE_ROUNDS = 3;

    @Param({"1", "10", "100"})
    public int depth;

    private Coroutine coroutine;
    private JdkContinuation continuation;

    @Setup
    public void setUp(BenchmarkParams params) {
        if (params.getBenchmark().endsWith(".jdkContinuation")) {
            probe(new JdkContinuation(depth, PROBE_ROUNDS)::resume, "jdk.internal.vm.Continuation");
            continuation = new JdkContinuation(depth, Long.MAX_VALUE);
        } else {
            AgentCheck.requireWoven(YieldChain.class);
            Coroutine probe = new Coroutine(new YieldChain(depth, PROBE_ROUNDS));
            probe(probe::resume, "jbeam Coroutine");
            coroutine = new Coroutine(new YieldChain(depth, Long.MAX_VALUE));
        }
    }

    /** Checks that the body really yields once per resume (a pinned body would run to its end at once). */
    private static void probe(java.util.function.BooleanSupplier resume, String what) {
        for (int i = 0; i < PROBE_ROUNDS; i++) {
            if (resume.getAsBoolean()) {
                throw new IllegalStateException(what + " ended after " + i + " resumes instead of yielding "
                        + PROBE_ROUNDS + " times: the yield did not suspend");
            }
        }
        if (!resume.getAsBoolean()) {
            throw new IllegalStateException(what + " did not end after " + PROBE_ROUNDS + " yields");
        }
    }

    @Benchmark
    public boolean coroutine() {
        return coroutine.resume();
    }

    @Benchmark
    public boolean jdkContinuation() {
        return continuation.resume();
    }
}
