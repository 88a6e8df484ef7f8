package io.jbeam.bench;

import io.jbeam.Erlang;
import io.jbeam.bench.peer.SelectiveMailbox;
import io.jbeam.bench.peer.SelectivePekko;
import io.jbeam.bench.peer.SelectiveThreads;
import io.jbeam.bench.woven.Selective;
import io.jbeam.term.Atom;
import io.jbeam.term.Pid;
import io.jbeam.term.Tuple;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
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
 * Selective receive past queued messages; one operation = one matching receive, so the score is ns per matching
 * receive. A client process has {@code queued} messages in its mailbox that no receive of its matches, all older than
 * anything else; it calls a server, one call at a time, each with a fresh receive for the reply, which is the newest
 * message. Each invocation lets the server answer {@value #CALLS} calls (see {@code io.jbeam.bench.woven.Selective}).
 *
 * <p>{@code tag} is what the reply's pattern matches:
 * <ul>
 *   <li>{@code atom}: the atom {@code pong}. A fresh receive scans the mailbox from its oldest message, past all the
 *       queued ones, in jbeam as in Erlang: the cost grows with {@code queued}. (A receive that has to wait scans only
 *       what arrives after, in both; here the scan happens once per call either way.)</li>
 *   <li>{@code ref}: {@code {Ref, pong}} for a {@code Ref} made by {@code make_ref()} just before the call, the
 *       gen_server call idiom. Erlang's compiler marks the mailbox at {@code make_ref()} and the receive starts there,
 *       so its cost does not grow with {@code queued}; jbeam has no such marker yet and scans them all, as for
 *       {@code atom}.</li>
 * </ul>
 * Implementations: {@code jbeam} (processes), {@code virtualThreads} (JDK 21+; a {@link SelectiveMailbox} per thread),
 * {@code pekko} (classic actors, the Stash idiom: {@link SelectivePekko}); Erlang is
 * {@code bench/src/main/erlang/selective.escript}.
 *
 * <p>At the edges of an invocation, the client's scan for the first call of the next one may begin before the
 * invocation does (it starts as soon as the previous reply arrives): scores can be low by up to one call in
 * {@value #CALLS}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SelectiveReceiveBenchmark {
    static final int CALLS = 100;
    private static final long WAIT_MS = 120_000;
    private static final Atom MESSAGE_QUEUE_LEN = Atom.of("message_queue_len");

    @Param({"0", "1000", "100000"})
    public int queued;

    @Param({"atom", "ref"})
    public String tag;

    private Pid self;
    private Pid server;
    private Pid client;

    private BlockingQueue<Object> grants;
    private SelectiveMailbox serverBox;
    private SelectiveMailbox clientBox;
    private Thread clientThread;

    private SelectivePekko pekko;
    private ActorRef pekkoServer;
    private ActorRef pekkoClient;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws InterruptedException {
        boolean byRef = tag.equals("ref");
        if (!byRef && !tag.equals("atom")) {
            throw new IllegalArgumentException("tag is atom or ref: " + tag);
        }
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        switch (method) {
            case "virtualThreads":
                SelectiveThreads threads = new SelectiveThreads();
                grants = new LinkedTransferQueue<>();
                serverBox = new SelectiveMailbox();
                clientBox = new SelectiveMailbox();
                threads.server(serverBox, grants);
                clientThread = threads.client(clientBox, serverBox, queued, byRef);
                break;
            case "pekko":
                pekko = new SelectivePekko();
                grants = new LinkedTransferQueue<>();
                pekkoServer = pekko.server(grants);
                pekkoClient = pekko.client(pekkoServer, queued, byRef);
                break;
            default:
                AgentCheck.requireWoven(Selective.class);
                self = Erlang.self();
                server = Erlang.spawn(Selective.server(self));
                client = Erlang.spawn(Selective.client(server, queued, byRef));
                // The first call is answered once the client has queued its junk: from here on it is all there.
                jbeamCalls(1);
                checkQueued(messageQueueLength());
                break;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (clientThread != null) {
            clientThread.interrupt();
            clientThread.join(WAIT_MS);
            serverBox.send(SelectiveThreads.STOP);
            checkQueued(clientBox.size());
        } else if (pekko != null) {
            pekko.close();
        } else {
            checkQueued(messageQueueLength());
            Erlang.exit(client, Atom.of("kill"));
            Erlang.send(server, Selective.STOP);
        }
    }

    /** The client's queue: the junk, plus at most the last reply it has not taken yet. */
    private void checkQueued(int length) {
        if (length != queued && length != queued + 1) {
            throw new IllegalStateException("the client has " + length + " messages queued, expected " + queued);
        }
    }

    private int messageQueueLength() {
        Object info = Erlang.processInfo(client, MESSAGE_QUEUE_LEN);
        Object n = info instanceof Tuple ? ((Tuple) info).get(1) : info;
        return ((Number) n).intValue();
    }

    private Object jbeamCalls(int n) {
        Erlang.send(server, n);
        return answered(n, Erlang.receive(WAIT_MS));
    }

    private static Object answered(int granted, Object reply) {
        if (reply == null || !reply.equals(granted)) {
            throw new IllegalStateException("the server answered " + reply + " (null: nothing within " + WAIT_MS
                    + " ms) to a grant of " + granted + " calls");
        }
        return reply;
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public Object jbeam() {
        return jbeamCalls(CALLS);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public Object virtualThreads() throws InterruptedException {
        serverBox.send(CALLS);
        return answered(CALLS, grants.poll(WAIT_MS, TimeUnit.MILLISECONDS));
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public Object pekko() throws InterruptedException {
        pekkoServer.tell(CALLS, ActorRef.noSender());
        return answered(CALLS, grants.poll(WAIT_MS, TimeUnit.MILLISECONDS));
    }
}
