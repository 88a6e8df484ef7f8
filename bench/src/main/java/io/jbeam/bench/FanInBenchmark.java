package io.jbeam.bench;

import io.jbeam.Erlang;
import io.jbeam.bench.peer.PekkoFanIn;
import io.jbeam.bench.peer.PekkoSystem;
import io.jbeam.bench.peer.QueueActors;
import io.jbeam.bench.peer.QueueFanIn;
import io.jbeam.bench.woven.FanIn;
import io.jbeam.term.Pid;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Many to one: each invocation starts a consumer and {@code producers} producers, each sending
 * {@code 1,000,000 / producers} messages (the integers from 1) to the consumer, which adds them up and answers the
 * benchmark with the sum once all {@value #MESSAGES} have arrived; the benchmark checks the sum. One operation is
 * one message, so the score is ns per message. With one producer it is a stream between two processes; with 1000,
 * the consumer's mailbox takes sends from many at once. Nothing slows the producers down: the consumer's mailbox
 * grows as far as they outrun it, in every implementation.
 *
 * <p>Implementations: {@code jbeam} (processes), {@code virtualThreads} (JDK 21+: virtual threads and a
 * {@code LinkedTransferQueue} mailbox), {@code pekko} (classic actors, one actor system per trial). The Erlang
 * version is {@code bench/src/main/erlang/fanin.escript}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class FanInBenchmark {
    static final int MESSAGES = 1_000_000;

    @Param({"1", "10", "1000"})
    public int producers;

    private int each;
    private long sum;

    private Pid self;
    private QueueFanIn queues;
    private BlockingQueue<Object> box;
    private ActorSystem system;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        if (producers <= 0 || MESSAGES % producers != 0) {
            throw new IllegalArgumentException("producers must divide " + MESSAGES + ": " + producers);
        }
        each = MESSAGES / producers;
        sum = (long) producers * each * (each + 1) / 2;
        String benchmark = params.getBenchmark();
        if (benchmark.endsWith(".virtualThreads")) {
            queues = new QueueFanIn();
            box = QueueActors.mailbox();
        } else if (benchmark.endsWith(".pekko")) {
            system = PekkoSystem.create("fanin");
            box = QueueActors.mailbox();
        } else {
            AgentCheck.requireWoven(FanIn.class);
            self = Erlang.self();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (system != null) {
            PekkoSystem.terminate(system);
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public Object jbeam() {
        Pid consumer = Erlang.spawn(FanIn.consumer(MESSAGES, self));
        Runnable producer = FanIn.producer(consumer, each);
        for (int i = 0; i < producers; i++) {
            Erlang.spawn(producer);
        }
        return Replies.expect("the consumer's sum", sum, Replies.receive("fan-in"));
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public Object virtualThreads() throws InterruptedException {
        BlockingQueue<Object> consumer = queues.consumer(MESSAGES, box);
        for (int i = 0; i < producers; i++) {
            queues.producer(consumer, each);
        }
        return Replies.expect("the consumer's sum", sum, Replies.take(box, "fan-in"));
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public Object pekko() throws InterruptedException {
        ActorRef consumer = PekkoFanIn.consumer(system, MESSAGES, box);
        for (int i = 0; i < producers; i++) {
            PekkoFanIn.producer(system, consumer, each);
        }
        return Replies.expect("the consumer's sum", sum, Replies.take(box, "fan-in"));
    }
}
