package io.jbeam.bench.report;

import java.util.List;

/**
 * One row of one benchmark class for one implementation.
 *
 * @param benchmark the JMH class's simple name ({@code MessagingBenchmark})
 * @param impl the implementation: the JMH method name, or {@code erlang} for an escript's RESULT line
 * @param paramNames the JMH {@code @Param} names in JMH's order (alphabetical); empty for an Erlang line
 * @param row the {@code @Param} values joined by commas, in that order ({@code ""} when there are none)
 * @param jdk the JDK version the fork ran on ({@code 25.0.3}), or {@code ""} for a non-JVM peer
 * @param score the figure
 */
record Result(String benchmark, String impl, List<String> paramNames, String row, String jdk, Score score) {

    /** The class and JDK a table groups by. */
    String tableKey() {
        return benchmark + (jdk.isEmpty() ? "" : " on JDK " + jdk);
    }
}
