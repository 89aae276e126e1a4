package dev.tradedesk.feed;

/**
 * How far a backfill has come, for a progress bar: {@code done} of {@code total} history windows,
 * and what is being fetched now. Immutable.
 */
public record BackfillProgress(String fetching, int done, int total) {

    /** Nothing loading: what hides a progress bar, after a backfill finished or stopped. */
    public static final BackfillProgress NONE = new BackfillProgress("", 0, 0);

    public boolean finished() {
        return done >= total;
    }

    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }
}
