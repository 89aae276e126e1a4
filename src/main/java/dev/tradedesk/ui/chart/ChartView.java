package dev.tradedesk.ui.chart;

import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.core.IndicatorSnapshot;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.ui.chart.ViewRangedAxis.Tag;
import io.fair_acc.chartfx.XYChart;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * The chart: price candles with a last-price tag, volume bars and StochRSI with its dynamic band,
 * three ChartFX panes over one time axis, with crosshair, readout, wheel zoom, drag pan and
 * double-click reset. A thin view over a {@link ChartModel}.
 *
 * <p>Updates: an {@link AnimationTimer}, running while the chart is in a showing window, calls
 * {@link ChartModel#applyPending()} once per pulse, writes the ChartFX datasets under their write
 * locks in one batch and fires one invalidation each; ChartFX draws in the same pulse. Producers
 * never touch this view. {@link #frameTimes()} records, for every pulse that changed the chart, the
 * time from the start of that work to the end of the pulse's layout (which includes ChartFX's
 * canvas drawing); {@link #applyTimes()} records the apply step alone, every pulse.
 *
 * <p>With the model's level of detail on and more bars in view than one per two pixels, candles
 * are merged into exact aggregates ({@link VisibleCandles}) and the StochRSI pane is drawn from
 * per-pixel extremes ({@link VisibleEnvelopes}), both read from pyramids in O(plot width);
 * otherwise every bar is a candle and ChartFX's point reduction draws the lines.
 *
 * <p>The view listens to its model weakly: a view that is no longer shown (an export, a closed
 * window) can be collected while the model lives on.
 *
 * <p>JavaFX thread only (construction included).
 */
public final class ChartView {

    static final String STYLESHEET = "chart.css";
    static final String ROOT_STYLE = "trade-chart";
    /** Share of the visible high-low range added above and below the candles. */
    static final double PRICE_PADDING = 0.06;
    static final double VOLUME_HEADROOM = 1.1;
    private static final double FALLBACK_PLOT_WIDTH = 1000;

    private final ChartModel model;
    private final VisibleCandles visible = new VisibleCandles();
    private final VisibleEnvelopes envelopes = new VisibleEnvelopes();
    private final ChartPanes panes;
    private final ChartOverlay overlay = new ChartOverlay();
    private final StackPane root;
    private final List<IndicatorDataSet> lineSets;
    private final DataSetWriteLocks lineWrites;
    private final DataSetWriteLocks candleWrites;
    private final ObjectProperty<ZoneId> zone;
    private final ReadOnlyObjectWrapper<IndicatorSnapshot> readout = new ReadOnlyObjectWrapper<>(this, "readout");
    private final FrameTimes frameTimes = new FrameTimes();
    private final FrameTimes applyTimes = new FrameTimes();
    private final AnimationTimer timer;
    private final ObservableValue<Boolean> showing;
    private final Runnable afterLayout = this::afterLayout;
    private final InvalidationListener rangeChanged = observable -> rangeDirty = true;
    private final InvalidationListener levelOfDetailChanged = observable -> levelOfDetailChanged();
    private final InvalidationListener warmUpHintChanged = observable -> overlayDirty = true;
    private ReadoutFormat readoutFormat;

    private long attachedVersion = -1;
    private long drawnVersion = -1;
    private double drawnWidth = -1;
    private double drawnHeight = -1;
    /** Pixels kept free above the highest candle for the readout, the most it has needed at this plot width. */
    private double readoutHeadroom;
    private boolean rangeDirty = true;
    private boolean overlayDirty = true;
    private double cursorX = Double.NaN;
    private double cursorY = Double.NaN;
    private long frameStart;
    private PlotGeometry priceGeometry;
    private PlotGeometry volumeGeometry;
    private PlotGeometry stochGeometry;

    /** A chart showing times in the system zone. */
    public ChartView(ChartModel model) {
        this(model, ZoneId.systemDefault(), Locale.getDefault(Locale.Category.FORMAT));
    }

    /** A chart showing times in {@code zone}, with month names in {@code locale}. */
    public ChartView(ChartModel model, ZoneId zone, Locale locale) {
        this.model = Objects.requireNonNull(model, "model");
        this.zone = new SimpleObjectProperty<>(this, "zone", Objects.requireNonNull(zone, "zone"));
        this.readoutFormat = new ReadoutFormat(zone, model.tradingDayZone());
        panes = new ChartPanes(visible, envelopes, zone, locale);
        if (model.key().timeframe() == Timeframe.ONE_DAY) {
            // Daily bars start at the midnights of the market's zone (ChartController aggregates them so).
            panes.timeAxes().forEach(axis -> axis.showTradingDays(model.tradingDayZone()));
        } else {
            panes.timeAxes().forEach(axis -> axis.showBarsOf(model.key().timeframe().duration().toSeconds()));
        }
        lineSets = List.of(panes.stochK, panes.stochD, panes.band);
        lineWrites = new DataSetWriteLocks(lineSets);
        candleWrites = new DataSetWriteLocks(List.of(panes.candles, panes.upVolume, panes.downVolume));
        root = new StackPane(panes.grid, overlay);
        root.getStyleClass().add(ROOT_STYLE);
        root.setId("tradeChart");
        root.getStylesheets().add(Objects.requireNonNull(ChartView.class.getResource(STYLESHEET)).toExternalForm());

        model.rangeProperty().addListener(new WeakInvalidationListener(rangeChanged));
        model.levelOfDetailProperty().addListener(new WeakInvalidationListener(levelOfDetailChanged));
        model.warmUpHintProperty().addListener(new WeakInvalidationListener(warmUpHintChanged));
        this.zone.addListener((property, previous, current) -> applyZone(current));
        new ChartMouseControl(model, overlay, () -> priceGeometry, this::cursorAt).install(root);

        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse();
            }
        };
        showing = root.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        showing.addListener((property, was, is) -> runWhileShowing(is));
        root.sceneProperty().addListener((property, previous, current) -> moveLayoutListener(previous, current));
    }

    /** The node to put in a scene. */
    public Region node() {
        return root;
    }

    public ChartModel model() {
        return model;
    }

    /** The zone times are shown in (default: the system zone); data stays UTC. */
    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    /**
     * The bar under the crosshair, or the latest bar when the cursor is off the plots; null without
     * data and while the crosshair stands where no bar is (past the last bar, before the first, in a gap).
     */
    public ReadOnlyObjectProperty<IndicatorSnapshot> readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** The readout as shown: time and OHLCV, then every indicator value. */
    public String readoutText() {
        return overlay.readout().getText();
    }

    /**
     * Whether the chart has drawn every bar handed to its model: none waits in the model (a new
     * chart can take a pulse or two before ChartFX lets go of its datasets).
     */
    public boolean drawnUpToDate() {
        return model.hasData() && !model.hasPendingUpdates() && drawnVersion == attachedVersion;
    }

    /** Frames that changed the chart: from the start of the pulse's chart work to the end of its layout. */
    public FrameTimes frameTimes() {
        return frameTimes;
    }

    /** Every pulse's apply step: hand-off, dataset writes and overlay. */
    public FrameTimes applyTimes() {
        return applyTimes;
    }

    ChartPanes panes() {
        return panes;
    }

    /** The StochRSI pane's columns as last filled, for tests of what they draw. */
    VisibleEnvelopes envelopes() {
        return envelopes;
    }

    ChartOverlay overlay() {
        return overlay;
    }

    /** The price plot's geometry as of the last refresh, in the overlay's coordinates; null before the first. */
    PlotGeometry priceGeometry() {
        return priceGeometry;
    }

    /** The per-pulse work, called by the view's timer. */
    private void pulse() {
        long start = System.nanoTime();
        applyData();
        boolean redrawn = refreshPanes();
        if (redrawn || overlayDirty) {
            refreshOverlay();
        }
        long end = System.nanoTime();
        applyTimes.record(end, end - start);
        if (redrawn) {
            frameStart = start;
        }
    }

    /**
     * Applies the model's pending bars under the indicator datasets' write locks (the datasets read
     * the series in place). Nothing is applied while ChartFX still holds the datasets (see
     * {@link DataSetWriteLocks}); the bars wait in the model until the next pulse.
     */
    private void applyData() {
        if (!model.hasPendingUpdates() && model.dataVersion() == attachedVersion) {
            return; // idle pulse: no lock, no invalidation, no redraw
        }
        lineWrites.tryWrite(() -> {
            model.applyPending();
            if (model.dataVersion() == attachedVersion) {
                return false;
            }
            IndicatorSeriesView series = model.series().orElse(null);
            lineSets.forEach(dataSet -> dataSet.attach(series));
            attachedVersion = model.dataVersion();
            return true;
        });
    }

    /** Refills the candles and sets every axis when data, range, detail switch or plot size changed. */
    private boolean refreshPanes() {
        double width = plotWidth();
        double height = panes.price.getCanvas().getHeight();
        if (drawnVersion == attachedVersion && !rangeDirty && width == drawnWidth && height == drawnHeight) {
            return false;
        }
        ChartSeries series = model.chartSeries();
        ChartRange range = model.range();
        boolean written = candleWrites.tryWrite(() -> {
            if (series == null || range == null) {
                visible.clear();
                envelopes.clear();
            } else {
                visible.fill(series, range, width, model.isLevelOfDetail());
                envelopes.fill(series, range, width, model.isLevelOfDetail());
            }
            panes.candles.refreshLimits();
            panes.upVolume.refreshLimits();
            panes.downVolume.refreshLimits();
            return true;
        });
        if (!written) {
            return false; // retried next pulse: the dirty flags stay set
        }
        rangeDirty = false;
        if (width != drawnWidth) {
            readoutHeadroom = 0; // measured again below, for this width's wrapping
        }
        readoutHeadroom = Math.max(readoutHeadroom, overlay.readoutSpace(width));
        drawnWidth = width;
        drawnHeight = height;
        drawnVersion = attachedVersion;
        if (range != null) {
            setAxes(range, height);
            panes.setCandleSpacing(candleSpacing(range, width));
        }
        return true;
    }

    private void setAxes(ChartRange range, double plotHeight) {
        double from = range.fromMillis() / 1000.0;
        double to = range.toMillis() / 1000.0;
        panes.timeAxes().forEach(axis -> axis.set(from, to));
        double low = visible.lowest();
        double high = visible.highest();
        if (low <= high) {
            double padding = Math.max((high - low) * PRICE_PADDING, Math.abs(high) * 1e-4);
            panes.priceAxis.quotedTo(model.priceDecimals());
            panes.priceAxis.setKeepingEndLabels(low - padding, high + topPadding(high - low + padding, padding, plotHeight),
                    plotHeight);
        }
        double volume = visible.largestVolume();
        // 0 is the bars' base, the line a trader reads their heights from: labelled, like the price axis' ends.
        panes.volumeAxis.setKeepingEndLabels(0, volume > 0 ? volume * VOLUME_HEADROOM : 1, panes.volume.getCanvas().getHeight());
    }

    /**
     * The padding above the highest candle: enough for the readout to sit above the candles rather
     * than over them, when the plot is tall enough to spare the room (at most half its height).
     *
     * @param spanBelow the value range from the axis' bottom to the highest candle
     */
    private double topPadding(double spanBelow, double padding, double plotHeight) {
        double headroom = Math.min(readoutHeadroom, plotHeight / 2);
        if (headroom <= 0) {
            return padding;
        }
        return Math.max(padding, headroom * spanBelow / (plotHeight - headroom));
    }

    /** Pixels between neighbouring candles: the plot width over the candles in range. */
    private double candleSpacing(ChartRange range, double width) {
        double barsInRange = range.spanMillis() / (double) model.key().timeframe().millis();
        return width * visible.barsPerCandle() / Math.max(1, barsInRange);
    }

    private double plotWidth() {
        double width = panes.price.getCanvas().getWidth();
        return width > 0 ? width : FALLBACK_PLOT_WIDTH;
    }

    /** Places the last-price tag, the crosshair and the readout for the ranges just set. */
    private void refreshOverlay() {
        overlayDirty = false;
        ChartRange range = model.range();
        double from = range == null ? 0 : range.fromMillis() / 1000.0;
        double to = range == null ? 1 : range.toMillis() / 1000.0;
        priceGeometry = geometry(panes.price, from, to, panes.priceAxis.getMin(), panes.priceAxis.getMax());
        volumeGeometry = geometry(panes.volume, from, to, panes.volumeAxis.getMin(), panes.volumeAxis.getMax());
        stochGeometry = geometry(panes.stoch, from, to, panes.stochAxis.getMin(), panes.stochAxis.getMax());
        overlay.showWarmUpHint(model.warmUpHint(), stochGeometry.plot());
        Optional<IndicatorSeriesView> series = model.series();
        if (series.isEmpty() || range == null) {
            overlay.hideLastPrice();
            overlay.hideCrosshair();
            readout.set(null);
            overlay.setReadout("", priceGeometry.plot());
            keepAxisLabelsClearOfTags();
            return;
        }
        IndicatorSeriesView bars = series.get();
        long last = bars.size() - 1;
        int decimals = model.priceDecimals();
        overlay.showLastPrice(ReadoutFormat.price(bars.close(last), decimals), priceGeometry.yOf(bars.close(last)),
                model.lastPriceChange(), priceGeometry.plot());
        OptionalLong slot = placeCrosshair(decimals);
        IndicatorSnapshot shown = slot.isPresent() ? model.readoutAt(slot.getAsLong()).orElse(null)
                : model.latest().orElse(null);
        panes.widenValueAxesFor(Math.max(overlay.lastPriceTagSpan(), overlay.valueTagSpan()));
        readout.set(shown);
        overlay.setReadout(shown != null ? readoutFormat.format(shown, decimals)
                : readoutFormat.noBar(slot.getAsLong(), model.key().timeframe(), model.isAfterLastBar(slot.getAsLong())),
                priceGeometry.plot());
        if (overlay.readoutSpace(plotWidth()) > readoutHeadroom + 0.5) {
            rangeDirty = true; // the readout wrapped to more lines: lower the candles next pulse
        }
        keepAxisLabelsClearOfTags();
    }

    /** Hides the axis labels the overlay's tags now cover, and shows again those they no longer do. */
    private void keepAxisLabelsClearOfTags() {
        PlotGeometry hovered = overlay.isCrosshairVisible() ? hoveredPlot() : null;
        Bounds valueTag = overlay.valueTagBounds();
        tagAlong(panes.priceAxis, Tag.LAST_VALUE, overlay.lastPriceTagBounds(), priceGeometry);
        tagAlong(panes.priceAxis, Tag.CURSOR, hovered == priceGeometry ? valueTag : null, priceGeometry);
        tagAlong(panes.volumeAxis, Tag.CURSOR, hovered == volumeGeometry ? valueTag : null, volumeGeometry);
        tagAlong(panes.stochAxis, Tag.CURSOR, hovered == stochGeometry ? valueTag : null, stochGeometry);
        tagAlong(panes.stochTime, Tag.CURSOR, overlay.timeTagBounds(), stochGeometry);
    }

    /** Tells {@code axis} where {@code tag} lies along it, from the tag's bounds beside {@code plot}. */
    private static void tagAlong(ViewRangedAxis axis, Tag tag, Bounds bounds, PlotGeometry plot) {
        if (bounds == null) {
            axis.clearTag(tag);
        } else if (axis.getSide().isHorizontal()) {
            double left = plot.plot().getMinX();
            axis.tagAt(tag, bounds.getMinX() - left, bounds.getMaxX() - left);
        } else {
            double top = plot.plot().getMinY();
            axis.tagAt(tag, bounds.getMinY() - top, bounds.getMaxY() - top);
        }
    }

    /**
     * The crosshair at the cursor, snapped to the bar place under it ({@link ChartModel#slotAt}), a
     * bar's or an empty one's, a price tagged with the series' {@code priceDecimals}.
     *
     * @return the open time of that place; empty when the cursor is off the plots
     */
    private OptionalLong placeCrosshair(int priceDecimals) {
        PlotGeometry hovered = hoveredPlot();
        if (hovered == null) {
            overlay.hideCrosshair();
            return OptionalLong.empty();
        }
        double visibleSeconds = priceGeometry.toX() - priceGeometry.fromX();
        long pixelMillis = Math.round(visibleSeconds * 1000 / Math.max(1, priceGeometry.plot().getWidth()));
        long slot = model.slotAt(Math.round(priceGeometry.valueAtX(cursorX) * 1000), pixelMillis);
        double x = priceGeometry.xOf(slot / 1000.0);
        Bounds plots = union(priceGeometry.plot(), stochGeometry.plot());
        double value = hovered.valueAtY(cursorY);
        String valueText = hovered == priceGeometry ? ReadoutFormat.price(value, priceDecimals)
                : hovered == volumeGeometry ? ReadoutFormat.quantity(value) : ReadoutFormat.fixed(value, 1);
        String timeText = readoutFormat.shortTime(slot, model.key().timeframe());
        overlay.showCrosshair(x, cursorY, plots, hovered.plot(), timeText, valueText);
        return OptionalLong.of(slot);
    }

    private PlotGeometry hoveredPlot() {
        for (PlotGeometry geometry : new PlotGeometry[] {priceGeometry, volumeGeometry, stochGeometry}) {
            if (geometry != null && geometry.isDefined() && geometry.contains(cursorX, cursorY)) {
                return geometry;
            }
        }
        return null;
    }

    private PlotGeometry geometry(XYChart chart, double from, double to, double bottom, double top) {
        Canvas canvas = chart.getCanvas();
        Bounds plot = canvas.getScene() == null ? PlotGeometry.EMPTY
                : overlay.sceneToLocal(canvas.localToScene(canvas.getLayoutBounds()));
        return new PlotGeometry(plot == null ? PlotGeometry.EMPTY : plot, from, to, bottom, top);
    }

    private static Bounds union(Bounds top, Bounds bottom) {
        double minX = Math.min(top.getMinX(), bottom.getMinX());
        double maxX = Math.max(top.getMaxX(), bottom.getMaxX());
        return new BoundingBox(minX, top.getMinY(), maxX - minX, bottom.getMaxY() - top.getMinY());
    }

    /** Moves the crosshair to {@code (x, y)} in the chart's coordinates (NaN hides it); the mouse calls this. */
    void cursorAt(double x, double y) {
        cursorX = x;
        cursorY = y;
        overlayDirty = true;
    }

    private void levelOfDetailChanged() {
        rangeDirty = true;
        panes.stoch.invalidate(); // its lines switch between polylines and envelopes
    }

    private void applyZone(ZoneId newZone) {
        readoutFormat = new ReadoutFormat(newZone, model.tradingDayZone());
        panes.timeAxes().forEach(axis -> axis.setZone(newZone));
        overlayDirty = true;
    }

    private void afterLayout() {
        if (frameStart != 0) {
            long end = System.nanoTime();
            frameTimes.record(end, end - frameStart);
            frameStart = 0;
        }
        if (moved(priceGeometry, panes.price) || moved(volumeGeometry, panes.volume)
                || moved(stochGeometry, panes.stoch)) {
            overlayDirty = true; // laid out anew (resized): place the overlay again next pulse
        }
    }

    private boolean moved(PlotGeometry placed, XYChart chart) {
        return placed == null || !placed.plot().equals(geometry(chart, 0, 1, 0, 1).plot());
    }

    private void runWhileShowing(boolean isShowing) {
        if (isShowing) {
            rangeDirty = true;
            timer.start();
        } else {
            timer.stop();
        }
    }

    private void moveLayoutListener(Scene previous, Scene current) {
        if (previous != null) {
            previous.removePostLayoutPulseListener(afterLayout);
        }
        if (current != null) {
            current.addPostLayoutPulseListener(afterLayout);
        }
    }
}
