package io.jbeam.bench;

import io.jbeam.Erlang;
import io.jbeam.bench.peer.VirtualThreads;
import io.jbeam.bench.woven.Bodies;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Spawn and exit: each invocation spawns a batch of {@value #BATCH} processes that end at once, and waits until all
 * have ended; the score is per process.
 * <ul>
 *   <li>{@code spawnExit}: the body counts down a latch the benchmark thread waits on (the least a process can do);</li>
 *   <li>{@code spawnReply}: the body sends a message to its parent, which receives all {@value #BATCH} (the Erlang
 *       idiom);</li>
 *   <li>{@code virtualThreadExit}: the peer, a virtual thread per task counting down the same latch (JDK 21+).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SpawnBenchmark {
    static final int BATCH = 1000;
    private static final Atom DONE = Atom.of("done");

    private Pid self;
    private Runnable reply;
    private VirtualThreads virtualThreads;

    @Setup
    public void setUp(BenchmarkParams params) {
        if (params.getBenchmark().endsWith(".virtualThreadExit")) {
            virtualThreads = new VirtualThreads();
            return;
        }
        AgentCheck.requireWoven(Bodies.class);
        self = Erlang.self();
        reply = Bodies.reply(self, DONE);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void spawnExit() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(BATCH);
        Runnable body = Bodies.countDown(done);
        for (int i = 0; i < BATCH; i++) {
            Erlang.spawn(body);
        }
        done.await();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void spawnReply() {
        for (int i = 0; i < BATCH; i++) {
            Erlang.spawn(reply);
        }
        for (int i = 0; i < BATCH; i++) {
            Erlang.receive();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void virtualThreadExit() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(BATCH);
        Runnable body = done::countDown;
        for (int i = 0; i < BATCH; i++) {
            virtualThreads.start(body);
        }
        done.await();
    }
}
