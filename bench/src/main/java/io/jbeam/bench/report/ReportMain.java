package io.jbeam.bench.report;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the benchmark report from a results directory of {@code bench/run-bench}:
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar io.jbeam.bench.report.ReportMain RESULTS_DIR [REPORT_DIR=.]
 * </pre>
 *
 * {@code REPORT_DIR} receives {@code BENCHMARKS.md} and its charts under {@code docs/bench/}. Prints the files
 * written, and the fairness table on the console.
 */
public final class ReportMain {
    private ReportMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ReportMain RESULTS_DIR [REPORT_DIR]");
            System.exit(2);
        }
        Results results = Results.read(Path.of(args[0]));
        List<Path> written = MarkdownReport.write(results, Path.of(args.length > 1 ? args[1] : "."));
        System.out.println("report: " + results.tables().size() + " benchmark tables, "
                + results.fairness.size() + " fairness runs, " + (written.size() - 1) + " charts");
        for (Path p : written) {
            System.out.println("  " + p);
        }
        for (String u : results.unreadable) {
            System.out.println("not read: " + u);
        }
        if (!results.fairness.isEmpty()) {
            System.out.println();
            System.out.println("fairness: echo round trips while the spinners ran");
            System.out.print(MarkdownReport.fairnessTable(results.fairness).text());
        }
    }
}
