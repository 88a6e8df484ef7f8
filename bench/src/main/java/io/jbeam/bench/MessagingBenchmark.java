package io.jbeam.bench;

import io.jbeam.Erlang;
import io.jbeam.SpawnOptions;
import io.jbeam.bench.peer.PekkoMessaging;
import io.jbeam.bench.peer.PekkoSystem;
import io.jbeam.bench.peer.QueueActors;
import io.jbeam.bench.woven.Messaging;
import io.jbeam.bif.SystemInfo;
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
 * Message passing, one operation = one message (each invocation sends {@value #MESSAGES}):
 * <ul>
 *   <li>{@code pingPong}: a process makes 500 round trips to an echo process, both on the schedulers. A process
 *       woken by a process goes to the waker's scheduler, so the pair shares one scheduler;</li>
 *   <li>{@code pingPongCrossScheduler}: the same with the pinger bound to scheduler 1 and the echo to scheduler 2
 *       (spawn option {@code {scheduler, N}}; the forks run with the default scheduler count, two or more), so
 *       every message crosses from one scheduler thread to the other and wakes it if it idles. Virtual threads
 *       cannot be bound to a carrier, nor Pekko actors to one thread of their dispatcher: their row is their
 *       ordinary ping-pong;</li>
 *   <li>{@code pingPongThread}: the benchmark thread (a plain thread, not a scheduler) makes 500 round trips to an
 *       echo process: every message crosses threads and wakes the other side;</li>
 *   <li>{@code ring}: Armstrong's ring, {@value #RING} processes, built once; a token goes 998 hops round it, and
 *       the message in and the {@code done} out make 1000.</li>
 * </ul>
 * {@code jbeam} runs them with processes; {@code virtualThreads} (JDK 21+) with a virtual thread per process and a
 * {@code LinkedTransferQueue} per mailbox ({@link QueueActors}); {@code pekko} with Apache Pekko classic actors
 * ({@link PekkoMessaging}, one actor system per trial; in {@code pingPongThread} the benchmark thread sends to the echo
 * actor and takes its answers from a queue, and each invocation checks the answer that ends it). The Erlang
 * versions are {@code bench/src/main/erlang/messaging.escript}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class MessagingBenchmark {
    static final int MESSAGES = 1000;
    static final int RING = 1000;
    private static final SpawnOptions SCHEDULER_1 = SpawnOptions.scheduler(1);

    @Param({"pingPong", "pingPongCrossScheduler", "pingPongThread", "ring"})
    public String shape;

    private Pid self;
    private Pid echo;
    private Pid ringFirst;
    private Pid[] ring;

    private QueueActors actors;
    private BlockingQueue<Object> box;
    private BlockingQueue<Object> echoBox;
    private BlockingQueue<Object>[] ringBoxes;

    private ActorSystem system;
    private ActorRef echoActor;
    private ActorRef[] ringActors;
    private PekkoMessaging.ReplyTo replyTo;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        if (params.getBenchmark().endsWith(".pekko")) {
            system = PekkoSystem.create("messaging");
            box = QueueActors.mailbox();
            replyTo = new PekkoMessaging.ReplyTo(box);
            echoActor = PekkoMessaging.echo(system);
            if (shape.equals("ring")) {
                ringActors = PekkoMessaging.ring(system, RING, box);
            }
            return;
        }
        if (params.getBenchmark().endsWith(".virtualThreads")) {
            actors = new QueueActors();
            box = QueueActors.mailbox();
            echoBox = QueueActors.mailbox();
            actors.echo(echoBox);
            if (shape.equals("ring")) {
                ringBoxes = actors.ring(RING, box);
            }
            return;
        }
        AgentCheck.requireWoven(Messaging.class);
        self = Erlang.self();
        echo = shape.equals("pingPongCrossScheduler")
                ? Erlang.spawnOpt(Messaging.echo(), bound(2))
                : Erlang.spawn(Messaging.echo());
        if (shape.equals("ring")) {
            ring = new Pid[RING];
            Runnable node = Messaging.ringNode(self);
            for (int i = 0; i < RING; i++) {
                ring[i] = Erlang.spawn(node);
            }
            for (int i = 0; i < RING; i++) {
                Erlang.send(ring[i], ring[(i + 1) % RING]);
            }
            ringFirst = ring[0];
        }
    }

    /** Scheduler {@code n}, failing with a clear message on a machine (or fork) with fewer schedulers. */
    private static SpawnOptions bound(int n) {
        int schedulers = SystemInfo.schedulerStats().schedulers();
        if (schedulers < n) {
            throw new IllegalStateException("pingPongCrossScheduler needs 2 schedulers; this fork has " + schedulers);
        }
        return SpawnOptions.scheduler(n);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        if (system != null) {
            PekkoSystem.terminate(system);
            return;
        }
        if (actors != null) {
            echoBox.put(QueueActors.STOP);
            if (ringBoxes != null) {
                for (BlockingQueue<Object> b : ringBoxes) {
                    b.put(QueueActors.STOP);
                }
            }
            return;
        }
        Erlang.send(echo, Messaging.STOP);
        if (ring != null) {
            for (Pid p : ring) {
                Erlang.send(p, Messaging.STOP);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public Object jbeam() {
        switch (shape) {
            case "pingPong":
                Erlang.spawn(Messaging.pinger(echo, MESSAGES / 2, self));
                return Erlang.receive();
            case "pingPongCrossScheduler":
                Erlang.spawnOpt(Messaging.pinger(echo, MESSAGES / 2, self), SCHEDULER_1);
                return expect(Messaging.DONE, Erlang.receive());
            case "pingPongThread":
                Object last = null;
                for (int i = 0; i < MESSAGES / 2; i++) {
                    Erlang.send(echo, self);
                    last = Erlang.receive();
                }
                return last;
            default:
                Erlang.send(ringFirst, MESSAGES - 2);
                return Erlang.receive();
        }
    }

    private static Object expect(Object expected, Object got) {
        if (got != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + got);
        }
        return got;
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public Object virtualThreads() throws InterruptedException {
        switch (shape) {
            case "pingPong":
            case "pingPongCrossScheduler": // a virtual thread cannot be bound to a carrier
                actors.pinger(echoBox, MESSAGES / 2, box);
                return box.take();
            case "pingPongThread":
                Object last = null;
                for (int i = 0; i < MESSAGES / 2; i++) {
                    echoBox.put(box);
                    last = box.take();
                }
                return last;
            default:
                ringBoxes[0].put(MESSAGES - 2);
                return box.take();
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public Object pekko() throws InterruptedException {
        switch (shape) {
            case "pingPong":
            case "pingPongCrossScheduler": // an actor cannot be bound to one thread of its dispatcher
                PekkoMessaging.pinger(system, echoActor, MESSAGES / 2, box);
                return Replies.expect(shape, PekkoMessaging.DONE, Replies.take(box, shape));
            case "pingPongThread":
                Object last = null;
                for (int i = 0; i < MESSAGES / 2; i++) {
                    echoActor.tell(replyTo, ActorRef.noSender());
                    last = Replies.take(box, shape);
                }
                return Replies.expect(shape, PekkoMessaging.PONG, last);
            case "ring":
                ringActors[0].tell(MESSAGES - 2, ActorRef.noSender());
                return Replies.expect(shape, PekkoMessaging.DONE, Replies.take(box, shape));
            default:
                throw new IllegalArgumentException("no Pekko version of " + shape);
        }
    }
}
