package io.jbeam.conformance;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs the escripts on real Erlang/OTP, several at a time, each in its own bounded OS process. */
final class ErlangOracle implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 60;

    private final String escript;
    private final ExecutorService pool;

    private ErlangOracle(String escript) {
        this.escript = escript;
        this.pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors() / 2), r -> {
            Thread t = new Thread(r, "escript-runner");
            t.setDaemon(true);
            return t;
        });
    }

    /** The oracle, or null when no escript is found (given as a path, or on the PATH). */
    static ErlangOracle find(String configured) {
        String name = configured == null || configured.isBlank() ? "escript" : configured;
        if (name.contains(File.separator)) {
            return Files.isExecutable(Path.of(name)) ? new ErlangOracle(name) : null;
        }
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return new ErlangOracle(candidate.toString());
        }
        return null;
    }

    String escript() {
        return escript;
    }

    /** Starts the escript now; the future gives its stdout (with any stderr and exit status appended on failure). */
    CompletableFuture<String> run(Path script) {
        return CompletableFuture.supplyAsync(() -> runNow(script), pool);
    }

    private String runNow(Path script) {
        try {
            Path err = Files.createTempFile("escript", ".err");
            try {
                Process p = new ProcessBuilder(escript, script.getFileName().toString())
                        .directory(script.getParent().toFile())
                        .redirectError(err.toFile())
                        .start();
                p.getOutputStream().close();
                byte[] out;
                try (InputStream in = p.getInputStream()) {
                    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
                        try {
                            return in.readAllBytes();
                        } catch (IOException e) {
                            return new byte[0];
                        }
                    });
                    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        return "escript timed out after " + TIMEOUT_SECONDS + " s\n";
                    }
                    out = read.get(10, TimeUnit.SECONDS);
                }
                String text = new String(out, StandardCharsets.ISO_8859_1);
                String errors = Files.readString(err, StandardCharsets.ISO_8859_1);
                if (p.exitValue() != 0 || !errors.isEmpty()) {
                    text = text + "escript exit status " + p.exitValue() + "\n" + errors;
                }
                return text;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (Exception e) {
            return "escript failed to run: " + e + "\n";
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
