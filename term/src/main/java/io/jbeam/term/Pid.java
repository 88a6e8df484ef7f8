package io.jbeam.term;

/** A process identifier. A local pid prints as {@code <0.N.0>}. */
public final class Pid implements Comparable<Pid> {
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
