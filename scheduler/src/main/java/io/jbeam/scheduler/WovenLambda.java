package io.jbeam.scheduler;

/**
 * Marker the weaver adds to lambda proxies whose implementation method lies in a woven class. Such a proxy only
 * forwards, so calls through it may be captured, even when the interface it implements is the JDK's
 * ({@code Runnable}, {@code Function}, ...).
 */
public interface WovenLambda {
}
