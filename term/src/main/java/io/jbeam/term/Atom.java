package io.jbeam.term;

import java.util.concurrent.ConcurrentHashMap;

/** An Erlang atom. Interned: two atoms with the same name are the same object. */
public final class Atom {
    private static final ConcurrentHashMap<String, Atom> TABLE = new ConcurrentHashMap<>();

    private final String name;

    private Atom(String name) {
        this.name = name;
    }

    public static Atom of(String name) {
        if (name == null) {
            throw new NullPointerException("atom name");
        }
        Atom a = TABLE.get(name);
        return a != null ? a : TABLE.computeIfAbsent(name, Atom::new);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
