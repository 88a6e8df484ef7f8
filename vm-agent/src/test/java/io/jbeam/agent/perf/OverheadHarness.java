package io.jbeam.agent.perf;

import io.jbeam.Erlang;
import io.jbeam.term.Pid;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: weaving overhead on CPU-bound code, the bench module's workloads run plain and woven inside a process,
 * interleaved in one JVM so both see the same machine load. Each round times a batch of each in CPU time (this
 * thread's plus the scheduler threads', so that other load on the machine does not count); the figure is the ratio
 * of the medians, and their geometric mean over workloads; beside it, the same for the fastest rounds (load from
 * elsewhere on the machine only ever adds time). Run the agent with {@code schedulers=1}.
 *
 * <pre>
 *   java -javaagent:vm-agent/target/jbeam-agent.jar=include=io.jbeam.bench.woven,schedulers=1 \
 *        -cp bench/target/benchmarks.jar:vm-agent/target/test-classes io.jbeam.agent.perf.OverheadHarness \
 *        [rounds=15] [batchMillis=60] [workload...]
 * </pre>
 */
public final class OverheadHarness {
    private static Object sink;

    private OverheadHarness() {
    }

    public static void main(String[] args) throws Throwable {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        long batchNanos = (args.length > 1 ? Long.parseLong(args[1]) : 60) * 1_000_000L;
        List<String> names = args.length > 2 ? Arrays.asList(args).subList(2, args.length)
                : List.of("fib25", "fib30", "jsonBind", "jsonTree", "bzip2", "base64");
        Class<?> workload = Class.forName("io.jbeam.bench.Workload");
        Class<?> variants = Class.forName("io.jbeam.bench.Variants");
        Method plainOf = variants.getMethod("plain", String.class);
        Method wovenOf = variants.getMethod("woven", String.class);
        Method runAndReply = Class.forName("io.jbeam.bench.woven.Bodies").getMethod("runAndReply", Pid.class,
                Class.forName("io.jbeam.bench.woven.Task"));
        MethodHandle run = MethodHandles.publicLookup().findVirtual(workload, "run", MethodType.methodType(Object.class))
                .asType(MethodType.methodType(Object.class, Object.class));
        Pid self = Erlang.self();
        double logSum = 0;
        double logMinSum = 0;
        StringBuilder report = new StringBuilder();
        for (String name : names) {
            Object plain = plainOf.invoke(null, name);
            Object woven = wovenOf.invoke(null, name);
            Batch p = () -> sink = run.invokeExact(plain);
            Batch w = () -> {
                Erlang.spawn((Runnable) runAndReply.invoke(null, self, woven));
                sink = Erlang.receive();
            };
            long warmEnd = System.nanoTime() + 4_000_000_000L;
            while (System.nanoTime() < warmEnd) {
                p.run();
                w.run();
            }
            int n = Math.max(1, (int) (batchNanos / Math.max(1, time(p, 3) / 3)));
            double[] tp = new double[rounds];
            double[] tw = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                tp[r] = time(p, n) / (double) n;
                tw[r] = time(w, n) / (double) n;
            }
            double mp = median(tp);
            double mw = median(tw);
            double bp = Arrays.stream(tp).min().getAsDouble();
            double bw = Arrays.stream(tw).min().getAsDouble();
            logSum += Math.log(mw / mp);
            logMinSum += Math.log(bw / bp);
            report.append(String.format("%-10s plain %10.1f us  process %10.1f us  ratio %.3f   fastest: %10.1f %10.1f"
                    + "  ratio %.3f%n", name, mp / 1e3, mw / 1e3, mw / mp, bp / 1e3, bw / 1e3, bw / bp));
        }
        report.append(String.format("geomean %.3f   of the fastest rounds %.3f%n", Math.exp(logSum / names.size()),
                Math.exp(logMinSum / names.size())));
        System.out.print(report);
        System.exit(0);
    }

    private interface Batch {
        void run() throws Throwable;
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static long time(Batch b, int n) throws Throwable {
        long t0 = cpu();
        for (int i = 0; i < n; i++) {
            b.run();
        }
        return cpu() - t0;
    }

    /** CPU time of this thread and of every scheduler thread. */
    private static long cpu() {
        long sum = THREADS.getCurrentThreadCpuTime();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t instanceof io.jbeam.scheduler.CarrierThread) {
                sum += THREADS.getThreadCpuTime(t.getId());
            }
        }
        return sum;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
