package io.jbeam.bench;

import io.jbeam.Erlang;
import io.jbeam.bench.woven.Bodies;
import io.jbeam.bench.woven.Task;
import io.jbeam.scheduler.BudgetPolicy;
import io.jbeam.scheduler.Coroutine;
import io.jbeam.term.Pid;
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
 * The cost of weaving on CPU-bound code: one workload, the same bytecode, four ways.
 * <ul>
 *   <li>{@code plain}: the renamed copy the agent leaves alone ({@link PlainCopies}), on the benchmark thread;</li>
 *   <li>{@code woven}: the woven copy on the benchmark thread, a plain thread whose fiber never suspends (as code
 *       called from {@code main} runs);</li>
 *   <li>{@code coroutine}: the woven copy inside a {@link Coroutine} with BEAM's 4000-reduction slice, resumed on
 *       the benchmark thread until it ends: counts the preemptions' unwind and rewind, no scheduler;</li>
 *   <li>{@code process}: the woven copy in a spawned Erlang process on a scheduler thread, which sends the result
 *       back: the real thing, plus one spawn and one message per operation;</li>
 *   <li>{@code wovenNoHugeLimit}: {@code woven} with {@code -XX:-DontCompileHugeMethods}, a diagnostic: HotSpot never
 *       compiles a method of more than 8000 bytes of bytecode, and weaving can push a hot method past that limit
 *       (the gap between this and {@code woven} is what that cliff costs).</li>
 * </ul>
 * The report ({@link BenchReport}) divides each by {@code plain} and takes the geometric mean over workloads.
 * Each benchmark method runs in its own fork and loads only the copy it runs, so the JIT profiles of shared JDK
 * code see one copy.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class WeavingOverheadBenchmark {
    @Param({"fib25", "fib30", "jsonBind", "jsonTree", "bzip2", "base64"})
    public String workload;

    private Workload work;
    private Task task;
    private Pid self;
    private final Object[] result = new Object[1];

    @Setup
    public void setUp(BenchmarkParams params) {
        boolean plain = params.getBenchmark().endsWith(".plain");
        work = plain ? Variants.plain(workload) : Variants.woven(workload);
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        if (method.equals("coroutine") || method.equals("process")) {
            task = (Task) work;
            requireCapturable(task);
        }
        if (method.equals("process")) {
            self = Erlang.self();
        }
    }

    /**
     * Checks that the workload, run as a process body, is preempted at all (a body entered through a plain type runs
     * pinned from its root and never yields), and prints how many of its preemptions found it pinned (inside a frame
     * that cannot be captured: reflection, a JDK callback, a call through a JDK type) and so did not yield.
     */
    private static void requireCapturable(Task task) {
        Object[] sink = new Object[1];
        Coroutine c = new Coroutine(Bodies.runInto(task, sink), BudgetPolicy.fixed(BudgetPolicy.DEFAULT_REDUCTIONS),
                null);
        int preemptions = 0;
        while (!c.resume()) {
            preemptions++;
        }
        long pinned = c.fiber().pinnedPreemptions();
        if (preemptions == 0) {
            throw new IllegalStateException("the workload ran pinned inside a coroutine (" + pinned + " pinned "
                    + "preemptions, none taken): its numbers would not include the cost of capture and restore");
        }
        System.out.printf("%s in a coroutine: %d preemptions taken, %d found it pinned%n",
                task.getClass().getSimpleName(), preemptions, pinned);
    }

    @Benchmark
    public Object plain() {
        return work.run();
    }

    @Benchmark
    public Object woven() {
        return work.run();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:-DontCompileHugeMethods"})
    public Object wovenNoHugeLimit() {
        return work.run();
    }

    @Benchmark
    public Object coroutine() {
        Coroutine c = new Coroutine(Bodies.runInto(task, result), BudgetPolicy.fixed(BudgetPolicy.DEFAULT_REDUCTIONS),
                null);
        while (!c.resume()) {
            // preempted: resume it at once, as a scheduler with nothing else to run would
        }
        Object r = result[0];
        result[0] = null;
        return r;
    }

    @Benchmark
    public Object process() {
        Erlang.spawn(Bodies.runAndReply(self, task));
        return Erlang.receive();
    }
}
