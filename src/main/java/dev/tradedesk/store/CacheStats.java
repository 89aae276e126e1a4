package dev.tradedesk.store;

/**
 * Counters of the store's read cache since it was opened, for the performance panel. A read
 * that finds an entry written before the latest write of its series counts as a miss. Immutable.
 *
 * @param hits    range reads answered from the cache
 * @param misses  range reads that went to the database
 * @param entries range results held now
 */
public record CacheStats(long hits, long misses, long entries) {

    /** Hits as a fraction of all reads, {@code NaN} before the first read. */
    public double hitRatio() {
        long reads = hits + misses;
        return reads == 0 ? Double.NaN : (double) hits / reads;
    }
}
