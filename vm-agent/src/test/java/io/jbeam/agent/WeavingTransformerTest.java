package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.agent.weaver.ClassWeaver;
import io.jbeam.agent.weaver.WeavePolicy;
import io.jbeam.shapes.StackBelow;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeavingTransformerTest {
    private static byte[] bytesOf(Class<?> c) throws Exception {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void wovenOnceThenLeftAlone(@TempDir Path dump) throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        WeavingTransformer t = new WeavingTransformer(ClassWeaver.forRuntime(WeavePolicy.everything()), dump, false);
        byte[] woven = t.transform(loader, "io/jbeam/shapes/StackBelow", null, null, bytesOf(StackBelow.class));
        assertNotNull(woven);
        assertTrue(Files.exists(dump.resolve("io/jbeam/shapes/StackBelow.class")));
        assertTrue(Files.readString(dump.resolve("io/jbeam/shapes/StackBelow.txt")).contains("Woven"));
        assertNull(t.transform(loader, "io/jbeam/shapes/StackBelow", null, null, woven), "idempotent");
    }

    @Test
    void neverThrowsAndSkipsWhatItMustNotWeave() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        WeavingTransformer t = new WeavingTransformer(ClassWeaver.forRuntime(WeavePolicy.everything()), null, false);
        byte[] shape = bytesOf(StackBelow.class);
        assertNull(t.transform(loader, "com/acme/Broken", null, null, new byte[] {1, 2, 3}));
        assertNull(t.transform(null, "io/jbeam/shapes/StackBelow", null, null, shape), "bootstrap loader");
        assertNull(t.transform(loader, "java/lang/Foo", null, null, shape));
        assertNull(t.transform(loader, "io/jbeam/scheduler/Foo", null, null, shape));
        assertNull(t.transform(loader, "io/jbeam/shapes/X$$Lambda$1", null, null, shape));
        WeavingTransformer excluding = new WeavingTransformer(ClassWeaver.forRuntime(
                new WeavePolicy(java.util.List.of(), java.util.List.of("io/jbeam/shapes/"))), null, false);
        assertNull(excluding.transform(loader, "io/jbeam/shapes/StackBelow", null, null, shape));
        ClassLoader blind = new ClassLoader(null) { };
        assertNull(t.transform(blind, "io/jbeam/shapes/StackBelow", null, null, shape), "loader without runtime");
    }
}
