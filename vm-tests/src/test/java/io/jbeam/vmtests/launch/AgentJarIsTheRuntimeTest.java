package io.jbeam.vmtests.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent jar is the whole runtime: an application compiled with only the agent jar on its class path runs with
 * the jar as its agent and nothing else of jbeam; and an option the agent does not know stops the JVM at start-up
 * with a message naming it.
 */
class AgentJarIsTheRuntimeTest {
    private static final long BOUND_SECONDS = 120;

    private static final String APP = String.join("\n",
            "import io.jbeam.Erlang;",
            "import io.jbeam.term.Pid;",
            "import io.jbeam.term.Tuple;",
            "public class App {",
            "    public static void main(String[] args) {",
            "        Pid me = Erlang.self();",
            "        Pid echo = Erlang.spawn(() -> {",
            "            Tuple m = (Tuple) Erlang.receive();",
            "            Erlang.send((Pid) m.get(0), Tuple.of(m.get(1), Erlang.self().equals(m.get(0))));",
            "        });",
            "        Erlang.send(echo, Tuple.of(me, 42L));",
            "        System.out.println(\"reply \" + Erlang.receive(30_000));",
            "        System.out.println(\"woven \" + App.class.isAnnotationPresent(io.jbeam.scheduler.Woven.class));",
            "    }",
            "}");

    /** The agent jar this test JVM was started with. */
    private static Path agentJar() {
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-javaagent:")) {
                String spec = arg.substring("-javaagent:".length());
                int eq = spec.indexOf('=');
                return Path.of(eq < 0 ? spec : spec.substring(0, eq));
            }
        }
        throw new AssertionError("this test runs under the agent");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM still running after " + BOUND_SECONDS + " s: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }

    @Test
    void anAppCompiledAgainstTheAgentJarRunsWithItAlone(@TempDir Path dir) throws Exception {
        Path agent = agentJar();
        Path src = dir.resolve("App.java");
        Files.writeString(src, APP);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK with javac runs the tests");
        int rc = javac.run(null, null, null, "-cp", agent.toString(), "-d", dir.toString(), src.toString());
        assertEquals(0, rc, "App compiles against the agent jar alone");

        List<String> cmd = new ArrayList<>(List.of(java(), "-javaagent:" + agent, "-cp", dir.toString(), "App"));
        Result r = run(dir, cmd);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("reply {42,false}"), r.output());
        assertTrue(r.output().contains("woven true"), r.output());
    }

    @Test
    void anUnknownOptionStopsStartUpNamingIt(@TempDir Path dir) throws Exception {
        Result r = run(dir, List.of(java(), "-javaagent:" + agentJar() + "=schedulers=1,frobnicate=3", "-version"));
        assertTrue(r.exit() != 0, "the JVM must not start: " + r.output());
        assertTrue(r.output().contains("frobnicate"), r.output());
    }

    @Test
    void aMalformedValueStopsStartUpNamingIt(@TempDir Path dir) throws Exception {
        Result r = run(dir, List.of(java(), "-javaagent:" + agentJar() + "=schedulers=many", "-version"));
        assertTrue(r.exit() != 0, "the JVM must not start: " + r.output());
        assertTrue(r.output().contains("schedulers"), r.output());
    }
}
