package dev.tradedesk.ui.chart;

/**
 * The arithmetic of zooming and panning over a series' time extent: pure functions from a
 * {@link ChartRange} to the next one, keeping every range sensible (at least
 * {@link #MIN_VISIBLE_BARS} bars wide and at most as wide as every bar with the right margin,
 * never scrolled so far that less than half the plot shows data, never past the latest bar's right
 * margin into empty future) and keeping a live range glued to the latest bar with that margin.
 *
 * <p>Immutable and thread-safe.
 *
 * @param firstTime time of the oldest retained bar (epoch ms)
 * @param lastTime  time of the latest bar (epoch ms)
 * @param barMillis nominal bar duration (epoch ms)
 */
record Viewport(long firstTime, long lastTime, long barMillis) {

    /** Narrowest zoom, in bars. */
    static final int MIN_VISIBLE_BARS = 10;
    /** Share of the plot left empty to the right of the latest bar while following it (a bar at least). */
    static final double RIGHT_MARGIN = 0.04;

    Viewport {
        if (barMillis <= 0) {
            throw new IllegalArgumentException("bar duration must be positive, was " + barMillis);
        }
    }

    /** A live range of {@code span} ending just after the latest bar. */
    ChartRange following(long span) {
        long clamped = clampSpan(span);
        long to = lastTime + margin(clamped);
        return new ChartRange(to - clamped, to, true);
    }

    /**
     * The live range from half a bar before the bar at {@code fromTime} to the latest bar and its
     * right margin. Bars fewer than the narrowest zoom end at the right all the same, as they do at
     * every other zoom, with the plot before the first of them empty: that is where there is no
     * history. Stood from the left, three daily bars left two thirds of the plot empty to their
     * right and the latest candle far from its price tag on the axis.
     */
    ChartRange followingFrom(long fromTime) {
        return following(spanFrom(fromTime));
    }

    /** The span of {@link #followingFrom}: from half a bar before {@code fromTime} to the right margin. */
    private long spanFrom(long fromTime) {
        long from = fromTime - barMillis / 2;
        return Math.max((long) Math.ceil((lastTime - from) / (1 - RIGHT_MARGIN)), lastTime - from + barMillis);
    }

    /** A live range moves along when the latest bar reaches its right margin; others stay. */
    ChartRange afterNewBars(ChartRange range) {
        if (!range.followsLiveEdge()) {
            return range;
        }
        long span = range.spanMillis();
        if (lastTime <= range.toMillis() - margin(span)) {
            return range;
        }
        return following(span);
    }

    /**
     * {@code range} zoomed by {@code factor} (below 1 zooms in) so that {@code anchorTime} stays at
     * the same place on the plot; live if the latest bar is still in view. Zoomed all the way out,
     * every bar is in view, following the latest.
     */
    ChartRange zoom(ChartRange range, double factor, long anchorTime) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("zoom factor must be positive, was " + factor);
        }
        long span = range.spanMillis();
        long newSpan = clampSpan(Math.round(span * factor));
        if (newSpan >= spanFrom(firstTime)) {
            return following(newSpan); // all the way out: every bar, as Ctrl+0 shows them
        }
        double anchorShare = Math.min(1, Math.max(0, (anchorTime - range.fromMillis()) / (double) span));
        long from = anchorTime - Math.round(anchorShare * newSpan);
        return placed(from, from + newSpan);
    }

    /** {@code range} moved by {@code deltaMillis} (positive: later); live if the latest bar ends up in view. */
    ChartRange pan(ChartRange range, long deltaMillis) {
        return placed(range.fromMillis() + deltaMillis, range.toMillis() + deltaMillis);
    }

    /** A range restored or set from outside, made sensible for this extent. */
    ChartRange restore(ChartRange range) {
        if (range.followsLiveEdge()) {
            return following(range.spanMillis());
        }
        long span = clampSpan(range.spanMillis());
        long middle = range.fromMillis() + range.spanMillis() / 2;
        return placed(middle - span / 2, middle - span / 2 + span);
    }

    /** Keeps at least half the plot over data and reports whether the latest bar is in view. */
    private ChartRange placed(long from, long to) {
        long span = to - from;
        if (from > lastTime - span / 2) {
            from = lastTime - span / 2;
        }
        if (from + span < firstTime + span / 2) {
            from = firstTime + span / 2 - span;
        }
        to = from + span;
        boolean live = lastTime >= from && lastTime <= to;
        if (live && to > lastTime + margin(span)) {
            return following(span); // no empty future past the live edge's margin, as a zoom out or drag left it
        }
        return new ChartRange(from, to, live);
    }

    /**
     * Between {@link #MIN_VISIBLE_BARS} bars and every bar in view with the right margin, as
     * {@link #followingFrom} the first shows them: zoomed out further, a third of the plot before
     * the first bar was empty.
     */
    long clampSpan(long span) {
        long narrowest = MIN_VISIBLE_BARS * barMillis;
        long widest = Math.max(narrowest, spanFrom(firstTime));
        return Math.max(narrowest, Math.min(widest, span));
    }

    /** At least a bar: a share alone left the last candle of a narrow view against the price axis. */
    private long margin(long span) {
        return Math.max(Math.round(span * RIGHT_MARGIN), barMillis);
    }
}
