package io.jbeam.bench;

import io.jbeam.Erlang;
import io.jbeam.bench.peer.PekkoRing;
import io.jbeam.bench.peer.PekkoSystem;
import io.jbeam.bench.peer.QueueActors;
import io.jbeam.bench.peer.QueueRing;
import io.jbeam.bench.woven.Messaging;
import io.jbeam.bench.woven.Rings;
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
 * Armstrong's ring: {@code processes} nodes in a ring, a token passed round it {@code 1,000,000 / processes} times,
 * so that every row makes the same {@value #PASSES} passes: 1000 processes x 1000 laps (the classic), 10,000 x 100,
 * 100,000 x 10, 1,000,000 x 1. One operation is one pass, so the score is ns per message, and the rows read as a
 * series: what a message costs as the number of processes grows past the caches.
 *
 * <p>The token is an Integer counting the passes made; the benchmark sends 0 to the first node, each node passes it
 * on with one added, and the last node's last pass comes back to the benchmark, which checks it is
 * {@value #PASSES} (the message in is the one message more in a million that the score does not count).
 * {@code timed} says what an invocation includes:
 * <ul>
 *   <li>{@code hops}: only the passes; the ring is built once per trial and its nodes wait for the next token;</li>
 *   <li>{@code spawnAndHops}: building the ring too: each invocation spawns the nodes, closes the ring, passes the
 *       token, and every node ends after its last pass.</li>
 * </ul>
 * Implementations: {@code jbeam} (processes), {@code virtualThreads} (JDK 21+: a virtual thread per node, a
 * {@code LinkedTransferQueue} per mailbox), {@code pekko} (classic actors, one actor system per trial). The Erlang
 * version is {@code bench/src/main/erlang/ring.escript}. A million nodes of any kind need a few GB: the heap is 6 GB.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RingBenchmark {
    static final int PASSES = 1_000_000;

    @Param({"1000", "10000", "100000", "1000000"})
    public int processes;

    @Param({"hops", "spawnAndHops"})
    public String timed;

    private int laps;
    private boolean once;

    private Pid self;
    private Pid[] ring;

    private QueueRing queueRing;
    private BlockingQueue<Object> box;
    private BlockingQueue<Object>[] boxes;

    private ActorSystem system;
    private ActorRef[] actors;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        if (processes <= 0 || PASSES % processes != 0) {
            throw new IllegalArgumentException("processes must divide " + PASSES + ": " + processes);
        }
        laps = PASSES / processes;
        once = timed.equals("spawnAndHops");
        if (!once && !timed.equals("hops")) {
            throw new IllegalArgumentException("timed is hops or spawnAndHops: " + timed);
        }
        String benchmark = params.getBenchmark();
        if (benchmark.endsWith(".virtualThreads")) {
            queueRing = new QueueRing();
            box = QueueActors.mailbox();
            boxes = once ? null : queueRing.build(processes, laps, false, box);
        } else if (benchmark.endsWith(".pekko")) {
            system = PekkoSystem.create("ring");
            box = QueueActors.mailbox();
            actors = once ? null : PekkoRing.build(system, processes, laps, false, box);
        } else {
            AgentCheck.requireWoven(Rings.class);
            self = Erlang.self();
            ring = once ? null : jbeamRing(false);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        if (system != null) {
            PekkoSystem.terminate(system);
        } else if (boxes != null) {
            for (BlockingQueue<Object> b : boxes) {
                b.put(QueueActors.STOP);
            }
        } else if (ring != null) {
            for (Pid p : ring) {
                Erlang.send(p, Messaging.STOP);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(PASSES)
    public Object jbeam() {
        Pid first = once ? jbeamRing(true)[0] : ring[0];
        Erlang.send(first, 0);
        return Replies.expect("the token's passes", PASSES, Replies.receive("ring"));
    }

    @Benchmark
    @OperationsPerInvocation(PASSES)
    public Object virtualThreads() throws InterruptedException {
        BlockingQueue<Object> first = once ? queueRing.build(processes, laps, true, box)[0] : boxes[0];
        first.put(0);
        return Replies.expect("the token's passes", PASSES, Replies.take(box, "ring"));
    }

    @Benchmark
    @OperationsPerInvocation(PASSES)
    public Object pekko() throws InterruptedException {
        ActorRef first = once ? PekkoRing.build(system, processes, laps, true, box)[0] : actors[0];
        first.tell(0, ActorRef.noSender());
        return Replies.expect("the token's passes", PASSES, Replies.take(box, "ring"));
    }

    /** Spawns the ring from the last node back to the first, then tells the last node the first's pid. */
    private Pid[] jbeamRing(boolean spawnOnce) {
        Pid[] nodes = new Pid[processes];
        nodes[processes - 1] = Erlang.spawn(Rings.closer(self, laps, spawnOnce));
        for (int i = processes - 2; i >= 0; i--) {
            nodes[i] = Erlang.spawn(Rings.node(nodes[i + 1], laps, spawnOnce));
        }
        Erlang.send(nodes[processes - 1], nodes[0]);
        return nodes;
    }
}
