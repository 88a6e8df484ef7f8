package io.jbeam.bench.report;

/**
 * A JVM that ran benchmarks, as JMH records it in its JSON results.
 *
 * @param jdkVersion {@code jdkVersion}, such as {@code 25.0.3}
 * @param vmName {@code vmName}
 * @param vmVersion {@code vmVersion}, such as {@code 25.0.3+9-LTS}
 * @param path {@code jvm}: the java binary
 */
record Jvm(String jdkVersion, String vmName, String vmVersion, String path) {

    String describe() {
        return "JDK " + jdkVersion + " (" + vmName + " " + vmVersion + (path.isEmpty() ? "" : ", `" + path + "`") + ")";
    }
}
