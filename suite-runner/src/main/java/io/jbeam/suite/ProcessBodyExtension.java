package io.jbeam.suite;

import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import java.lang.reflect.Method;

/**
 * Runs the body of every Jupiter test — {@code @Test} methods, test templates ({@code @ParameterizedTest},
 * {@code @RepeatedTest}), {@code @TestFactory} methods and the dynamic tests they make — inside a jbeam process
 * instead of calling it by reflection on the JUnit thread. Registered by ServiceLoader; enable it with
 * {@code junit.jupiter.extensions.autodetection.enabled=true}.
 *
 * <p>The JUnit thread spawns the process (a generated trampoline, see {@link TrampolineFactory}), waits for its
 * {@code 'DOWN'} message in {@code receive}, and rethrows what the test threw, so that JUnit reports successes,
 * failures and aborted tests exactly as without the extension. Lifecycle methods ({@code @BeforeEach}, ...) still run
 * on the JUnit thread. A method no trampoline can call runs as before (a fallback), counted.
 */
public final class ProcessBodyExtension implements InvocationInterceptor {
    private static final TrampolineFactory TRAMPOLINES = new TrampolineFactory();

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext extensionContext) throws Throwable {
        runInProcess(invocation, invocationContext);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext extensionContext) throws Throwable {
        runInProcess(invocation, invocationContext);
    }

    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext extensionContext) throws Throwable {
        return runInProcess(invocation, invocationContext);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
                                     ExtensionContext extensionContext) throws Throwable {
        Class<?> testClass = testClassOf(extensionContext);
        Object executable = invocationContext.getExecutable();
        String what = "dynamic test " + extensionContext.getUniqueId();
        TestBody body;
        try {
            if (testClass == null) {
                throw new TrampolineFactory.Unsupported("no test class");
            }
            body = TRAMPOLINES.createDynamic(testClass, executable);
        } catch (TrampolineFactory.Unsupported e) {
            SuiteStats.fallback(what, e.getMessage());
            invocation.proceed();
            return;
        }
        invocation.skip();
        ProcessRun.run(body, what);
    }

    /** The class of the test a dynamic test belongs to: its own context has none, its factory's has. */
    private static Class<?> testClassOf(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getTestClass().isPresent()) {
                return c.getTestClass().get();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> T runInProcess(Invocation<T> invocation, ReflectiveInvocationContext<Method> context)
            throws Throwable {
        Method method = context.getExecutable();
        String what = method.getDeclaringClass().getName() + "#" + method.getName();
        Object target = context.getTarget().orElse(null);
        TestBody body;
        try {
            if (target == null) {
                throw new TrampolineFactory.Unsupported("no test instance");
            }
            body = TRAMPOLINES.create(method, target, context.getArguments().toArray());
        } catch (TrampolineFactory.Unsupported e) {
            SuiteStats.fallback(what, e.getMessage());
            return invocation.proceed();
        }
        invocation.skip();
        return (T) ProcessRun.run(body, what);
    }
}
