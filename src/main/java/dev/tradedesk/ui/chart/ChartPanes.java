package dev.tradedesk.ui.chart;

import dev.tradedesk.core.Indicator;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AbstractAxis;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.financial.CandleStickRenderer;
import io.fair_acc.chartfx.renderer.spi.financial.FinancialDataSetNode;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.AbstractDataSet;
import io.fair_acc.dataset.spi.financial.OhlcvDataSet;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.paint.Paint;

/**
 * The chart's three ChartFX panes over one time range, stacked in a grid: price (candles), volume
 * (bars coloured by direction) and StochRSI (%K and %D lines, {@link IndicatorLineRenderer}, over
 * the dynamic band drawn as a filled area, {@link BandRenderer}). Every axis is ranged from outside
 * (the view sets them from the model once per pulse), so the panes' time ranges are equal by
 * construction and no renderer scans data to range an axis. Only the bottom pane shows time
 * labels; the others draw the same ticks as grid lines.
 *
 * <p>Scene-graph nodes: build and use on the JavaFX thread.
 */
final class ChartPanes {

    static final String PRICE_PANE = "price-pane";
    static final String VOLUME_PANE = "volume-pane";
    static final String STOCH_PANE = "stoch-pane";
    static final String INNER_TIME_AXIS = "inner-time-axis";

    /** Share of the candle spacing a volume bar covers (the candles' CSS -fx-bar-width-percent matches). */
    static final double BAR_WIDTH_SHARE = 0.7;

    /** The value axes' width unless a tag beside them needs more: a stock's "126.50", "12.3K", "100". */
    static final double VALUE_AXIS_WIDTH = 72;

    static final double PRICE_SHARE = 60;
    static final double VOLUME_SHARE = 15;
    static final double STOCH_SHARE = 25;

    final XYChart price;
    final XYChart volume;
    final XYChart stoch;
    final ZonedTimeAxis priceTime;
    final ZonedTimeAxis volumeTime;
    final ZonedTimeAxis stochTime;
    final PriceAxis priceAxis;
    final ViewRangedAxis volumeAxis;
    final ViewRangedAxis stochAxis;
    final CandleDataSet candles;
    final VolumeDataSet upVolume;
    final VolumeDataSet downVolume;
    final IndicatorDataSet stochK;
    final IndicatorDataSet stochD;
    final IndicatorDataSet band;
    final GridPane grid;
    private final ErrorDataSetRenderer volumeBars;
    private final CandleRenderer candleRenderer;

    ChartPanes(VisibleCandles visible, VisibleEnvelopes envelopes, ZoneId zone, Locale locale) {
        candles = styled(new CandleDataSet("price", visible), "price-candles");
        upVolume = styled(new VolumeDataSet("volume up", visible, true), "volume-up");
        downVolume = styled(new VolumeDataSet("volume down", visible, false), "volume-down");
        stochK = styled(IndicatorDataSet.line("%K", Indicator.STOCH_K, 0, 100), "stoch-k");
        stochD = styled(IndicatorDataSet.line("%D", Indicator.STOCH_D, 0, 100), "stoch-d");
        band = styled(IndicatorDataSet.band("band", Indicator.BAND_LOWER, Indicator.BAND_UPPER, 0, 100), "stoch-band");

        priceTime = innerTimeAxis(zone, locale);
        volumeTime = innerTimeAxis(zone, locale);
        stochTime = new ZonedTimeAxis(zone, locale);
        priceAxis = valueAxis(new PriceAxis());
        volumeAxis = valueAxis(new VolumeAxis());
        stochAxis = valueAxis(new StochRsiAxis());

        candleRenderer = new CandleRenderer(candles);
        price = chart(PRICE_PANE, priceTime, priceAxis, candleRenderer);
        volumeBars = volumeRenderer();
        volume = chart(VOLUME_PANE, volumeTime, volumeAxis, volumeBars);
        stoch = chart(STOCH_PANE, stochTime, stochAxis, bandRenderer(envelopes), lineRenderer(envelopes));

        grid = new GridPane();
        grid.getStyleClass().add("chart-panes");
        grid.getColumnConstraints().add(growing());
        grid.getRowConstraints().addAll(row(PRICE_SHARE), row(VOLUME_SHARE), row(STOCH_SHARE));
        grid.addColumn(0, price, volume, stoch);
    }

    List<XYChart> charts() {
        return List.of(price, volume, stoch);
    }

    List<ZonedTimeAxis> timeAxes() {
        return List.of(priceTime, volumeTime, stochTime);
    }

    private static <D extends AbstractDataSet<D>> D styled(D dataSet, String styleClass) {
        dataSet.addStyleClasses(styleClass);
        return dataSet;
    }

