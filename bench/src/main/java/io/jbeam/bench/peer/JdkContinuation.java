package io.jbeam.bench.peer;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The JDK's own one-shot delimited continuation ({@code jdk.internal.vm.Continuation}, the engine under virtual
 * threads), reached through method handles so that this module still compiles with {@code --release 17}. Needs
 * JDK 21 or later and {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}; {@link #unavailableReason()}
 * says why it cannot be used otherwise. The body mirrors {@code io.jbeam.bench.woven.YieldChain}, unwoven.
 */
public final class JdkContinuation {
    private static final MethodHandle NEW_SCOPE;
    private static final MethodHandle NEW_CONTINUATION;
    private static final MethodHandle RUN;
    private static final MethodHandle IS_DONE;
    private static final MethodHandle YIELD;
    private static final String UNAVAILABLE;

    static {
        MethodHandle newScope = null;
        MethodHandle newContinuation = null;
        MethodHandle run = null;
        MethodHandle isDone = null;
        MethodHandle yield = null;
        String why = null;
        try {
            Class<?> scope = Class.forName("jdk.internal.vm.ContinuationScope");
            Class<?> cont = Class.forName("jdk.internal.vm.Continuation");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            newScope = lookup.findConstructor(scope, MethodType.methodType(void.class, String.class))
                    .asType(MethodType.methodType(Object.class, String.class));
            newContinuation = lookup.findConstructor(cont, MethodType.methodType(void.class, scope, Runnable.class))
                    .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
            run = lookup.findVirtual(cont, "run", MethodType.methodType(void.class))
                    .asType(MethodType.methodType(void.class, Object.class));
            isDone = lookup.findVirtual(cont, "isDone", MethodType.methodType(boolean.class))
                    .asType(MethodType.methodType(boolean.class, Object.class));
            yield = lookup.findStatic(cont, "yield", MethodType.methodType(boolean.class, scope))
                    .asType(MethodType.methodType(boolean.class, Object.class));
        } catch (ClassNotFoundException e) {
            why = "jdk.internal.vm.Continuation is not in this JDK (" + Runtime.version() + "); it needs JDK 21+";
        } catch (IllegalAccessException e) {
            why = "jdk.internal.vm is not exported: run with --add-exports java.base/jdk.internal.vm=ALL-UNNAMED ("
                    + e.getMessage() + ")";
        } catch (ReflectiveOperationException | RuntimeException e) {
            why = "jdk.internal.vm.Continuation cannot be used on " + Runtime.version() + ": " + e;
        }
        NEW_SCOPE = newScope;
        NEW_CONTINUATION = newContinuation;
        RUN = run;
        IS_DONE = isDone;
        YIELD = yield;
        UNAVAILABLE = why;
    }

    private final Object continuation;

    /** A continuation that descends {@code depth} frames and yields at the bottom, {@code rounds} times. */
    public JdkContinuation(int depth, long rounds) {
        if (UNAVAILABLE != null) {
            throw new UnsupportedOperationException(UNAVAILABLE);
        }
        try {
            Object scope = (Object) NEW_SCOPE.invokeExact("jbeam-bench");
            Runnable body = () -> {
                for (long i = 0; i < rounds; i++) {
                    descend(scope, depth);
                }
            };
            this.continuation = (Object) NEW_CONTINUATION.invokeExact(scope, body);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Null when the JDK continuation can be used here, else why not. */
    public static String unavailableReason() {
        return UNAVAILABLE;
    }

    /** Runs the continuation until it yields (false) or ends (true). */
    public boolean resume() {
        try {
            RUN.invokeExact(continuation);
            return (boolean) IS_DONE.invokeExact(continuation);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void descend(Object scope, int d) {
        if (d == 1) {
            try {
                // A pinned continuation throws here (Continuation.onPinned); the result says nothing more.
                boolean ignored = (boolean) YIELD.invokeExact(scope);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        } else {
            descend(scope, d - 1);
        }
    }
}
