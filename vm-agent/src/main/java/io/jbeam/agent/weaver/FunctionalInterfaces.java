package io.jbeam.agent.weaver;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Type;

/**
 * The single abstract method of JDK interfaces ({@code Runnable.run()V}, {@code Function.apply(Object)Object}),
 * found reflectively on the JDK's own class and cached per interface. A call to that method may reach a woven
 * lambda, so it is capturable when the receiver is a {@code WovenLambda} at run time.
 */
final class FunctionalInterfaces {
    private static final String NONE = "";
    private static final ConcurrentHashMap<String, String> SAM = new ConcurrentHashMap<>();

    private FunctionalInterfaces() {
    }

    /** True when {@code name+desc} is the one abstract method of JDK interface {@code owner}. */
    static boolean isSam(String owner, String name, String desc) {
        String sam = SAM.computeIfAbsent(owner, FunctionalInterfaces::find);
        return sam.equals(name + desc);
    }

    private static String find(String owner) {
        try {
            Class<?> c = Class.forName(owner.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            if (!c.isInterface()) {
                return NONE;
            }
            Set<String> abstracts = new HashSet<>();
            for (Method m : c.getMethods()) {
                if (!Modifier.isAbstract(m.getModifiers()) || isObjectMethod(m)) {
                    continue;
                }
                abstracts.add(m.getName() + Type.getMethodDescriptor(m));
            }
            return abstracts.size() == 1 ? abstracts.iterator().next() : NONE;
        } catch (Throwable t) {
            return NONE;
        }
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