    private static ZonedTimeAxis innerTimeAxis(ZoneId zone, Locale locale) {
        ZonedTimeAxis axis = new ZonedTimeAxis(zone, locale);
        axis.getTickLabelStyle().setVisible(false);
        axis.getStyleClass().add(INNER_TIME_AXIS);
        return axis;
    }

    private static <A extends ViewRangedAxis> A valueAxis(A axis) {
        axis.getStyleClass().add("value-axis");
        setWidth(axis, VALUE_AXIS_WIDTH);
        return axis;
    }

    /**
     * Widens the value axes to {@code tagWidth} when a tag beside a plot (the last price, the
     * crosshair's value) is wider than they are: in 72 pixels "2467066.50" and "0.00001402" were cut
     * off by the window's edge. All three alike, so the plots stacked above each other stay aligned.
     * Never narrows them: a price moving to and fro across a length ("9999.50", "10000.25"), at each
     * tick or under the moving mouse, would make the plots jump.
     */
    void widenValueAxesFor(double tagWidth) {
        double width = Math.ceil(tagWidth);
        if (width > priceAxis.getPrefWidth()) {
            for (ViewRangedAxis axis : List.of(priceAxis, volumeAxis, stochAxis)) {
                setWidth(axis, width);
            }
        }
    }

    /** Fixed in code, not CSS: a stylesheet's width would override the widening. */
    private static void setWidth(ViewRangedAxis axis, double width) {
        axis.setMinWidth(width);
        axis.setPrefWidth(width);
        axis.setMaxWidth(width);
    }

    private static XYChart chart(String styleClass, Axis timeAxis, Axis valueAxis, Renderer... renderers) {
        XYChart chart = new XYChart(timeAxis, valueAxis);
        valueAxis.setSide(Side.RIGHT); // after construction: XYChart puts a second axis on the left
        chart.getStyleClass().add(styleClass);
        chart.getRenderers().setAll(renderers);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.getGridRenderer().setDrawOnTop(false);
        // ChartFX's two panes in each chart are controls, each a stop of Tab that showed nothing
        // and held the keyboard: six stops between the watchlist and the banner's buttons. The
        // chart takes the keyboard as one, the area around it.
        chart.getPlotArea().setFocusTraversable(false);
        chart.getMenuPane().setFocusTraversable(false);
        // ChartFX caches its chart's and axes' canvases as bitmaps. JavaFX takes such a bitmap from
        // its effect image pool and gives it back only when caching is turned off on a node still on
        // screen: each chart thrown away at a symbol or timeframe switch left its nine checked out,
        // 3.4 MB a switch, which only a full GC cleared (soft references), so a session of switching
        // ran the 1 GB heap into full GCs of seconds. The software pipeline draws a canvas's commands
        // either way; the cache's own gain measured nothing (PERFORMANCE.md, thirteenth session).
        chart.getCanvas().setCache(false);
        for (Axis axis : List.of(timeAxis, valueAxis)) {
            if (axis instanceof AbstractAxis drawn) {
                drawn.getCanvas().setCache(false);
            }
        }
        return chart;
    }

    private ErrorDataSetRenderer volumeRenderer() {
        ErrorDataSetRenderer renderer = new ManuallyRangedRenderer();
        renderer.setDrawBars(true);
        // Set per frame (setVolumeBarWidth): 11.3.1's dynamic width is broken without error bars
        // (fair-acc/chart-fx#695, fixed after the release).
        renderer.setDynamicBarWidth(false);
        renderer.setShiftBar(false);
        renderer.setPolyLineStyle(LineStyle.NONE);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setPointReduction(false); // already one bar per candle, at most one per 2 pixels
        renderer.getDatasets().addAll(upVolume, downVolume);
        return renderer;
    }

    /**
     * Sets the candles' body width and the volume bars' width ({@link #BAR_WIDTH_SHARE} of the
     * candle spacing, at least one pixel) for the range just set.
     */
    void setCandleSpacing(double candleSpacingPixels) {
        candleRenderer.setCandleSpacing(candleSpacingPixels);
        int width = Math.max(1, (int) Math.floor(candleSpacingPixels * BAR_WIDTH_SHARE));
        if (volumeBars.getBarWidth() != width) {
            volumeBars.setBarWidth(width);
        }
    }

    private BandRenderer bandRenderer(VisibleEnvelopes envelopes) {
        BandRenderer renderer = new BandRenderer(envelopes);
        renderer.getDatasets().add(band);
        return renderer;
    }

    private IndicatorLineRenderer lineRenderer(VisibleEnvelopes envelopes) {
        IndicatorLineRenderer renderer = new IndicatorLineRenderer(envelopes);
        renderer.getDatasets().addAll(stochK, stochD);
        return renderer;
    }

