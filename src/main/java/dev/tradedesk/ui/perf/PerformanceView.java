package dev.tradedesk.ui.perf;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.tradedesk.feed.PipelineStage;
import dev.tradedesk.ui.PopupStyle;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The performance panel: the two optimisation switches, six small live charts of the last
 * {@value PerformanceViewModel#HISTORY_SECONDS} seconds (stage latency p50 or p99 on a log scale,
 * frame rate with frame time p99, tick-to-screen p99, read-cache hit rate, GC pauses, heap used
 * against committed, the max named in its title), each marking when a switch changed, and a table of the latest values. A thin view
 * over {@link PerformanceViewModel}.
 *
 * <p>Updates: the view redraws when the model's latest sample changes (once per second) or a switch
 * or the charted percentile changes, and only then: it runs nothing per frame, and ChartFX draws a
 * chart only in the pulse after it was invalidated.
 *
 * <p>Usage: {@code new PerformanceView(model).window(owner).show()}, or place {@link #node()}
 * anywhere (once). Build and use on the JavaFX thread.
 */
public final class PerformanceView {

    public static final String TITLE = "Performance";
    private static final List<KeyCombination> CLOSE_KEYS = List.of(new KeyCodeCombination(KeyCode.ESCAPE),
            new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN));
    static final String STYLESHEET = "performance.css";
    /** Latencies below this many ms are drawn at it: a log axis has no zero. */
    static final double LATENCY_FLOOR_MS = 0.001;
    static final String TICK_TO_SCREEN_TITLE = "Tick to screen p99, ms (log scale)";
    static final String FRAMES_TITLE = "Frames per second (left), time p99 ms, log (right)";
    /** The heap chart's scale reaches this many MB at least, so a small heap's first seconds do not fill it. */
    private static final double HEAP_FLOOR_MB = 256;

    /** The panel window's size when it first opens. */
    public static final double DEFAULT_WIDTH = 1180;
    public static final double DEFAULT_HEIGHT = 800;
    /**
     * The narrowest column of charts: a plot about 300 px wide for five minutes, where a switch's
     * label ("cache off", about 45 px) fits between marks half a minute apart. In two columns at the
     * window's minimum width, 720 px, each plot had 170 x 60 px and switch labels were often left out.
     */
    static final double MIN_COLUMN_WIDTH = 340;

    private final PerformanceViewModel model;
    private final SmallChart latency;
    private final SmallChart frames;
    private final DefaultNumericAxis frameTimeAxis = SmallChart.logAxis("frame time p99");
    private final MetricDataSet frameTime;
    private final SmallChart tickToScreen;
    private final SmallChart readCache;
    private final SmallChart gc;
    private final SmallChart heap;
    private final PerformanceTable table = new PerformanceTable();
    private final BorderPane root = new BorderPane();
    private final GridPane chartGrid = new GridPane();
    private int chartColumns;
    private Stage stage;

    public PerformanceView(PerformanceViewModel model) {
        this.model = Objects.requireNonNull(model);
        latency = latencyChart();
        frames = new SmallChart("framesChart", FRAMES_TITLE, model);
        frames.line(PerformanceMetric.FRAMES_PER_SECOND, "frames/s", "series-fps", 0);
        // Frame time and tick to screen on a log scale like the stages': a start-up frame or tick of
        // seconds, kept in view for five minutes, pressed every later 10-30 ms flat against zero on a linear one.
        frameTime = frames.lineOnRightAxis(PerformanceMetric.FRAME_TIME_P99, "frame time p99", "series-frame-time", frameTimeAxis,
                LATENCY_FLOOR_MS);
        tickToScreen = SmallChart.logScale("tickToScreenChart", TICK_TO_SCREEN_TITLE, model);
        tickToScreen.line(PerformanceMetric.TICK_TO_SCREEN_P99, "tick to screen p99", "series-tick-to-screen",
                LATENCY_FLOOR_MS);
        readCache = new SmallChart("readCacheChart", "Read-cache hit rate over the last minute, %", model);
        readCache.line(PerformanceMetric.CACHE_HIT_PERCENT, "hits", "series-cache", 0);
        gc = new SmallChart("gcChart", "GC pauses per second, ms", model);
        gc.bars(PerformanceMetric.GC_PAUSE, "pause", "series-gc");
        // Against a maximum of several GB the used heap, a few hundred MB, hugged 0: the scale reaches
        // the committed heap, which the used heap fills and a collection empties, and the title names the maximum.
        heap = new SmallChart("heapChart", PerformanceFormat.HEAP_CHART, model);
        heap.line(PerformanceMetric.HEAP_COMMITTED, "committed", "series-heap-committed", 0);
        heap.line(PerformanceMetric.HEAP_USED, "used", "series-heap-used", 0);

        root.setId("performanceView");
        root.getStyleClass().add("performance-view");
        root.getStylesheets().add(
                Objects.requireNonNull(PerformanceView.class.getResource(STYLESHEET)).toExternalForm());
        root.setTop(switchBar());
        root.setCenter(chartGrid());
        root.setRight(tablePane());

        model.latestProperty().addListener((property, before, sample) -> update());
        model.chartedPercentileProperty().addListener((property, before, percentile) -> showPercentile(percentile));
        for (PerformanceSwitch optimisation : PerformanceSwitch.values()) {
            model.switchProperty(optimisation).addListener((property, before, on) -> update());
        }
        showPercentile(model.chartedPercentileProperty().get());
    }

    public Parent node() {
        return root;
    }

    /**
     * The panel's own window: made on the first call, owned by {@code owner} (may be null), and
     * the same window on every later call. Not shown: call {@code show()}, or {@code toFront()} when
     * it already is. Closing it only hides it; the model keeps its history meanwhile.
     */
    public Stage window(Window owner) {
        if (stage == null) {
            stage = new Stage();
            if (owner != null) {
                stage.initOwner(owner);
            }
            stage.setTitle(TITLE);
            stage.setScene(new Scene(root, DEFAULT_WIDTH, DEFAULT_HEIGHT));
            PopupStyle.fitToDisplay(stage.getScene());
            stage.setMinWidth(720);
            stage.setMinHeight(520);
            // A panel without a window manager's close button (or a user without a mouse) still closes;
            // Shortcut+P, which opens it from the main window, closes it from here.
            stage.getScene().addEventHandler(KeyEvent.KEY_PRESSED, key -> {
                if (CLOSE_KEYS.stream().anyMatch(combination -> combination.match(key))) {
                    key.consume();
                    stage.hide();
                }
            });
        }
        return stage;
    }

    List<SmallChart> charts() {
        return List.of(latency, frames, tickToScreen, readCache, gc, heap);
    }

    private SmallChart latencyChart() {
        SmallChart chart = SmallChart.logScale("latencyChart", "Stage latency, ms (log scale)", model);
        for (PipelineStage stage : PerformanceViewModel.CHARTED_STAGES) {
            chart.line(PerformanceMetric.latency(stage, PerformanceMetric.Percentile.P99), stage.key(),
                    "series-" + stage.key().replace('_', '-'), LATENCY_FLOOR_MS);
        }
        chart.addToHeader(percentileToggle());
        return chart;
    }

    private HBox percentileToggle() {
        ToggleGroup group = new ToggleGroup();
        HBox toggle = new HBox();
        toggle.getStyleClass().add("percentile-toggle");
        for (PerformanceMetric.Percentile percentile : PerformanceMetric.Percentile.values()) {
            ToggleButton button = new ToggleButton(percentile.name().toLowerCase(Locale.ROOT));
            button.setId("percentile" + percentile.name());
            button.getStyleClass().addAll(Styles.SMALL, percentile.ordinal() == 0 ? Styles.LEFT_PILL : Styles.RIGHT_PILL);
            button.setMinWidth(Region.USE_PREF_SIZE); // the title gives way in a narrow panel; squeezed, both read "..."
            button.setUserData(percentile);
            button.setToggleGroup(group);
            button.setSelected(model.chartedPercentileProperty().get() == percentile);
            toggle.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((property, before, selected) -> {
            if (selected == null) {
                group.selectToggle(before); // one percentile is always shown
            } else {
                model.chartedPercentileProperty().set((PerformanceMetric.Percentile) selected.getUserData());
            }
        });
        return toggle;
    }

    private HBox switchBar() {
        HBox bar = new HBox();
        bar.getStyleClass().add("perf-switches");
        for (PerformanceSwitch optimisation : PerformanceSwitch.values()) {
            ToggleSwitch toggle = new ToggleSwitch(optimisation.title());
            toggle.setId("switch" + optimisation.name());
            toggle.setMinWidth(Region.USE_PREF_SIZE); // the note wraps first: cut short, both read "Read cac..."
            toggle.selectedProperty().bindBidirectional(model.switchProperty(optimisation));
            HBox keyed = new HBox(markKey(optimisation), toggle);
            keyed.getStyleClass().add("perf-switch");
            bar.getChildren().add(keyed);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label note = new Label("Last " + PerformanceViewModel.HISTORY_SECONDS / 60
                + " minutes, one sample a second. Dashed lines mark switch changes.");
        note.getStyleClass().add("perf-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        bar.getChildren().addAll(spacer, note);
        return bar;
    }

    /**
     * A dashed line in the colour of the switch's marks, beside its name: where the charts have no
     * room for a mark's label (marks seconds apart, or by another switch's), its colour still says
     * which switch it is.
     */
    private static Region markKey(PerformanceSwitch optimisation) {
        Region key = new Region();
        key.setId("markKey" + optimisation.name());
        key.getStyleClass().addAll("perf-mark-key", SmallChart.markStyleClass(optimisation));
        return key;
    }

    /**
     * The charts in two columns, or one where two would leave a column narrower than
     * {@link #MIN_COLUMN_WIDTH}; three rows each (title, plot, legend): titles and legends get the
     * lines they wrap to, the plots share what is left, down to their CSS minimum height. Where
     * that does not fit, the charts scroll rather than squeeze their plots or lose their legends
     * off the bottom.
     */
    private ScrollPane chartGrid() {
        chartGrid.getStyleClass().add("perf-chart-grid");
        ScrollPane scroll = verticalScroll(chartGrid, "perf-chart-scroll", true);
        // The pane's own width, not its viewport's: a scroll bar coming with one column must not bring two back.
        scroll.widthProperty().addListener((property, before, width) -> arrangeCharts(width.doubleValue()));
        arrangeCharts(Double.POSITIVE_INFINITY); // two columns until the pane has a width
        return scroll;
    }

    /** Places the charts in as many columns (two or one) as {@code width} has room for. */
    private void arrangeCharts(double width) {
        Insets padding = chartGrid.getInsets();
        double twoColumnsWidth = 2 * MIN_COLUMN_WIDTH + chartGrid.getHgap() + padding.getLeft() + padding.getRight();
        int columns = width >= twoColumnsWidth ? 2 : 1;
        if (columns == chartColumns) {
            return;
        }
        chartColumns = columns;
        chartGrid.getChildren().clear();
        chartGrid.getColumnConstraints().clear();
        chartGrid.getRowConstraints().clear();
        for (int column = 0; column < columns; column++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setPercentWidth(100.0 / columns);
            constraints.setHgrow(Priority.ALWAYS);
            chartGrid.getColumnConstraints().add(constraints);
        }
        List<SmallChart> charts = charts();
        for (int chartRow = 0; chartRow < (charts.size() + columns - 1) / columns; chartRow++) {
            RowConstraints title = new RowConstraints();
            title.setValignment(VPos.BOTTOM);
            RowConstraints plot = new RowConstraints();
            plot.setVgrow(Priority.ALWAYS);
            RowConstraints legend = new RowConstraints();
            legend.setValignment(VPos.TOP);
            chartGrid.getRowConstraints().addAll(title, plot, legend);
        }
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).placeIn(chartGrid, i % columns, 3 * (i / columns));
        }
    }

    /** How many columns the charts stand in now: two, or one in a narrow window. */
    int chartColumns() {
        return chartColumns;
    }

    /**
     * The latest values and a few words of help, as wide as the table: the help wraps to it, and
     * scrolls in a window too low to show it all.
     */
    private VBox tablePane() {
        Label title = new Label("Latest second");
        title.getStyleClass().add("perf-table-title");
        Label help = new Label(PerformanceSwitch.READ_CACHE.title()
                + ": history reads are served from memory instead of the database.\n\n"
                + PerformanceSwitch.CANDLE_LEVEL_OF_DETAIL.title()
                + ": candles too narrow to tell apart are merged while drawing.\n\n"
                + "Switch one off for a minute, then on again, and compare the charts on both sides of the marks.\n\n"
                + "A stage idle in the latest second (a store write runs as bars close) shows its last run of the"
                + " minute.");
        help.getStyleClass().add("perf-help");
        help.setWrapText(true);
        help.setMinWidth(0);
        help.setPrefWidth(0); // the table sets the pane's width, the help fills it
        help.setMaxWidth(Double.MAX_VALUE);
        ScrollPane helpScroll = verticalScroll(help, "perf-help-scroll", false);
        helpScroll.setMinHeight(0);
        VBox.setVgrow(helpScroll, Priority.ALWAYS);
        VBox pane = new VBox(title, table.node(), helpScroll);
        pane.getStyleClass().add("perf-table-pane");
        pane.setMinWidth(Region.USE_PREF_SIZE); // the charts give way, not the table's figures
        return pane;
    }

    /** {@code content} as wide as the pane, scrolling up and down; {@code fillHeight}: stretched to a taller pane. */
    private static ScrollPane verticalScroll(Region content, String styleClass, boolean fillHeight) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.getStyleClass().add(styleClass);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(fillHeight);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private void showPercentile(PerformanceMetric.Percentile percentile) {
        for (int i = 0; i < PerformanceViewModel.CHARTED_STAGES.size(); i++) {
            PipelineStage stage = PerformanceViewModel.CHARTED_STAGES.get(i);
            latency.metrics().get(i).show(PerformanceMetric.latency(stage, percentile));
        }
        update();
    }

    /** Ranges every axis to the history and has every chart re-read it; updates the table. */
    private void update() {
        rangeInDecades(latency.metrics(), latency.valueAxis());
        rangeInDecades(tickToScreen.metrics(), tickToScreen.valueAxis());
        rangeInDecades(List.of(frameTime), frameTimeAxis);
        // The frame rate's axis reaches the 60 Hz cap at least, so 60 is a labelled tick; a sampler
        // running late counts 63 frames in a second now and then, shown on a 0..70 axis.
        frames.showUpTo(atLeast(60, model.max(PerformanceMetric.FRAMES_PER_SECOND)));
        readCache.showUpTo(100);
        gc.showUpTo(atLeast(5, model.max(PerformanceMetric.GC_PAUSE)));
        heap.showUpTo(atLeast(HEAP_FLOOR_MB,
                Math.max(model.max(PerformanceMetric.HEAP_COMMITTED), model.max(PerformanceMetric.HEAP_USED))));
        PerformanceSample latest = model.latestProperty().get();
        heap.setTitle(PerformanceFormat.heapChartTitle(latest == null ? Double.NaN : latest.heapMaxMb()));
        charts().forEach(SmallChart::refresh);
        table.show(model.latestProperty().get());
    }

    /** {@code value}, or {@code floor} when it is lower or not known (NaN, before the first sample). */
    private static double atLeast(double floor, double value) {
        return value > floor ? value : floor;
    }

    /**
     * Ranges the log-scale {@code axis} over whole decades around the latencies of {@code lines}; a
     * zero reaches down to the floor.
     */
    private void rangeInDecades(List<MetricDataSet> lines, DefaultNumericAxis axis) {
        double min = Double.NaN;
        double max = Double.NaN;
        for (MetricDataSet line : lines) {
            double lineMin = model.min(line.metric());
            double lineMax = model.max(line.metric());
            min = Double.isNaN(min) || lineMin < min ? lineMin : min;
            max = Double.isNaN(max) || lineMax > max ? lineMax : max;
        }
        double low = Double.isNaN(min) ? 0.01 : Math.pow(10, Math.floor(Math.log10(Math.max(min, LATENCY_FLOOR_MS))));
        double high = Double.isNaN(max) ? 100 : Math.pow(10, Math.ceil(Math.log10(Math.max(max, LATENCY_FLOOR_MS))));
        SmallChart.setRange(axis, low, Math.max(high, low * 10));
    }
}
