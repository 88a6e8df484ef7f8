package io.jbeam;

import io.jbeam.scheduler.TermException;

/**
 * Thrown by {@link Erlang#exit(Object)}: ends the calling process with the reason, unless caught (as Erlang's
 * {@code catch exit(R)} gives {@code {'EXIT', R}}). No error report is printed for it.
 */
public class ErlangExit extends RuntimeException implements TermException {
    private static final long serialVersionUID = 1L;

    private final transient Object reason;

    public ErlangExit(Object reason) {
        super(String.valueOf(reason), null, false, false); // an exit is control flow: no stack trace to fill
        this.reason = reason;
    }

    @Override
    public Object reason() {
        return reason;
    }

    @Override
    public boolean isExitClass() {
        return true;
    }
}
