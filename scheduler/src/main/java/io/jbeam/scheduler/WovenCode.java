package io.jbeam.scheduler;

import java.lang.reflect.Method;

/** Tells whether a process body can be captured from its root: its {@code run()} is woven code. */
public final class WovenCode {
    private static final ClassValue<Boolean> RUN_IS_WOVEN = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                Method run = type.getMethod("run");
                return run.getDeclaringClass().isAnnotationPresent(Woven.class);
            } catch (NoSuchMethodException | SecurityException e) {
                return false;
            }
        }
    };

    private WovenCode() {
    }

    public static boolean isWovenRunnable(Runnable body) {
        return body instanceof WovenLambda || RUN_IS_WOVEN.get(body.getClass());
    }

    /** The handshake value the root stores before calling {@code body.run()}. */
    public static int rootExpect(Runnable body) {
        return isWovenRunnable(body) ? MethodIds.RUN : 0;
    }
}
