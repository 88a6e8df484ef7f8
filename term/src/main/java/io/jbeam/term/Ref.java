package io.jbeam.term;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A unique reference ({@code make_ref()}), printed as OTP 25 prints a local reference,
 * {@code #Ref<0.A.B.C>}: the id's top 14 bits, its next 32 bits, and its low 18 bits.
 */
public final class Ref implements Comparable<Ref> {
    private static final AtomicLong NEXT = new AtomicLong(1);

    private final long id;

    private Ref(long id) {
        this.id = id;
    }

    /** A new reference, unique in this VM. */
    public static Ref make() {
        return new Ref(NEXT.getAndIncrement());
    }

    public long id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ref && ((Ref) o).id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public int compareTo(Ref o) {
        return Long.compareUnsigned(id, o.id);
    }

    @Override
    public String toString() {
        return "#Ref<0." + (id >>> 50) + "." + ((id >>> 18) & 0xFFFF_FFFFL) + "." + (id & 0x3FFFF) + ">";
    }
}
