package io.jbeam.bench.report;

/**
 * One implementation's run of the fairness probe: the percentiles of the echo round trips while the spinners ran,
 * as its {@code RESULT fairness} line gives them, and the round trips themselves when it wrote them to a file.
 *
 * @param label the implementation and its platform, such as {@code jbeam (JDK 17.0.15)}
 * @param spinners how many CPU-bound processes (or threads) spun
 * @param pings the timed round trips
 * @param p50Us median round trip, µs
 * @param p99Us 99th percentile, µs
 * @param maxUs the longest, µs
 * @param during how many round trips ended while the spinners still ran
 * @param latenciesNanos every round trip in the order measured, ns; empty if the program wrote none
 */
record FairnessRun(String label, int spinners, int pings, double p50Us, double p99Us, double maxUs, int during,
                   long[] latenciesNanos) {

    /** The label of a RESULT line: its impl, with the JDK ({@code jdk=}) or OTP ({@code otp=}) release it ran on. */
    static String label(ResultLine line) {
        String impl = line.get("impl");
        String name = Implementations.displayName(impl);
        if (line.fields().containsKey("jdk")) {
            return name + " (JDK " + line.fields().get("jdk") + ")";
        }
        if (line.fields().containsKey("otp")) {
            return name + " (OTP " + line.fields().get("otp") + ")";
        }
        return name;
    }
}