    private static ColumnConstraints growing() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setFillWidth(true);
        return column;
    }

    private static RowConstraints row(double percent) {
        RowConstraints row = new RowConstraints();
        row.setPercentHeight(percent);
        row.setVgrow(Priority.ALWAYS);
        row.setFillHeight(true);
        return row;
    }

    /**
     * ChartFX's candles, in its CSS colours and body width, drawn with axis-aligned fills only.
     * ChartFX strokes each wick and each body's outline as a path, and in software rendering every
     * stroked path is one run of the rasterizer: at a few hundred candles a frame, that was most of
     * the price pane's painting. Here a wick is a one-pixel-wide fill (under the body) and a body
     * one fill as wide as ChartFX's body and outline together, which the renderer paints directly.
     * Its axes are ranged by the view: no y refit after painting (which uses only the open,
     * chartfx.md pitfall 7) and no data scan for auto-ranging.
     */
    private static final class CandleRenderer extends CandleStickRenderer {
        private double spacing = 1;

        CandleRenderer(CandleDataSet candles) {
            super(false);
            setComputeLocalRange(false);
            getDatasets().add(candles);
        }

        /** Pixels between neighbouring candles, for the body width; set with the range. */
        void setCandleSpacing(double pixels) {
            spacing = pixels;
        }

        @Override
        protected void render(GraphicsContext gc, DataSet candles, DataSetNode style) {
            if (candles.getDataCount() == 0 || !(style instanceof FinancialDataSetNode colours)) {
                return;
            }
            int first = Math.max(0, candles.getIndex(DataSet.DIM_X, xMin) - 1);
            int last = Math.min(candles.getDataCount() - 1, candles.getIndex(DataSet.DIM_X, xMax) + 1);
            // ChartFX: a body of spacing x bar-width share, outlined by a one-pixel stroke.
            double bodyWidth = Math.max(1, Math.round(spacing * colours.getBarWidthPercent()) + 1);
            gc.save();
            for (boolean rising : new boolean[] {true, false}) {
                fill(gc, candles, first, last, rising, true, bodyWidth,
                        rising ? colours.getCandleLongWickColor() : colours.getCandleShortWickColor());
                fill(gc, candles, first, last, rising, false, bodyWidth,
                        rising ? colours.getCandleLongColor() : colours.getCandleShortColor());
            }
            gc.restore();
        }

        /** The wicks (high to low, one pixel wide) or the bodies (open to close) of the rising or the falling candles. */
        private void fill(GraphicsContext gc, DataSet candles, int first, int last, boolean rising, boolean wicks,
                double bodyWidth, Paint colour) {
            gc.setFill(colour);
            for (int i = first; i <= last; i++) {
                if (rises(candles, i) != rising) {
                    continue;
                }
                double x = Math.floor(xAxis.getDisplayPosition(candles.get(DataSet.DIM_X, i)));
                if (wicks) {
                    double top = yAxis.getDisplayPosition(candles.get(OhlcvDataSet.DIM_Y_HIGH, i));
                    double bottom = yAxis.getDisplayPosition(candles.get(OhlcvDataSet.DIM_Y_LOW, i));
                    gc.fillRect(x, top, 1, Math.max(1, bottom - top));
                } else {
                    double open = yAxis.getDisplayPosition(candles.get(OhlcvDataSet.DIM_Y_OPEN, i));
                    double close = yAxis.getDisplayPosition(candles.get(OhlcvDataSet.DIM_Y_CLOSE, i));
                    gc.fillRect(x - Math.floor(bodyWidth / 2), Math.min(open, close) - 0.5, bodyWidth,
                            Math.max(1, Math.abs(open - close) + 1));
                }
            }
        }

        /**
         * The volume bars' rule ({@link VisibleCandles#rises}), not ChartFX's (a doji falls): with
         * ChartFX's, a doji's body was red over a green volume bar.
         */
        private static boolean rises(DataSet candles, int i) {
            return VisibleCandles.rises(candles.get(OhlcvDataSet.DIM_Y_OPEN, i), candles.get(OhlcvDataSet.DIM_Y_CLOSE, i));
        }

        @Override
        public void updateAxisRange(Axis axis, AxisRange range) {
            // ranged by the view
        }
    }

    /**
     * Volume bars whose axes are ranged by the view. Skipping the range computation also avoids
     * ChartFX 11.3.1's endless redraw with empty datasets (chartfx.md pitfall 6).
     */
    private static final class ManuallyRangedRenderer extends ErrorDataSetRenderer {
        @Override
        public void updateAxisRange(Axis axis, AxisRange range) {
            // ranged by the view
        }
    }
}
