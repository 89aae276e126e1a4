package dev.tradedesk.ui.chart;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Timeframe;
import java.time.ZoneId;

/**
 * Turns one-minute bars into the chart's timeframe: passed through at 1Min, aggregated exactly into
 * the higher timeframe otherwise ({@link BarAggregator}), with the bucket in progress shown as the
 * forming bar. Splits a minute history into the completed buckets (for
 * {@link ChartModel#loadHistory}) and the bucket in progress, which it keeps and keeps growing.
 *
 * <p>Not thread-safe: the chart controller uses it on the JavaFX thread (and once on the loader
 * thread before handing it over).
 */
public final class LiveBarRouter {

    private final Timeframe timeframe;
    private final BarAggregator aggregator;
    private final ChartModel chart;
    private long lastClosedMinute = Long.MIN_VALUE;
    /**
     * The end (exclusive) of the bucket {@link #finishHistory} closed because the clock had passed
     * it, or {@code Long.MIN_VALUE}. Its minutes may still come (a backfill brings what happened
     * while the app was closed, or while a symbol was new), and a bar on the chart never changes once
     * closed. A minute is routed only if it is after the last one seen, which lies in that bucket or
     * later: so it belongs to that bucket if it opens before this end, a comparison cheap enough for
     * every forming tick.
     */
    private long closedByClockUntil = Long.MIN_VALUE;
    /** Minutes came for the bucket closed by the clock: the chart shows that bucket short of them. */
    private boolean behindClosedBar;

    public LiveBarRouter(Timeframe timeframe, ZoneId dayZone, ChartModel chart) {
        this.timeframe = timeframe;
        this.aggregator = new BarAggregator(timeframe, dayZone);
        this.chart = chart;
    }

    /**
     * The chart history for {@code minuteHistory} (closed minute bars, time order): every completed
     * bucket. The minutes of the last, unfinished bucket stay here and are shown as the forming bar.
     */
    public BarColumns historyFor(BarColumns minuteHistory) {
        if (minuteHistory.isEmpty()) {
            return new BarColumns(0);
        }
        lastClosedMinute = minuteHistory.time(minuteHistory.size() - 1);
        if (timeframe == Timeframe.ONE_MINUTE) {
            return BarAggregator.aggregate(minuteHistory, timeframe, ZoneId.of("UTC"));
        }
        BarColumns completed = new BarColumns(Math.max(16, minuteHistory.size() / 4));
        for (int i = 0; i < minuteHistory.size(); i++) {
            aggregator.add(minuteHistory.time(i), minuteHistory.open(i), minuteHistory.high(i), minuteHistory.low(i),
                    minuteHistory.close(i), minuteHistory.volume(i), completed::add);
        }
        return completed;
    }

    /**
     * {@link #historyFor(BarColumns) historyFor(minuteHistory)}, after those of {@code storedBars}
     * (bars stored of this timeframe itself, oldest first, such as an imported daily history) that
     * open before the bucket of the first minute: a history imported by day for years before the
     * first recorded minute stays on the chart, and where both cover a bucket, the minutes make it.
     * With no minute, the history is {@code storedBars} itself.
     */
    public BarColumns historyFor(BarColumns storedBars, BarColumns minuteHistory) {
        if (timeframe == Timeframe.ONE_MINUTE || storedBars.isEmpty()) {
            return historyFor(minuteHistory);
        }
        if (minuteHistory.isEmpty()) {
            return storedBars;
        }
        long firstBucket = aggregator.bucketStartOf(minuteHistory.time(0));
        int earlier = 0;
        while (earlier < storedBars.size() && storedBars.time(earlier) < firstBucket) {
            earlier++;
        }
        BarColumns fromMinutes = historyFor(minuteHistory);
        BarColumns joined = new BarColumns(earlier + fromMinutes.size());
        joined.addAll(storedBars, earlier);
        joined.addAll(fromMinutes, fromMinutes.size());
        return joined;
    }

    /**
     * Shows the bucket left over from the history: as a closed bar if it is over at
     * {@code nowMillis} (a stored history that ended in the past), else as the forming bar.
     */
    public void finishHistory(long nowMillis) {
        if (timeframe != Timeframe.ONE_MINUTE && lastClosedMinute != Long.MIN_VALUE
                && aggregator.bucketOver(lastClosedMinute, nowMillis)) {
            closedByClockUntil = aggregator.bucketEndOf(aggregator.bucketStartOf(lastClosedMinute));
            aggregator.flush(chart::pushClosedBar);
        } else {
            showBucketInProgress();
        }
    }

    /** Shows the bucket in progress left over from the history, if any. */
    private void showBucketInProgress() {
        if (timeframe != Timeframe.ONE_MINUTE) {
            aggregator.forming(null, chart::pushFormingBar);
        }
    }

    /**
     * A one-minute bar closed; bars at or before the last one seen are ignored, and so are those of
     * a bucket closed by the clock ({@link #takeBehindClosedBar()} tells of them).
     */
    public void closedMinute(Bar bar) {
        if (bar.time() <= lastClosedMinute) {
            return;
        }
        lastClosedMinute = bar.time();
        if (ofBucketClosedByClock(bar)) {
            return;
        }
        if (timeframe == Timeframe.ONE_MINUTE) {
            chart.pushClosedBar(bar);
        } else {
            aggregator.add(bar.time(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(), chart::pushClosedBar);
            aggregator.forming(null, chart::pushFormingBar);
        }
    }

    /** The one-minute bar still forming moved. */
    public void formingMinute(Bar bar) {
        if (bar.time() <= lastClosedMinute || ofBucketClosedByClock(bar)) {
            return;
        }
        if (timeframe == Timeframe.ONE_MINUTE) {
            chart.pushFormingBar(bar);
        } else {
            aggregator.forming(bar, chart::pushFormingBar);
        }
    }

    /**
     * Whether a minute came for the bucket {@link #finishHistory} closed by the clock since the last
     * call: the bar on the chart lacks it for good, and only a chart built again from the stored
     * history shows that bucket whole.
     */
    public boolean takeBehindClosedBar() {
        boolean behind = behindClosedBar;
        behindClosedBar = false;
        return behind;
    }

    /** Whether {@code minute} belongs to the bucket closed by the clock; {@link #takeBehindClosedBar} then tells so. */
    private boolean ofBucketClosedByClock(Bar minute) {
        if (minute.time() >= closedByClockUntil) {
            return false;
        }
        behindClosedBar = true;
        return true;
    }
}
