package io.jbeam.bench;

import io.jbeam.bench.report.ConsoleReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with the given command line (the same options as {@code java -jar benchmarks.jar}) and then prints the
 * ratios this project tracks, computed from the results of this one run, one table per benchmark class: jbeam /
 * each peer (woven / plain for the weaving overhead, with the geometric mean; coroutine / JDK continuation; jbeam /
 * virtual threads, Pekko, Erlang). The tables are those of the report ({@code io.jbeam.bench.report}).
 *
 * <p>Erlang peers' RESULT lines come from the file named by the system property {@code bench.erlang} and the
 * {@code *.txt} files of the directory {@code bench.results}.
 */
public final class BenchReport {
    private BenchReport() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions options = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(options).run();
        List<Path> peers = new ArrayList<>();
        for (String property : new String[] {"bench.erlang", "bench.results"}) {
            String v = System.getProperty(property);
            if (v != null && !v.isEmpty()) {
                peers.add(Path.of(v));
            }
        }
        System.out.println();
        System.out.println(ConsoleReport.of(results, peers));
    }
}
