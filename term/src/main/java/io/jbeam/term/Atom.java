package io.jbeam.term;

import java.util.concurrent.ConcurrentHashMap;

/**
 * An Erlang atom. Interned: two atoms with the same name are the same object, so {@code ==} compares atoms.
 * Prints as Erlang does, quoted when the name is not a plain atom ({@code 'EXIT'}, {@code 'hello world'}).
 */
public final class Atom {
    private static final ConcurrentHashMap<String, Atom> TABLE = new ConcurrentHashMap<>();

    public static final Atom TRUE = of("true");
    public static final Atom FALSE = of("false");
    public static final Atom UNDEFINED = of("undefined");
    public static final Atom OK = of("ok");
    public static final Atom ERROR = of("error");
    public static final Atom NORMAL = of("normal");
    public static final Atom KILL = of("kill");
    public static final Atom KILLED = of("killed");
    public static final Atom NOPROC = of("noproc");
    public static final Atom EXIT = of("EXIT");
    public static final Atom DOWN = of("DOWN");
    public static final Atom PROCESS = of("process");
    public static final Atom BADARG = of("badarg");

    private final String name;
    /** The printed form, computed on first use; a racy cache of an immutable String (plain field). */
    private String printed;

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

    /** The atom {@code true} or {@code false}. */
    public static Atom of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public String name() {
        return name;
    }

    /** The atom as Erlang prints it: {@code ok}, {@code 'EXIT'}, {@code 'it\'s'}. */
    @Override
    public String toString() {
        String p = printed;
        if (p == null) {
            p = AtomSyntax.print(name);
            printed = p;
        }
        return p;
    }
}
