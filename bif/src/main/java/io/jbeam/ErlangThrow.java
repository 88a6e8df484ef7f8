package io.jbeam;

import io.jbeam.scheduler.TermException;
import io.jbeam.term.Atom;
import io.jbeam.term.Tuple;

/**
 * Thrown by {@link Erlang#throwTerm(Object)}: Erlang's {@code throw(Value)}, a non-local return that a caller
 * catches for its {@link #value()}. Uncaught, it ends the process with {@code {{nocatch, Value}, Stack}}.
 */
public class ErlangThrow extends RuntimeException implements TermException {
    private static final long serialVersionUID = 1L;
    private static final Atom NOCATCH = Atom.of("nocatch");

    private final transient Object value;

    public ErlangThrow(Object value) {
        super(String.valueOf(value));
        this.value = value;
    }

    /** What was thrown. */
    public Object value() {
        return value;
    }

    /** The reason it gives when nobody catches it: {@code {nocatch, Value}}. */
    @Override
    public Object reason() {
        return Tuple.of(NOCATCH, value);
    }

    @Override
    public boolean isExitClass() {
        return false;
    }
}
