package io.jbeam.suite;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Constructor;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trampolines of every test-method shape, run directly on this thread (no agent, no process). */
class TrampolineFactoryTest {
    private static final Class<?> SHAPES = load("io.jbeam.suite.shapes.Shapes");
    private final TrampolineFactory factory = new TrampolineFactory();

    @Test
    void callsAPackagePrivateMethodOfAPackagePrivateClassFromItsPackage() throws Throwable {
        Object target = newShapes();
        TestBody body = run("noArgs", target);
        assertEquals("noArgs", log(target));
        assertEquals(SHAPES.getPackageName(), body.getClass().getPackageName());
        assertTrue(body.reachedEnd());
        assertNull(body.failure());
    }

    @Test
    void unboxesEveryPrimitive() throws Throwable {
        Object target = newShapes();
        run("primitives", target, 1, 2L, 3.5, true, 'c', (byte) 4, (short) 5, 6.5f);
        assertEquals("1,2,3.5,true,c,4,5,6.5", log(target));
    }

    @Test
    void castsReferencesArraysAndNestedTypes() throws Throwable {
        Object target = newShapes();
        Class<?> hidden = load("io.jbeam.suite.shapes.Shapes$Hidden");
        Constructor<?> c = hidden.getDeclaredConstructor(String.class);
        c.setAccessible(true);
        run("references", target, "s", new int[3], List.of("x"), c.newInstance("h"));
        assertEquals("s3[x]h", log(target));
    }

    @Test
    void keepsAReturnedReferenceAndDropsAPrimitive() throws Throwable {
        assertEquals(List.of("a", "b"), run("factory", newShapes()).result());
        TestBody wide = run("wide", newShapes());
        assertTrue(wide.reachedEnd());
        assertNull(wide.result());
    }

    @Test
    void catchesWhatTheTestThrowsAndStillFinishes() throws Throwable {
        TestBody body = run("throwing", newShapes());
        assertInstanceOf(IllegalStateException.class, body.failure());
        assertEquals("expected", body.failure().getMessage());
        assertTrue(body.reachedEnd());
    }

    @Test
    void callsAnInterfaceDefaultMethod() throws Throwable {
        Method m = load("io.jbeam.suite.shapes.DefaultShapes").getDeclaredMethod("fromInterface",
                StringBuilder.class);
        StringBuilder out = new StringBuilder();
        TestBody body = factory.create(m, newShapes(), new Object[] {out});
        body.run();
        assertEquals("interface", out.toString());
    }

    @Test
    void runsADynamicTestsExecutable() throws Throwable {
        StringBuilder out = new StringBuilder();
        org.junit.jupiter.api.function.Executable e = () -> out.append("dynamic");
        TestBody body = factory.createDynamic(SHAPES, e);
        body.run();
        assertEquals("dynamic", out.toString());
        assertTrue(body.reachedEnd());
    }

    @Test
    void definesOneTrampolinePerMethod() throws Throwable {
        TestBody a = run("noArgs", newShapes());
        TestBody b = run("noArgs", newShapes());
        assertEquals(a.getClass(), b.getClass());
    }

    @Test
    void refusesAStaticMethod() throws Exception {
        Method m = TrampolineFactoryTest.class.getDeclaredMethod("load", String.class);
        TrampolineFactory.Unsupported e = assertThrows(TrampolineFactory.Unsupported.class,
                () -> factory.create(m, this, new Object[] {"x"}));
        assertEquals("static method", e.getMessage());
    }

    private TestBody run(String name, Object target, Object... args) throws Throwable {
        Method m = null;
        for (Method candidate : SHAPES.getDeclaredMethods()) {
            if (candidate.getName().equals(name)) {
                m = candidate;
            }
        }
        TestBody body = factory.create(m, target, args);
        body.run();
        return body;
    }

    private static Object newShapes() throws ReflectiveOperationException {
        Constructor<?> c = SHAPES.getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    private static String log(Object shapes) throws ReflectiveOperationException {
        java.lang.reflect.Field f = SHAPES.getDeclaredField("log");
        f.setAccessible(true);
        return f.get(shapes).toString();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
