package io.jbeam.term;

import java.util.concurrent.atomic.AtomicLong;

/** A unique reference ({@code make_ref()}), printed as {@code #Ref<0.A.B.C>}. */
public final class Ref {
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
    public String toString() {
        return "#Ref<0." + (id >>> 32) + "." + (id & 0xFFFFFFFFL) + ".0>";
    }
}
