package io.jbeam.vmtests.suite;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One run of the third-party suite in a child JVM with the JUnit console launcher: its command line, its working
 * directory (holding the resources the suite reads by relative path, as its own build lays them out), and its output.
 */
final class SuiteLaunch {
    /** Resources the suite reads from {@code src/test/resources/...} relative to the working directory. */
    private static final String RESOURCES = "src/test/resources/";

    private final String name;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<Path> classPath = new ArrayList<>();
    private final List<String> launcherOptions = new ArrayList<>();

    SuiteLaunch(String name) {
        this.name = name;
    }

    SuiteLaunch jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    SuiteLaunch classPath(List<Path> jars) {
        classPath.addAll(jars);
        return this;
    }

    SuiteLaunch launcherOption(String... options) {
        launcherOptions.addAll(List.of(options));
        return this;
    }

    /** What a finished run left: exit code, output, wall time. */
    static final class Outcome {
        final String name;
        final int exitCode;
        final String output;
        final long millis;
        final Path outputFile;

        Outcome(String name, int exitCode, String output, long millis, Path outputFile) {
            this.name = name;
            this.exitCode = exitCode;
            this.output = output;
            this.millis = millis;
            this.outputFile = outputFile;
        }
    }

    /**
     * Runs the launcher in {@code workRoot/<name>}, with the non-class entries of {@code testsJar} unpacked under its
     * {@code src/test/resources}. Kills the child (and its descendants) and fails if it runs longer than
     * {@code timeoutSeconds}.
     */
    Outcome run(Path workRoot, Path testsJar, long timeoutSeconds) throws IOException, InterruptedException {
        Path dir = workRoot.resolve(name);
        deleteTree(dir);
        unpackResources(testsJar, dir.resolve(RESOURCES));
        Path out = workRoot.resolve(name + ".out");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        StringBuilder cp = new StringBuilder();
        for (Path p : classPath) {
            if (cp.length() > 0) cp.append(File.pathSeparatorChar);
            cp.append(p.toAbsolutePath());
        }
        command.add(cp.toString());
        command.add("org.junit.platform.console.ConsoleLauncher");
        command.add("execute");
        command.addAll(launcherOptions);

        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        long start = System.nanoTime();
        Process child = pb.start();
        if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("the " + name + " run of the suite did not finish within " + timeoutSeconds
                    + " s and was killed; its output is in " + out + "; command: " + String.join(" ", command));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String output = Files.readString(out, StandardCharsets.UTF_8);
        return new Outcome(name, child.exitValue(), output, millis, out);
    }

    private static void unpackResources(Path jar, Path into) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String n = e.getName();
                if (e.isDirectory() || n.endsWith(".class") || n.startsWith("META-INF/")) {
                    continue;
                }
                Path target = into.resolve(n).normalize();
                if (!target.startsWith(into)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
