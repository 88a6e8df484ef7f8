package io.jbeam.scheduler;

/**
 * An exception that carries an Erlang reason: the facade's ErlangExit (class exit) and ErlangError (class error).
 * The scheduler turns an uncaught one into the process's exit reason without knowing the facade's classes.
 */
public interface TermException {
    /** The Erlang reason term. */
    Object reason();

    /** True for class exit ({@code exit(Reason)}): the reason is the exit reason as is, and nothing is reported. */
    boolean isExitClass();
}
