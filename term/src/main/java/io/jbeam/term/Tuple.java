package io.jbeam.term;

import java.util.Arrays;

/** An Erlang tuple. Immutable; {@link #get(int)} is zero-based. */
public final class Tuple {
    private final Object[] elements;

    private Tuple(Object[] elements) {
        this.elements = elements;
    }

    public static Tuple of(Object... elements) {
        return new Tuple(elements.clone());
    }

    public int arity() {
        return elements.length;
    }

    /** The element at zero-based index {@code i}. */
    public Object get(int i) {
        return elements[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple && Arrays.equals(elements, ((Tuple) o).elements);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(elements);
    }

    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
