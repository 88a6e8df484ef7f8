package io.jbeam.bench.savina;

/**
 * The random numbers of Savina's Big benchmark: a 16-bit linear congruential generator,
 * {@code x' = (1309 x + 13849) mod 65536}, seeded with the actor's index. Savina uses it in every language so that
 * the programs pick the same neighbours; so do the four implementations here (and {@code savina.escript}).
 * Not thread-safe: one per actor.
 */
public final class SavinaRandom {
    private long state;

    public SavinaRandom(long seed) {
        this.state = seed;
    }

    /** The next number in {@code [0, bound)}, for bound &lt;= 65536. */
    public int nextInt(int bound) {
        state = (state * 1309 + 13849) & 0xFFFF;
        return (int) state % bound;
    }
}
