package io.jbeam.agent.weaver;

import java.util.List;

/**
 * Which classes the weaver rewrites, by internal name: never the JDK, never jbeam's own machinery, never the JVM's
 * generated classes; then the user's {@code include}/{@code exclude} package prefixes. The same answer decides
 * whether a call site's owner is woven code (a capturable call) or not, so it lives in one place.
 */
public final class WeavePolicy {
    /** The JDK and the JVM's own packages: loaded unwoven, and calls into them are never capturable. */
    private static final String[] JDK = {
        "java/", "javax/", "jdk/", "sun/", "com/sun/", "org/ietf/jgss/", "org/w3c/dom/", "org/xml/sax/",
        "org/jcp/xml/", "org/omg/", "netscape/javascript/"
    };
    /**
     * jbeam's runtime packages: it implements suspension, so it is never woven. Every class directly in the package
     * {@code io.jbeam} (the facade, its exceptions and records) is runtime too: see {@link #isRuntime}.
     */
    private static final String[] RUNTIME = {
        "io/jbeam/term/", "io/jbeam/scheduler/", "io/jbeam/bif/", "io/jbeam/agent/", "io/jbeam/internal/",
        "io/jbeam/heap/", "io/jbeam/loader/", "io/jbeam/otp/"
    };
    private static final String FACADE_PACKAGE = "io/jbeam/";

    private final List<String> include;
    private final List<String> exclude;

    /** Prefixes are internal names ({@code com/acme/}); an empty include list includes everything. */
    public WeavePolicy(List<String> include, List<String> exclude) {
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
    }

    public static WeavePolicy everything() {
        return new WeavePolicy(List.of(), List.of());
    }

    /** True when the class would be woven if its loader allows it. */
    public boolean isWeavable(String internalName) {
        if (internalName == null || internalName.startsWith("[")) {
            return false;
        }
        if (isJdk(internalName) || isRuntime(internalName) || isGenerated(internalName)) {
            return false;
        }
        for (String p : exclude) {
            if (internalName.startsWith(p)) {
                return false;
            }
        }
        if (include.isEmpty()) {
            return true;
        }
        for (String p : include) {
            if (internalName.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Why a class is not woven, or null when it is weavable. */
    public String whyNot(String internalName) {
        if (isJdk(internalName)) return "JDK class";
        if (isRuntime(internalName)) return "jbeam runtime";
        if (isGenerated(internalName)) return "JVM-generated class";
        return isWeavable(internalName) ? null : "ruled out by include/exclude";
    }

    public static boolean isJdk(String internalName) {
        return startsWithAny(internalName, JDK);
    }

    public static boolean isRuntime(String internalName) {
        return startsWithAny(internalName, RUNTIME) || internalName.startsWith(FACADE_PACKAGE)
                && internalName.indexOf('/', FACADE_PACKAGE.length()) < 0;
    }

    /** Lambda proxies, reflection and java.lang.reflect.Proxy classes: they only forward. */
    public static boolean isGenerated(String internalName) {
        return internalName.contains("$$Lambda") || isReflectionProxy(internalName);
    }

    /**
     * True when a class the policy does not weave may still be guarded ({@link UnwovenSubtypeGuard}): an application
     * class, or a {@code java.lang.reflect.Proxy} class. Never the JDK's own classes, lambda proxies or jbeam's runtime.
     */
    public static boolean isGuardable(String internalName) {
        return isReflectionProxy(internalName)
                || !isJdk(internalName) && !isRuntime(internalName) && !isGenerated(internalName);
    }

    /**
     * A {@code java.lang.reflect.Proxy} class in the JDK's proxy packages (one of a non-public interface is named in
     * that interface's package, and is woven as the package is).
     */
    public static boolean isReflectionProxy(String internalName) {
        return internalName.startsWith("jdk/proxy") || internalName.startsWith("com/sun/proxy/")
                || internalName.contains("$Proxy") && internalName.indexOf('/') < 0;
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
