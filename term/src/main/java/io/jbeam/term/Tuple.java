package io.jbeam.term;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** An Erlang tuple. Immutable; {@link #get(int)} is zero-based. Equal when the elements are equal. */
public final class Tuple {
    private static final Tuple EMPTY = new Tuple(new Object[0]);

    private final Object[] elements;

    private Tuple(Object[] elements) {
        this.elements = elements;
    }

    /** The tuple of these elements (the array is copied). */
    public static Tuple of(Object... elements) {
        return elements.length == 0 ? EMPTY : new Tuple(elements.clone());
    }

    /** {@code {}}. */
    public static Tuple of() {
        return EMPTY;
    }

    public static Tuple of(Object e0, Object e1) {
        return new Tuple(new Object[] {e0, e1});
    }

    public static Tuple of(Object e0, Object e1, Object e2) {
        return new Tuple(new Object[] {e0, e1, e2});
    }

    public static Tuple of(Object e0, Object e1, Object e2, Object e3) {
        return new Tuple(new Object[] {e0, e1, e2, e3});
    }

    public static Tuple of(Object e0, Object e1, Object e2, Object e3, Object e4) {
        return new Tuple(new Object[] {e0, e1, e2, e3, e4});
    }

    /** The tuple of a list's elements ({@code list_to_tuple/1}). */
    public static Tuple fromList(List<?> elements) {
        return elements.isEmpty() ? EMPTY : new Tuple(elements.toArray());
    }

    public int arity() {
        return elements.length;
    }

    /** The element at zero-based index {@code i}. */
    public Object get(int i) {
        return elements[i];
    }

    /** A copy of the elements. */
    public Object[] elements() {
        return elements.clone();
    }

    /** The elements as an unmodifiable list ({@code tuple_to_list/1}), without copying. */
    public List<Object> toList() {
        return Collections.unmodifiableList(Arrays.asList(elements));
    }

    /** True if this tuple has this arity and its first element is {@code tag}, as {@code {'EXIT', _, _}}. */
    public boolean isTagged(Atom tag, int arity) {
        return elements.length == arity && arity > 0 && elements[0] == tag;
    }

    /** True if {@code term} is a tuple of this arity whose first element is {@code tag}. */
    public static boolean isTagged(Object term, Atom tag, int arity) {
        return term instanceof Tuple && ((Tuple) term).isTagged(tag, arity);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple && Arrays.equals(elements, ((Tuple) o).elements);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(elements);
    }

    /** Erlang syntax: {@code {'EXIT',<0.42.0>,normal}}. */
    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
