package io.jbeam.bench.peer;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Starts virtual threads (JDK 21+) through a method handle, so that this module compiles with --release 17. */
public final class VirtualThreads {
    private final MethodHandle start;

    /** Throws {@link UnsupportedOperationException}, saying so, on a JDK without virtual threads. */
    public VirtualThreads() {
        try {
            start = MethodHandles.publicLookup()
                    .findStatic(Thread.class, "startVirtualThread", MethodType.methodType(Thread.class, Runnable.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new UnsupportedOperationException("virtual threads need JDK 21+; this is " + Runtime.version()
                    + ": run this peer with -jvm /usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        }
    }

    /** Starts {@code body} on a new virtual thread. */
    public Thread start(Runnable body) {
        try {
            return (Thread) start.invokeExact(body);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
