package dev.tradedesk.ui.perf;

import dev.tradedesk.ui.chart.ChartAxes;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.fastutil.DoubleArrayList;
import io.fair_acc.chartfx.ui.geometry.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * One small live chart of the performance panel: a title row, a ChartFX plot of the last minutes
 * (x in minutes from -{@link #MINUTES} to 0, "now") and a legend, placed in a grid's column
 * ({@link #placeIn}). Every axis is ranged by the view ({@link #showUpTo}, or {@link #setRange} on a
 * log scale), so no renderer scans data to range an axis, and none loops on empty datasets
 * (ChartFX 11.3.1, chartfx.md pitfall 6). Value axes are labelled with plain numbers, their top
 * included ({@link RoundedValueAxis}). Switch markers are drawn on every chart, over its lines
 * (their renderer stays the last).
 *
 * <p>Scene-graph nodes: build and use on the JavaFX thread.
 */
final class SmallChart {

    static final double MINUTES = PerformanceViewModel.HISTORY_SECONDS / 60.0;
    static final String STYLE_CLASS = "perf-chart";
    private static final String NOW = "now";

    private final PerformanceViewModel model;
    private final XYChart chart;
    private final DefaultNumericAxis valueAxis;
    private final ErrorDataSetRenderer lines = new ManuallyRangedRenderer();
    private final List<MetricDataSet> metrics = new ArrayList<>();
    private final List<SwitchMarkerDataSet> markers = new ArrayList<>();
    private final HBox header;
    private final Label titleLabel;
    private final FlowPane legend = new FlowPane();

    /** A chart whose value axis runs from 0 to a round top ({@link #showUpTo}). */
    SmallChart(String id, String title, PerformanceViewModel model) {
        this(id, title, model, new RoundedValueAxis(title));
    }

    private SmallChart(String id, String title, PerformanceViewModel model, DefaultNumericAxis valueAxis) {
        this.model = model;
        DefaultNumericAxis timeAxis = new TimeAxis();
        this.valueAxis = valueAxis;
        chart = new XYChart(timeAxis, valueAxis);
        chart.setId(id);
        chart.getStyleClass().add(STYLE_CLASS);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.getGridRenderer().setDrawOnTop(false);
        chart.setMinSize(0, 0);
        styleLines(lines);
        chart.getRenderers().setAll(lines, markerRenderer());

        titleLabel = new Label(title);
        titleLabel.getStyleClass().add("perf-chart-title");
        // In a narrow panel a title wraps, and its lines and the legend's keep their room: the plot gives way.
        titleLabel.setWrapText(true);
        titleLabel.setMinHeight(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header = new HBox(titleLabel, spacer);
        header.getStyleClass().add("perf-chart-header");
        header.setMinHeight(Region.USE_PREF_SIZE);
        legend.getStyleClass().add("perf-legend");
        legend.setMinHeight(Region.USE_PREF_SIZE);
    }

    /**
     * Puts the title row, the plot and the legend in {@code column} of three rows of {@code grid}
     * from {@code row} on: the charts side by side share their rows, so their plots line up whether
     * or not one's title or legend wraps to more lines than the other's.
     */
    void placeIn(GridPane grid, int column, int row) {
        grid.add(header, column, row);
        grid.add(chart, column, row + 1);
        grid.add(legend, column, row + 2);
    }

    XYChart chart() {
        return chart;
    }

    DefaultNumericAxis valueAxis() {
        return valueAxis;
    }

    /** Shows {@code title} above the plot; its value axis keeps the name it was made with. */
    void setTitle(String title) {
        if (!title.equals(titleLabel.getText())) {
            titleLabel.setText(title);
        }
    }

    Label title() {
        return titleLabel;
    }

    /** Puts {@code control} at the right end of the title row. */
    void addToHeader(Node control) {
        header.getChildren().add(control);
    }

    /**
     * A chart whose value axis is logarithmic, labelled at whole decades ("0.01", "0.1", "1", "10",
     * "100", "1,000") and ranged by {@link #setRange}.
     */
    static SmallChart logScale(String id, String title, PerformanceViewModel model) {
        return new SmallChart(id, title, model, logAxis(title));
    }

    /** A value axis in decades, for {@link #lineOnRightAxis}; ranged with {@code set(min, max)}. */
    static DefaultNumericAxis logAxis(String name) {
        DefaultNumericAxis axis = axis(name, "");
        axis.setLogAxis(true);
        axis.setLogarithmBase(10);
        axis.setTickLabelFormatter(ChartAxes.formattedBy(decade -> PerformanceFormat.tick(decade, decade)));
        return axis;
    }

    /** Adds {@code metric} as a line in the colour of CSS class {@code series}, with a legend entry. */
    MetricDataSet line(PerformanceMetric metric, String name, String series, double floor) {
        MetricDataSet dataSet = dataSet(metric, name, series, floor);
        lines.getDatasets().add(dataSet);
        return dataSet;
    }

    /** Adds {@code metric} as thin bars from zero, e.g. GC pauses, which come in spikes. */
    MetricDataSet bars(PerformanceMetric metric, String name, String series) {
        ErrorDataSetRenderer renderer = new ManuallyRangedRenderer();
        styleLines(renderer);
        renderer.setPolyLineStyle(LineStyle.NONE);
        renderer.setDrawBars(true);
        renderer.setDynamicBarWidth(false);
        renderer.setBarWidth(2);
        MetricDataSet dataSet = dataSet(metric, name, series, 0);
        renderer.getDatasets().add(dataSet);
        chart.getRenderers().add(0, renderer);
        return dataSet;
    }

    /**
     * Adds {@code metric} as a line against {@code rightAxis}, a second value axis on the right,
     * ranged by the view; values under {@code floor} are drawn at it.
     */
    MetricDataSet lineOnRightAxis(PerformanceMetric metric, String name, String series, DefaultNumericAxis rightAxis,
            double floor) {
        rightAxis.setSide(Side.RIGHT);
        ErrorDataSetRenderer renderer = new ManuallyRangedRenderer();
        styleLines(renderer);
        renderer.getAxes().add(rightAxis);
        MetricDataSet dataSet = dataSet(metric, name, series, floor);
        renderer.getDatasets().add(dataSet);
        chart.getRenderers().add(chart.getRenderers().size() - 1, renderer); // under the switch marks' labels
        return dataSet;
    }

    /** Ranges the value axis from 0 up to a labelled round number at or above {@code value}. */
    void showUpTo(double value) {
        if (!(valueAxis instanceof RoundedValueAxis rounded)) {
            throw new IllegalStateException("a log-scale chart is ranged by setRange");
        }
        rounded.showUpTo(value);
    }

    /** Ranges {@code axis} from {@code min} to {@code max}; the same range again invalidates nothing. */
    static void setRange(DefaultNumericAxis axis, double min, double max) {
        if (axis.getMin() != min || axis.getMax() != max) {
            axis.set(min, max);
        }
    }

    /** Re-reads every dataset after the history or a switch changed; ChartFX redraws at the next pulse. */
    void refresh() {
        metrics.forEach(MetricDataSet::refresh);
        markers.forEach(SwitchMarkerDataSet::refresh);
    }

    List<MetricDataSet> metrics() {
        return metrics;
    }

    private MetricDataSet dataSet(PerformanceMetric metric, String name, String series, double floor) {
        MetricDataSet dataSet = new MetricDataSet(name, model, metric, floor);
        dataSet.addStyleClasses(series);
        metrics.add(dataSet);
        Region swatch = new Region();
        swatch.getStyleClass().addAll("perf-legend-swatch", series);
        Label entry = new Label(name, swatch);
        entry.getStyleClass().add("perf-legend-entry");
        legend.getChildren().add(entry);
        return dataSet;
    }

    private SwitchMarkerRenderer markerRenderer() {
        SwitchMarkerRenderer renderer = new SwitchMarkerRenderer();
        int row = 0;
        for (PerformanceSwitch optimisation : PerformanceSwitch.values()) {
            SwitchMarkerDataSet dataSet = new SwitchMarkerDataSet(model, optimisation, row++);
            dataSet.addStyleClasses("switch-marker", markStyleClass(optimisation));
            markers.add(dataSet);
            renderer.getDatasets().add(dataSet);
        }
        return renderer;
    }

    /** The CSS class that colours {@code optimisation}'s marks, and their key beside the switch. */
    static String markStyleClass(PerformanceSwitch optimisation) {
        return "switch-" + optimisation.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void styleLines(ErrorDataSetRenderer renderer) {
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        renderer.setDrawMarker(false);
        renderer.setAllowNaNs(true);
        renderer.setPointReduction(false); // at most HISTORY_SECONDS points
    }

    private static DefaultNumericAxis axis(String name, String unit) {
        return ChartAxes.viewRanged(new DefaultNumericAxis(name, unit));
    }

    /** "-4m" ... "now". */
    private static String minutesLabel(double minutes) {
        long rounded = Math.round(minutes);
        return rounded == 0 ? NOW : rounded + "m";
    }

    /**
     * The time axis, in minutes from -{@link #MINUTES} to a little past 0, "now". At each layout it
     * leaves room right of now for half its label and a gap, in pixels, and labels every 1, 2 or 5
     * minutes back from now, the first step whose labels do not overlap. ChartFX draws tick labels
     * on the axis' canvas, which ends 2 px past the plot: a fixed quarter of a minute of room was
     * 16 px in the default window but 4 px in the narrowest, where "now" was cut to "nov" or hidden,
     * and where ChartFX thinned overlapping labels to every other one from the left edge, now went.
     */
    private static final class TimeAxis extends DefaultNumericAxis {
        private static final double[] STEP_MINUTES = {1, 2, 5};
        private static final String WIDEST_LABEL = "-4m";
        /** Before the first layout: any margin will do until the axis has a length. */
        private static final double UNLAID_MARGIN_MINUTES = 0.25;

        private Font measuredFont;
        private double nowHalfWidth;
        private double labelWidth;
        private double step = 1;

        TimeAxis() {
            super("time", "min");
            ChartAxes.viewRanged(this);
            setTickLabelFormatter(ChartAxes.formattedBy(SmallChart::minutesLabel));
            fit(getLength());
        }

        @Override
        protected void updateAxisRange(double length) {
            fit(length); // the same length sets the same range: no invalidation
            super.updateAxisRange(length);
        }

        @Override
        public double computePreferredTickUnit(double length) {
            return step;
        }

        /** Whole steps back from now; none at the left edge, where a label would be cut in half. */
        @Override
        protected void calculateMajorTickValues(AxisRange range, DoubleArrayList ticks) {
            for (int back = (int) Math.floor(MINUTES / step); back >= 0; back--) {
                double minutes = -back * step;
                if (minutes > -MINUTES) {
                    ticks.add(minutes);
                }
            }
        }

        private void fit(double length) {
            measure();
            double room = nowHalfWidth + getTickLabelSpacing();
            double margin = length > 2 * room ? MINUTES * room / (length - room) : UNLAID_MARGIN_MINUTES;
            double pixelsPerMinute = length / (MINUTES + margin);
            step = STEP_MINUTES[STEP_MINUTES.length - 1];
            for (double candidate : STEP_MINUTES) {
                if (candidate * pixelsPerMinute >= labelWidth + getTickLabelSpacing()) {
                    step = candidate;
                    break;
                }
            }
            set(-MINUTES, margin);
        }

        /** The labels' widths in the tick label font; measured again only when the font changes. */
        private void measure() {
            Font font = getTickLabelFont();
            if (!font.equals(measuredFont)) {
                nowHalfWidth = width(NOW, font) / 2;
                labelWidth = Math.max(width(NOW, font), width(WIDEST_LABEL, font));
                measuredFont = font;
            }
        }

        private static double width(String label, Font font) {
            Text text = new Text(label);
            text.setFont(font);
            return text.getLayoutBounds().getWidth();
        }
    }

    /** Lines and bars whose axes are ranged by the view (which also avoids pitfall 6's loop). */
    private static final class ManuallyRangedRenderer extends ErrorDataSetRenderer {
        @Override
        public void updateAxisRange(Axis axis, AxisRange range) {
            // ranged by the view
        }
    }
}
