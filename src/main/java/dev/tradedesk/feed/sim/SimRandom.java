package dev.tradedesk.feed.sim;

/**
 * Counter-based random numbers: every draw is a pure function of (key, stream, index), so any bar
 * of the simulated market can be recomputed at any time, in any order, on any thread, and is the
 * same every time. SplitMix64 finalisers do the mixing. Stateless and thread-safe.
 */
final class SimRandom {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TWO_PI = 2 * Math.PI;
    private static final double UNIT = 0x1.0p-53;

    private SimRandom() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long key, long stream, long index) {
        return mix(mix(key + stream * GOLDEN) + index * 0xD1B54A32D192ED03L);
    }

    /** Uniform in [0, 1). */
    static double uniform(long key, long stream, long index) {
        return (hash(key, stream, index) >>> 11) * UNIT;
    }

    /** Standard normal (Box–Muller on two independent uniforms). */
    static double gaussian(long key, long stream, long index) {
        long bits = hash(key, stream, index);
        double u1 = ((bits >>> 11) + 1) * UNIT;
        double u2 = (mix(bits) >>> 11) * UNIT;
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(TWO_PI * u2);
    }

    /** A stable 64-bit key for a text, independent of {@link String#hashCode()}'s 32 bits. */
    static long keyOf(long seed, String text) {
        long h = mix(seed ^ GOLDEN);
        for (int i = 0; i < text.length(); i++) {
            h = mix(h ^ text.charAt(i));
        }
        return h;
    }
}
