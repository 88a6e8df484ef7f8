package io.jbeam;

import io.jbeam.scheduler.TermException;

/**
 * An Erlang error (class error): misuse of a built-in ({@code badarg}, {@code timeout_value}, ...) or
 * {@code erlang:error(Reason)}. Uncaught, it ends the process with {@code {Reason, Stack}} and an error report.
 */
public class ErlangError extends RuntimeException implements TermException {
    private static final long serialVersionUID = 1L;

    private final transient Object reason;

    public ErlangError(Object reason) {
        super(String.valueOf(reason));
        this.reason = reason;
    }

    @Override
    public Object reason() {
        return reason;
    }

    @Override
    public boolean isExitClass() {
        return false;
    }
}
