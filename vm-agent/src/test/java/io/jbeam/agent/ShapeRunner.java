package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbeam.scheduler.BudgetPolicy;
import io.jbeam.scheduler.Coroutine;
import io.jbeam.shapes.Shape;
import java.lang.reflect.Field;
import java.util.List;

/** Runs a shape unwoven, then woven inside a coroutine that is suspended and resumed until it ends. */
public final class ShapeRunner {
    public static final String PACKAGE = "io.jbeam.shapes.";
    /** Inside {@link #PACKAGE}, left unwoven as {@code exclude=} leaves a package. */
    public static final String EXCLUDED = PACKAGE + "excluded.";

    /** What a woven run gave. */
    public record Run(Object result, Throwable error, long suspensions, int resumes, WeavingClassLoader loader) {
    }

    private ShapeRunner() {
    }

    public static Object unwoven(Class<? extends Shape> shape) throws Exception {
        return shape.getDeclaredConstructor().newInstance().call();
    }

    public static Run woven(Class<? extends Shape> shape, BudgetPolicy budget) throws Exception {
        return woven(shape.getName(), ShapeRunner.class.getClassLoader(), budget, PACKAGE);
    }

    /** Weaves the classes under {@code prefixes} found through {@code parent} and runs shape {@code name}. */
    public static Run woven(String name, ClassLoader parent, BudgetPolicy budget, String... prefixes)
            throws Exception {
        WeavingClassLoader loader = new WeavingClassLoader(parent, List.of(EXCLUDED), prefixes);
        Class<?> shapeClass = loader.loadClass(name);
        Class<?> shapeItf = loader.loadClass(Shape.class.getName());
        Class<?> harnessClass = loader.loadClass(PACKAGE + "Harness");
        var ctor = shapeClass.getDeclaredConstructor();
        ctor.setAccessible(true);
        Object s = ctor.newInstance();
        Runnable harness = (Runnable) harnessClass.getConstructor(shapeItf).newInstance(s);
        Coroutine co = new Coroutine(harness, budget, null);
        int resumes = 0;
        while (!co.resume()) {
            resumes++;
            if (resumes > 10_000_000) throw new AssertionError("does not end");
        }
        Field result = harnessClass.getField("result");
        Field error = harnessClass.getField("error");
        return new Run(result.get(harness), (Throwable) error.get(harness), co.fiber().suspensions(), resumes, loader);
    }

    /** Asserts the woven run under several budgets gives the unwoven result, and did suspend. */
    public static Run check(Class<? extends Shape> shape) throws Exception {
        Object expected = unwoven(shape);
        Run last = null;
        for (double p : new double[] {1.0, 0.3, 0.05}) {
            for (long seed = 1; seed <= (p == 1.0 ? 1 : 3); seed++) {
                Run run = woven(shape, BudgetPolicy.chaos(p, seed));
                if (run.error() != null) {
                    throw new AssertionError(shape.getSimpleName() + " woven (p=" + p + ", seed=" + seed + ") threw",
                            run.error());
                }
                assertEquals(expected, run.result(), shape.getSimpleName() + " woven, p=" + p + ", seed=" + seed);
                assertTrue(run.suspensions() > 0, shape.getSimpleName() + " never suspended (p=" + p + ")");
                assertEquals(run.suspensions(), run.resumes(), "one resume per suspension");
                last = run;
            }
        }
        // And with explicit yields only: an unbounded budget.
        Run plain = woven(shape, BudgetPolicy.fixed(Integer.MAX_VALUE));
        assertNull(plain.error());
        assertEquals(expected, plain.result());
        return last;
    }
}
