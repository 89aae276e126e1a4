package dev.tradedesk.ui.chart;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeries;
import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.core.IndicatorSnapshot;
import dev.tradedesk.core.PriceDecimals;
import dev.tradedesk.core.RingCapacity;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chart's model: one displayed series (bars, every indicator value and their pyramids), the
 * visible range (zoom and pan, following the live edge or not), the level-of-detail switch, the
 * readout of the bar under a given time, and what the StochRSI pane waits for while the series is
 * too short for its values ({@link StochRsiWarmUp}). It holds no controls, so it is tested without
 * a scene.
 *
 * <p>Threading: {@link #loadHistory}, {@link #pushClosedBar} and {@link #pushFormingBar} may be
 * called from any thread; they never block and never touch JavaFX. They hand over through a
 * lock-free coalescing queue ({@link PendingBars}), and nothing is visible until the owner thread,
 * the JavaFX thread in the app, calls {@link #applyPending()} (the view does so once per pulse).
 * Every other method belongs to that owner thread; the properties fire on it.
 */
public final class ChartModel {

    private static final Logger log = LoggerFactory.getLogger(ChartModel.class);

    /** Bars in view after {@link #resetView()}. */
    public static final int DEFAULT_VISIBLE_BARS = 200;
    /**
     * Largest series a chart keeps: 2^22 bars. Memory is fixed by the capacity: about 210 bytes per
     * bar (the series with every indicator value 136, the candle pyramid 24, the StochRSI pane's
     * extremes 48), so 2^20 bars take about 220 MB and the default 2^17 about 27 MB.
     */
    public static final int MAX_CAPACITY = 1 << 22;
    /** Zoom factor of one {@link #zoomIn()} step. */
    public static final double ZOOM_STEP = 1.25;
    /** Share of the visible span one {@link #panLeft()} step moves. */
    public static final double PAN_STEP = 0.1;

    private final SeriesKey key;
    private final ZoneId tradingDayZone;
    private final IndicatorParameters parameters;
    private final int capacity;
    private final PendingBars pending = new PendingBars();
    private final ArrayList<PendingBars.Update> drained = new ArrayList<>();
    /**
     * Ignores a range equal to the current one (a zoom re-applied, an edge that did not move):
     * a property invalidates on any new instance, and the chart answers each invalidation by
     * refilling every pixel column of its three panes.
     */
    private final ReadOnlyObjectWrapper<ChartRange> range = new ReadOnlyObjectWrapper<>(this, "range") {
        @Override
        public void set(ChartRange next) {
            if (!Objects.equals(next, get())) {
                super.set(next);
            }
        }
    };
    private final BooleanProperty levelOfDetail = new SimpleBooleanProperty(this, "levelOfDetail", true);
    private final StochRsiWarmUp warmUp;
    private final ReadOnlyObjectWrapper<StochRsiWarmUp.Hint> warmUpHint = new ReadOnlyObjectWrapper<>(this, "warmUpHint");
    /** The bar count {@link #warmUpHint} was last worked out for. */
    private long hintedBars = -1;
    private ChartSeries series;
    private long dataVersion;
    private long refusedBars;

    /** A chart of a US stock: its daily bars span New York's days. */
    public ChartModel(SeriesKey key, IndicatorParameters parameters, int capacity) {
        this(key, BarAggregator.NEW_YORK, parameters, capacity);
    }

    /**
     * @param tradingDayZone the zone whose days the market trades in, which its daily bars span
     *                       (New York's for US stocks, UTC's for crypto): how the chart names and
     *                       counts days
     * @param capacity       bars kept at most (rounded up to a power of two, at most
     *                       {@link #MAX_CAPACITY}); older bars drop out as new ones arrive
     */
    public ChartModel(SeriesKey key, ZoneId tradingDayZone, IndicatorParameters parameters, int capacity) {
        this.key = Objects.requireNonNull(key, "key");
        this.tradingDayZone = Objects.requireNonNull(tradingDayZone, "tradingDayZone");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be between 1 and " + MAX_CAPACITY + ", was " + capacity);
        }
        this.capacity = RingCapacity.atLeast(capacity);
        this.warmUp = new StochRsiWarmUp(parameters);
    }

    public ChartModel(SeriesKey key) {
        this(key, IndicatorParameters.DEFAULTS, IndicatorSeries.DEFAULT_CAPACITY);
    }

    public SeriesKey key() {
        return key;
    }

    /** The zone whose calendar days are the market's trading days, which its daily bars span. */
    public ZoneId tradingDayZone() {
        return tradingDayZone;
    }

    public int capacity() {
        return capacity;
    }

    // ---- producers: any thread -------------------------------------------------------------

    /**
     * Replaces the displayed series with {@code history} (closed bars, valid, in time order). The
     * series and its indicators are computed on the calling thread, so call it off the JavaFX
     * thread for large histories; the swap happens at the next {@link #applyPending()}. Live bars
     * pushed after this call apply to the new series; those pushed before are dropped.
     *
     * @throws IllegalArgumentException when a bar is invalid or out of time order
     */
    public void loadHistory(BarColumns history) {
        pending.offerReplacement(ChartSeries.warmed(key, parameters, capacity, history));
    }

    /** Hands over a closed bar (it replaces a forming bar with the same time). Any thread. */
    public void pushClosedBar(long time, double open, double high, double low, double close, double volume) {
        checkBar(time, open, high, low, close, volume);
        pending.offerClosed(time, open, high, low, close, volume);
    }

    public void pushClosedBar(Bar bar) {
        pending.offerClosed(bar.time(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    /** Hands over the current state of the forming bar; a later time closes the previous one. Any thread. */
    public void pushFormingBar(long time, double open, double high, double low, double close, double volume) {
        checkBar(time, open, high, low, close, volume);
        pending.offerForming(time, open, high, low, close, volume);
    }

    public void pushFormingBar(Bar bar) {
        pending.offerForming(bar.time(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    private static void checkBar(long time, double open, double high, double low, double close, double volume) {
        String problem = Bar.problem(open, high, low, close, volume);
        if (problem != null) {
            throw new IllegalArgumentException("invalid bar at " + Instant.ofEpochMilli(time) + ": " + problem);
        }
    }

    // ---- owner thread -----------------------------------------------------------------------

    /**
     * Applies everything handed over since the last call, in order, and moves a live range along.
     * Bars out of time order are refused and counted ({@link #refusedBars()}). Owner thread only.
     *
     * @return whether the displayed data changed
     */
    public boolean applyPending() {
        if (!pending.drainTo(drained)) {
            return false;
        }
        boolean changed = false;
        for (PendingBars.Update update : drained) {
            changed |= apply(update);
        }
        drained.clear();
        if (changed) {
            dataVersion++;
            updateWarmUpHint();
            ChartRange current = range.get();
            Viewport viewport = viewport();
            if (current == null) {
                resetView();
            } else if (viewport != null) {
                range.set(viewport.afterNewBars(current));
            }
        }
        return changed;
    }

    private boolean apply(PendingBars.Update update) {
        switch (update.kind) {
            case REPLACE -> {
                series = update.replacement;
                Viewport viewport = viewport();
                ChartRange current = range.get();
                if (viewport != null && current != null) {
                    range.set(viewport.restore(current));
                }
                return true;
            }
            case CLOSED, FORMING -> {
                if (series == null) {
                    series = ChartSeries.empty(key, parameters, capacity);
                }
                boolean accepted = update.kind == PendingBars.Kind.CLOSED
                        ? series.appendClosed(update.time, update.open, update.high, update.low, update.close,
                                update.volume)
                        : series.updateForming(update.time, update.open, update.high, update.low, update.close,
                                update.volume);
                if (!accepted && refusedBars++ == 0) {
                    // Never expected: the live path sends each bar once, in time order. A refused bar
                    // leaves the chart short of data, so the first one is told; the rest are counted.
                    log.warn("Chart of {} refused a {} bar at {}: not after its last bar, at {}; further refusals"
                            + " are only counted", key, update.kind == PendingBars.Kind.CLOSED ? "closed" : "forming",
                            Instant.ofEpochMilli(update.time), Instant.ofEpochMilli(series.lastTime()));
                }
                return accepted;
            }
            default -> throw new IllegalStateException("unknown update " + update.kind);
        }
    }

    /** Works the hint out again only when the bar count changed: a tick on the forming bar costs a comparison. */
    private void updateWarmUpHint() {
        long bars = series.view().size();
        if (bars != hintedBars) {
            hintedBars = bars;
            warmUpHint.set(warmUp.hintFor(bars));
        }
    }

    /**
     * What the StochRSI pane waits for while the series is too short for its first values with
     * the parameters in use ("StochRSI needs 30 bars, the band 34; 3 so far"); null without data
     * and once every part of the pane has values. Changes only when the bar count does, on the
     * owner thread.
     */
    ReadOnlyObjectProperty<StochRsiWarmUp.Hint> warmUpHintProperty() {
        return warmUpHint.getReadOnlyProperty();
    }

    StochRsiWarmUp.Hint warmUpHint() {
        return warmUpHint.get();
    }

    /** Whether bars or a history wait for {@link #applyPending()}; a hint, as producers may add at any moment. */
    public boolean hasPendingUpdates() {
        return !pending.isEmpty();
    }

    /** Incremented whenever the displayed data changes, so views can tell whether to redraw. */
    public long dataVersion() {
        return dataVersion;
    }

    /** Bars refused so far because they were older than the series' last bar. */
    public long refusedBars() {
        return refusedBars;
    }

    /** The displayed series, or empty before any data arrived. Owner thread only. */
    public Optional<IndicatorSeriesView> series() {
        return hasData() ? Optional.of(series.view()) : Optional.empty();
    }

    public boolean hasData() {
        return series != null && !series.isEmpty();
    }

    /**
     * The decimals the series' prices are shown with: the fewest that write its recent bars' prices
     * exactly ({@link PriceDecimals}), and {@link PriceDecimals#MIN} before any data. Owner thread only.
     */
    public int priceDecimals() {
        return hasData() ? series.priceDecimals() : PriceDecimals.MIN;
    }

    /**
     * Which way the last price moved against the previous bar's close, as the last-price tag shows it;
     * {@link PriceChange#UNCHANGED} before any data or while the previous bar is not kept. Against
     * the last bar's own open, a bar that had just opened (open equal to close) read as up whatever
     * the price did since the bar before. Owner thread only.
     */
    PriceChange lastPriceChange() {
        if (!hasData()) {
            return PriceChange.UNCHANGED;
        }
        IndicatorSeriesView view = series.view();
        long last = view.size() - 1;
        return last - 1 < view.firstIndex() ? PriceChange.UNCHANGED
                : PriceChange.of(view.close(last), view.close(last - 1));
    }

    /** The series and pyramid, for the view; null before any data. */
    ChartSeries chartSeries() {
        return hasData() ? series : null;
    }

    // ---- readout ------------------------------------------------------------------------------

    /**
     * The bar whose place on the time axis is under {@code timeMillis} ({@link #slotAt}), with its
     * OHLCV and every indicator value; empty where no bar stands (past the last bar, before the
     * first, in a gap) and without data.
     */
    public Optional<IndicatorSnapshot> readoutAt(long timeMillis) {
        if (!hasData()) {
            return Optional.empty();
        }
        long slot = slotAt(timeMillis);
        long index = series.nearestIndex(slot);
        return series.view().time(index) == slot ? Optional.of(snapshot(index)) : Optional.empty();
    }

    /**
     * The open time of the bar place under {@code timeMillis}, the place a candle stands on, half a
     * bar either side of its time: a bar's own time where one stands, else the time a bar would
     * open at there, whole bars (New York days on a daily chart) from the nearest bar. So past the
     * last bar, before the first and in a gap the crosshair stands on an empty place and names
     * its time, not a bar a minute or a night away. {@code timeMillis} itself without data. Owner
     * thread only.
     */
    public long slotAt(long timeMillis) {
        return slotAt(timeMillis, 0);
    }

    /**
     * {@link #slotAt(long)} for a cursor that points no finer than {@code pixelMillis}: a bar within
     * half of it is under the cursor, whatever its own width. Zoomed out to several bars a pixel, a
     * missing minute is too narrow to see, and the readout would blink "no bar" over it.
     */
    public long slotAt(long timeMillis, long pixelMillis) {
        if (!hasData()) {
            return timeMillis;
        }
        IndicatorSeriesView view = series.view();
        long nearest = series.nearestIndex(timeMillis);
        long nearestTime = view.time(nearest);
        long barMillis = key.timeframe().millis();
        long bars = Math.round((timeMillis - nearestTime) / (double) barMillis);
        if (bars == 0 || Math.abs(timeMillis - nearestTime) * 2 <= pixelMillis) {
            return nearestTime;
        }
        long slot = barsAfter(nearestTime, bars);
        long neighbour = bars > 0 ? nearest + 1 : nearest - 1;
        if (neighbour >= view.firstIndex() && neighbour < view.size()
                && Math.abs(view.time(neighbour) - slot) * 2 < barMillis) {
            return view.time(neighbour); // days of 23 or 25 hours: no empty place between neighbours
        }
        return slot;
    }

    /** The open time {@code bars} bars after (or before) {@code timeMillis}; daily bars by the market's calendar. */
    private long barsAfter(long timeMillis, long bars) {
        if (key.timeframe() == Timeframe.ONE_DAY) {
            return Instant.ofEpochMilli(timeMillis).atZone(tradingDayZone).plusDays(bars)
                    .toInstant().toEpochMilli();
        }
        return timeMillis + bars * key.timeframe().millis();
    }

    /** Whether {@code timeMillis} lies after the latest bar: where no bar stands yet. Owner thread only. */
    boolean isAfterLastBar(long timeMillis) {
        return hasData() && timeMillis > series.lastTime();
    }

    /** The latest bar with its values, or empty before any data. */
    public Optional<IndicatorSnapshot> latest() {
        return hasData() ? Optional.of(snapshot(series.view().size() - 1)) : Optional.empty();
    }

    private IndicatorSnapshot snapshot(long index) {
        IndicatorSeriesView view = series.view();
        boolean forming = view.hasFormingBar() && index == view.size() - 1;
        return new IndicatorSnapshot(key, index, forming, view.time(index), view.open(index), view.high(index),
                view.low(index), view.close(index), view.volume(index),
                view.value(Indicator.RSI, index), view.value(Indicator.STOCH_K, index),
                view.value(Indicator.STOCH_D, index), view.value(Indicator.ATR, index),
                view.value(Indicator.ATR_MA, index), view.value(Indicator.VOLATILITY_RATIO, index),
                view.value(Indicator.BAND_LOWER, index), view.value(Indicator.BAND_UPPER, index),
                view.value(Indicator.VOLUME_SMA, index), view.value(Indicator.RELATIVE_VOLUME, index));
    }

    // ---- visible range --------------------------------------------------------------------------

    /** The visible range (null until data arrives or a range is restored); the app persists it. */
    public ReadOnlyObjectProperty<ChartRange> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    public ChartRange range() {
        return range.get();
    }

    /** Restores a range (e.g. from the workspace); a live range snaps to the live edge. */
    public void setRange(ChartRange restored) {
        Objects.requireNonNull(restored, "range");
        Viewport viewport = viewport();
        range.set(viewport == null ? restored : viewport.restore(restored));
    }

    /**
     * Zooms by {@code factor} (below 1 zooms in) around {@code anchorMillis}, which stays at the
     * same place on the plot (the mouse wheel passes the time under the cursor). The range keeps
     * following the live edge if the latest bar stays in view.
     */
    public void zoom(double factor, long anchorMillis) {
        Viewport viewport = viewport();
        ChartRange current = range.get();
        if (viewport != null && current != null) {
            range.set(viewport.zoom(current, factor, anchorMillis));
        }
    }

    /** One zoom step in: around the latest bar while following the live edge, else around the centre. */
    public void zoomIn() {
        zoomStep(1 / ZOOM_STEP);
    }

    /** One zoom step out, anchored like {@link #zoomIn()}. */
    public void zoomOut() {
        zoomStep(ZOOM_STEP);
    }

    private void zoomStep(double factor) {
        ChartRange current = range.get();
        if (current != null && hasData()) {
            zoom(factor, current.followsLiveEdge() ? series.lastTime() : current.fromMillis() + current.spanMillis() / 2);
        }
    }

    /** Moves the range by {@code deltaMillis} (positive: towards later bars). */
    public void pan(long deltaMillis) {
        Viewport viewport = viewport();
        ChartRange current = range.get();
        if (viewport != null && current != null) {
            range.set(viewport.pan(current, deltaMillis));
        }
    }

    public void panLeft() {
        ChartRange current = range.get();
        if (current != null) {
            pan(-Math.round(current.spanMillis() * PAN_STEP));
        }
    }

    public void panRight() {
        ChartRange current = range.get();
        if (current != null) {
            pan(Math.round(current.spanMillis() * PAN_STEP));
        }
    }

    /** The default view: the last {@link #DEFAULT_VISIBLE_BARS} bars, following the live edge. */
    public void resetView() {
        Viewport viewport = viewport();
        if (viewport != null) {
            IndicatorSeriesView view = series.view();
            long firstShown = Math.max(view.firstIndex(), view.size() - DEFAULT_VISIBLE_BARS);
            range.set(viewport.followingFrom(view.time(firstShown)));
        }
    }

    /** Zooms all the way out: every retained bar in view, following the live edge. */
    public void showAll() {
        Viewport viewport = viewport();
        if (viewport != null) {
            range.set(viewport.followingFrom(series.firstTime()));
        }
    }

    private Viewport viewport() {
        return hasData() ? new Viewport(series.firstTime(), series.lastTime(), key.timeframe().millis()) : null;
    }

    // ---- level of detail -------------------------------------------------------------------------

    /**
     * Whether, with more bars in view than the plot can show, candles are merged into exact
     * aggregates and the StochRSI pane is drawn from per-pixel extremes (on by default); off, every
     * bar is drawn, for A/B comparison. Change it on the JavaFX thread.
     */
    public BooleanProperty levelOfDetailProperty() {
        return levelOfDetail;
    }

    public boolean isLevelOfDetail() {
        return levelOfDetail.get();
    }

    public void setLevelOfDetail(boolean enabled) {
        levelOfDetail.set(enabled);
    }
}
