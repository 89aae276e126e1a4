package dev.tradedesk.ui.chart;

import java.time.Instant;

/**
 * The visible time range of a chart: what the app persists and restores as the chart's zoom and
 * pan state. Times are UTC epoch milliseconds, like bar times.
 *
 * @param fromMillis      left edge of the plot
 * @param toMillis        right edge of the plot, after {@code fromMillis}
 * @param followsLiveEdge whether the latest bar is in view, so that the range moves along when
 *                        new bars arrive (restoring such a range snaps it to the live edge)
 */
public record ChartRange(long fromMillis, long toMillis, boolean followsLiveEdge) {

    public ChartRange {
        if (toMillis <= fromMillis) {
            throw new IllegalArgumentException("range must end after it starts: " + Instant.ofEpochMilli(fromMillis)
                    + " .. " + Instant.ofEpochMilli(toMillis));
        }
    }

    public long spanMillis() {
        return toMillis - fromMillis;
    }

    public boolean contains(long timeMillis) {
        return timeMillis >= fromMillis && timeMillis <= toMillis;
    }

    @Override
    public String toString() {
        return Instant.ofEpochMilli(fromMillis) + " .. " + Instant.ofEpochMilli(toMillis)
                + (followsLiveEdge ? " (live)" : "");
    }
}
