package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.agent.weaver.WeavePolicy;
import io.jbeam.scheduler.VmConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {
    @Test
    void defaults() {
        AgentOptions o = AgentOptions.parse(null);
        assertEquals(4000, o.reductions());
        assertEquals(0, o.schedulers());
        assertEquals(0.0, o.chaos());
        assertFalse(o.strict());
        assertNull(o.dump());
        assertEquals(o.toString(), AgentOptions.parse("").toString());
    }

    @Test
    void everyOption() {
        AgentOptions o = AgentOptions.parse(
                "schedulers=3, reductions=100,chaos=0.25,seed=-7,strict,dump=/tmp/d,include=com.acme;org/x/,"
                        + "exclude=com.acme.internal:com.acme.gen,verbose");
        assertEquals(3, o.schedulers());
        assertEquals(100, o.reductions());
        assertEquals(0.25, o.chaos());
        assertEquals(-7, o.seed());
        assertTrue(o.strict());
        assertTrue(o.verbose());
        assertEquals(Path.of("/tmp/d"), o.dump());
        assertEquals(List.of("com/acme/", "org/x/"), o.include());
        assertEquals(List.of("com/acme/internal/", "com/acme/gen/"), o.exclude());
        VmConfig c = JbeamAgent.toVmConfig(o);
        assertEquals(3, c.schedulers());
        assertEquals(100, c.reductions());
        assertEquals(0.25, c.chaos());
        assertEquals(-7, c.seed());
        assertTrue(c.strict());
    }

    @Test
    void unknownOptionIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("reductions=10,turbo=on"));
        assertTrue(e.getMessage().contains("'turbo'"), e.getMessage());
    }

    @Test
    void malformedValuesAreNamed() {
        for (String bad : new String[] {"reductions=0", "reductions=x", "schedulers=-1", "chaos=0", "chaos=1.5",
                "chaos=abc", "seed=1", "chaos=0.5,seed=z", "strict=maybe", "dump=", "include=", "exclude=a b",
                "reductions"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(bad),
                    bad);
            String key = bad.contains("seed") ? "seed" : bad.split("=")[0];
            assertTrue(e.getMessage().contains("'" + key + "'"), bad + ": " + e.getMessage());
        }
    }

    @Test
    void includeAndExcludeDecideWhatIsWoven() {
        AgentOptions o = AgentOptions.parse("include=com.acme;org.x,exclude=com.acme.gen");
        WeavePolicy p = new WeavePolicy(o.include(), o.exclude());
        assertTrue(p.isWeavable("com/acme/App"));
        assertTrue(p.isWeavable("org/x/y/Z"));
        assertFalse(p.isWeavable("com/acme/gen/Parser"));
        assertFalse(p.isWeavable("com/acmex/App"));
        assertFalse(p.isWeavable("net/other/App"));
        WeavePolicy all = WeavePolicy.everything();
        assertTrue(all.isWeavable("net/other/App"));
        for (String never : new String[] {"java/lang/String", "javax/swing/JFrame", "jdk/internal/X", "sun/misc/Unsafe",
                "com/sun/X", "io/jbeam/scheduler/Fiber", "io/jbeam/Erlang", "io/jbeam/agent/JbeamAgent",
                "io/jbeam/SpawnOptions", "io/jbeam/SpawnMonitor", "io/jbeam/ErlangThrow", "io/jbeam/ProcessKilled",
                "com/acme/App$$Lambda$12", "jdk/proxy1/$Proxy3", "[Ljava/lang/Object;"}) {
            assertFalse(all.isWeavable(never), never);
        }
        // Applications (the demo, the tests) may live in subpackages of io.jbeam that are not the runtime's.
        assertTrue(all.isWeavable("io/jbeam/demo/Demo"));
        assertTrue(all.isWeavable("io/jbeam/vmtests/core/WovenProcessesTest"));
    }
}
