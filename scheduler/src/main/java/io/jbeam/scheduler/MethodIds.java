package io.jbeam.scheduler;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small integer ids for method names and descriptors, used by the call handshake ({@link Fiber#expect}).
 * The weaver bakes ids into woven code as constants, so the registry lives as long as the JVM and hands out each id
 * once. Ids are never 0: 0 means "the caller is not capturable".
 */
public final class MethodIds {
    private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger(1);

    /** The id of {@code Runnable.run()}: what the process root expects its body to be. */
    public static final int RUN = of("run", "()V");

    private MethodIds() {
    }

    public static int of(String name, String descriptor) {
        return IDS.computeIfAbsent(name + descriptor, k -> NEXT.getAndIncrement());
    }
}
