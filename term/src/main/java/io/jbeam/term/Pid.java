package io.jbeam.term;

/**
 * A process identifier. A local pid prints as {@code <0.N.0>}. A pid holds one {@code long} (a 24-byte
 * object with compressed class pointers), so a million processes cost 24 MB of pids; a pid of another node
 * will be a separate representation when distribution comes, and {@link #node()} is its seam.
 */
public final class Pid implements Comparable<Pid> {
    /** The node name of a VM that is not distributed, as in Erlang. */
    public static final Atom LOCAL_NODE = Atom.of("nonode@nohost");

    private final long number;

    private Pid(long number) {
        this.number = number;
    }

    /** The local pid with this number. */
    public static Pid local(long number) {
        if (number < 0) {
            throw new IllegalArgumentException("pid number " + number);
        }
        return new Pid(number);
    }

    public long number() {
        return number;
    }

    /** The node this process lives on ({@code node/1}); always {@link #LOCAL_NODE} for now. */
    public Atom node() {
        return LOCAL_NODE;
    }

    /** True for a pid of this VM. */
    public boolean isLocal() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pid && ((Pid) o).number == number;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(number);
    }

    @Override
    public int compareTo(Pid o) {
        return Long.compare(number, o.number);
    }

    @Override
    public String toString() {
        return "<0." + number + ".0>";
    }
}
