package dev.tradedesk.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A half-open span of time {@code [from, until)} in epoch milliseconds UTC: the unit of the
 * completeness ledger (a range of a series known covered, or known missing). Immutable.
 */
public record TimeRange(long from, long until) {

    public TimeRange {
        if (until <= from) {
            throw new IllegalArgumentException("empty or reversed time range [" + from + ", " + until + ")");
        }
    }

    public long length() {
        return until - from;
    }

    /** Whether the two ranges overlap or meet end to start (so they merge into one). */
    public boolean touches(TimeRange other) {
        return from <= other.until && other.from <= until;
    }

    /**
     * The parts of {@code [from, until)} that none of {@code covered} covers, in time order.
     * {@code covered} must be sorted by start; it may overlap the bounds.
     */
    public static List<TimeRange> holes(List<TimeRange> covered, long from, long until) {
        List<TimeRange> holes = new ArrayList<>();
        long cursor = from;
        for (TimeRange range : covered) {
            if (range.until <= cursor) {
                continue;
            }
            if (range.from >= until) {
                break;
            }
            if (range.from > cursor) {
                holes.add(new TimeRange(cursor, range.from));
            }
            cursor = Math.max(cursor, range.until);
        }
        if (cursor < until) {
            holes.add(new TimeRange(cursor, until));
        }
        return holes;
    }

    @Override
    public String toString() {
        return Instant.ofEpochMilli(from) + " … " + Instant.ofEpochMilli(until);
    }
}
