package dev.tradedesk.core;

/**
 * Sizes of the primitive rings: a power of two, so that a slot is {@code index & mask} rather than
 * a division. Stateless and thread-safe.
 */
public final class RingCapacity {

    /** Largest ring the engine builds: 2^30 slots. */
    public static final int MAX = 1 << 30;

    private RingCapacity() {
    }

    /**
     * The smallest power of two at least {@code requested}.
     *
     * @throws IllegalArgumentException when {@code requested} is below 1 or above {@link #MAX}
     */
    public static int atLeast(int requested) {
        if (requested < 1 || requested > MAX) {
            throw new IllegalArgumentException("ring capacity must be between 1 and " + MAX + ", was " + requested);
        }
        return requested == 1 ? 1 : Integer.highestOneBit(requested - 1) << 1;
    }
}
