package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.agent.weaver.ClassWeaver;
import io.jbeam.agent.weaver.WeavePolicy;
import io.jbeam.shapelib.RenderingBase;
import io.jbeam.shapes.StackBelow;
import io.jbeam.shapes.excluded.Decorator;
import io.jbeam.shapes.excluded.SubOverrider;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

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

    private static final String DECORATOR = "io/jbeam/shapes/excluded/Decorator";

    /** Whether {@code method} of the class begins with {@code Fiber.enterUnwoven()}. */
    private static boolean guarded(byte[] classFile, String method) {
        ClassNode cn = new ClassNode();
        new ClassReader(classFile).accept(cn, 0);
        for (MethodNode m : cn.methods) {
            if (m.name.equals(method)) {
                AbstractInsnNode first = m.instructions.getFirst();
                while (first != null && first.getOpcode() < 0) first = first.getNext(); // labels, line numbers
                return first instanceof MethodInsnNode && ((MethodInsnNode) first).name.equals("enterUnwoven");
            }
        }
        throw new AssertionError("no method " + method);
    }

    @Test
    void anExcludedSubtypeOfAWovenTypeIsGuardedAndNothingElseIs() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        WeavingTransformer t = new WeavingTransformer(ClassWeaver.forRuntime(new WeavePolicy(
                List.of("io/jbeam/shapes/"), List.of("io/jbeam/shapes/excluded/"))), null, false);
        byte[] g = t.transform(loader, DECORATOR, null, null, bytesOf(Decorator.class));
        assertNotNull(g, "Decorator implements a woven interface");
        assertTrue(guarded(g, "call"));
        assertTrue(guarded(g, "toString"));
        assertFalse(guarded(g, "<init>"));
        // Through an unwoven class: SubOverrider extends Overrider extends the woven UnwovenSubtypes.Base.
        assertNotNull(t.transform(loader, "io/jbeam/shapes/excluded/SubOverrider", null, null,
                bytesOf(SubOverrider.class)));
        // Outside include, with only the JDK above it.
        assertNull(t.transform(loader, "io/jbeam/shapelib/RenderingBase", null, null,
                bytesOf(RenderingBase.class)));
        // The JDK's classes, the runtime and lambda proxies are never touched, whatever they extend; a
        // java.lang.reflect.Proxy class is guarded (its invocation handler may forward to woven code).
        assertNull(t.transform(loader, "java/lang/Foo", null, null, bytesOf(Decorator.class)));
        assertNull(t.transform(loader, "io/jbeam/scheduler/Foo", null, null, bytesOf(Decorator.class)));
        assertNull(t.transform(loader, "io/jbeam/shapes/excluded/Decorator$$Lambda$1", null, null,
                bytesOf(Decorator.class)));
        assertNotNull(t.transform(loader, "jdk/proxy1/$Proxy9", null, null, bytesOf(Decorator.class)));
    }

    @Test
    void aClassWhoseWeavingFailsIsGuardedWhenItExtendsAWovenType() throws Exception {
        ClassWeaver failing = new ClassWeaver(WeavePolicy.everything(), (name, desc) -> {
            throw new IllegalStateException("no ids here");
        });
        WeavingTransformer t = new WeavingTransformer(failing, null, false);
        byte[] g = t.transform(getClass().getClassLoader(), DECORATOR, null, null, bytesOf(Decorator.class));
        assertNotNull(g);
        assertTrue(guarded(g, "call"));
    }
}
