package io.jbeam.bench;

import io.jbeam.bench.peer.savina.PekkoSavina;
import io.jbeam.bench.peer.savina.VtSavina;
import io.jbeam.bench.savina.JbeamSavina;
import io.jbeam.bench.savina.SavinaProgram;
import io.jbeam.bench.savina.SavinaSizes;
import io.jbeam.bench.woven.savina.PingPong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Savina's micro set and Skynet, one operation = one run of the whole program (ms). The programs and their sizes
 * are in {@link SavinaProgram} and {@link SavinaSizes}; {@code scale} shrinks them for a smoke run
 * ({@code -p scale=0.01}). Every run checks its result and throws if it is wrong.
 * <ul>
 *   <li>{@code jbeam}: processes, bodies in {@code io.jbeam.bench.woven.savina};</li>
 *   <li>{@code virtualThreads}: a virtual thread per actor, a {@code LinkedTransferQueue} per mailbox (JDK 21+);</li>
 *   <li>{@code pekko}: Apache Pekko classic actors, one actor system per trial.</li>
 * </ul>
 * The Erlang versions are {@code bench/src/main/erlang/savina.escript}. The heap holds Skynet's 1,111,111
 * processes, threads or actors.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SavinaBenchmark {
    /** How long one run may take before it counts as failed. */
    static final long TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(5);

    @Param({"pingPong", "counting", "fjThroughput", "fjCreate", "threadRing", "chameneos", "big", "skynet"})
    public String program;

    @Param({"1.0"})
    public double scale;

    private SavinaProgram savina;
    private SavinaSizes sizes;
    private VtSavina virtualThreads;
    private PekkoSavina pekko;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        savina = SavinaProgram.named(program);
        sizes = SavinaSizes.at(scale);
        String method = params.getBenchmark();
        if (method.endsWith(".virtualThreads")) {
            virtualThreads = new VtSavina();
        } else if (method.endsWith(".pekko")) {
            pekko = new PekkoSavina();
        } else {
            AgentCheck.requireWoven(PingPong.class);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (pekko != null) {
            pekko.close();
        }
    }

    @Benchmark
    public long jbeam() {
        return JbeamSavina.run(savina, sizes, TIMEOUT_MILLIS);
    }

    @Benchmark
    public long virtualThreads() {
        return virtualThreads.run(savina, sizes, TIMEOUT_MILLIS);
    }

    @Benchmark
    public long pekko() {
        return pekko.run(savina, sizes, TIMEOUT_MILLIS);
    }
}
