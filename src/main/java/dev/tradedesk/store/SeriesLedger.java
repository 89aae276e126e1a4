package dev.tradedesk.store;

import dev.tradedesk.core.TimeRange;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the completeness ledger knows of one series over a window: since when the series is
 * tracked (empty if never), and the covered ranges overlapping the window, in time order.
 * Immutable.
 */
public record SeriesLedger(OptionalLong trackedSince, List<TimeRange> covered) {

    public SeriesLedger {
        covered = List.copyOf(covered);
    }

    /**
     * Ranges of {@code [from, until)}, from the tracking start on, that no covered range spans: not
     * yet fetched whole. An untracked series counts from {@code from}.
     */
    public List<TimeRange> missing(long from, long until) {
        long start = Math.max(from, trackedSince.orElse(from));
        return start >= until ? List.of() : TimeRange.holes(covered, start, until);
    }

    /**
     * Covered share of {@code [trackedSince, until)}, 0 to 1; 1 for a series not tracked or tracked
     * from {@code until} on (nothing is claimed, so nothing is missing).
     */
    public double completeness(long until) {
        if (trackedSince.isEmpty() || trackedSince.getAsLong() >= until) {
            return 1;
        }
        long start = trackedSince.getAsLong();
        long missing = missing(start, until).stream().mapToLong(TimeRange::length).sum();
        return 1 - (double) missing / (until - start);
    }

    /** Where coverage ends: the end of the last covered range, or empty if nothing is covered. */
    public OptionalLong coveredUntil() {
        return covered.isEmpty() ? OptionalLong.empty() : OptionalLong.of(covered.get(covered.size() - 1).until());
    }
}
