package dev.tradedesk.ui.perf;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.dataset.DataSet;
import dev.tradedesk.testing.FxPulses;
import dev.tradedesk.testing.PrimaryStage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real performance panel, headless on Monocle, fed made-up samples. */
@ExtendWith(ApplicationExtension.class)
class PerformanceViewTest {

    private final List<Boolean> cacheSwitches = new ArrayList<>();
    private PerformanceViewModel model;
    private PerformanceView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new PerformanceViewModel(true, cacheSwitches::add, true, on -> { });
        view = new PerformanceView(model);
        PrimaryStage.show(stage, new Scene(view.node(), 1180, 800));
    }

    @Test
    void escapeCtrlWAndCtrlPCloseThePanelsWindow(FxRobot robot) {
        for (KeyCode[] keys : List.of(new KeyCode[] {KeyCode.ESCAPE}, new KeyCode[] {KeyCode.CONTROL, KeyCode.W},
                new KeyCode[] {KeyCode.CONTROL, KeyCode.P})) {
            AtomicReference<Stage> window = new AtomicReference<>();
            robot.interact(() -> {
                window.set(new PerformanceView(new PerformanceViewModel(true, on -> { }, true, on -> { })).window(null));
                window.get().show();
                window.get().requestFocus();
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.press(keys).release(keys);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(window.get().isShowing()).as(List.of(keys) + " closes the panel").isFalse();
        }
    }

    private void feed(FxRobot robot, int from, int to) {
        robot.interact(() -> {
            for (int second = from; second < to; second++) {
                model.accept(PerformanceSamples.at(second, model.readCacheProperty().get()));
            }
        });
    }

    @Test
    void chartsAndTableShowTheSamplesAndASwitchLeavesAMarkOnEveryChart(FxRobot robot) {
        feed(robot, 0, 40);
        robot.clickOn("#switchREAD_CACHE .thumb-area");
        feed(robot, 40, 45);
        FxPulses.await(2);

        assertThat(cacheSwitches).containsExactly(false);
        for (SmallChart chart : view.charts()) {
            assertThat(chart.metrics()).allSatisfy(dataSet -> assertThat(dataSet.getDataCount()).isEqualTo(45));
            assertThat(chart.chart().getRenderers()).anySatisfy(renderer -> assertThat(renderer.getDatasets())
                    .anySatisfy(dataSet -> assertThat(dataSet.getDataCount()).as("the read-cache mark").isEqualTo(1)));
        }
        MetricDataSet fetch = view.charts().get(0).metrics().get(0);
        assertThat(fetch.get(MetricDataSet.DIM_X, 44)).as("the latest sample is 'now'").isZero();
        assertThat(fetch.get(MetricDataSet.DIM_X, 0)).isEqualTo(-44 / 60.0);
        assertThat(fetch.get(MetricDataSet.DIM_Y, 44)).isEqualTo(PerformanceSamples.at(44, false).latency(
                dev.tradedesk.feed.PipelineStage.FETCH).p99Ms());
        assertThat(robot.lookup("#perf-fetchp99").queryAs(Label.class).getText())
                .isEqualTo(PerformanceFormat.millis(PerformanceSamples.at(44, false).latency(dev.tradedesk.feed.PipelineStage.FETCH).p99Ms()));
        assertThat(robot.lookup("#perf-readcachehitrate").queryAs(Label.class).getText()).isEqualTo("0.0 %");

        robot.clickOn("#percentileP50");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fetch.metric()).isEqualTo(PerformanceMetric.FETCH_P50);
        assertThat(fetch.get(MetricDataSet.DIM_Y, 44)).isEqualTo(model.value(PerformanceMetric.FETCH_P50, 44));
    }

    @Test
    void theHeapChartIsScaledToTheCommittedHeapAndNamesTheMaximumInItsTitle(FxRobot robot) {
        // Against a 6 GB maximum the used heap, 180 to 414 MB, was a line along 0.
        robot.interact(() -> {
            for (int second = 0; second < 40; second++) {
                PerformanceSample s = PerformanceSamples.at(second, true);
                model.accept(new PerformanceSample(s.time(), s.stageLatencies(), s.framesPerSecond(), s.frameTimeP99Ms(),
                        s.tickToScreenP99Ms(), s.readCacheHitRate(), s.gcPauseMs(), s.gcCount(), s.heapUsedMb(), 6_028,
                        second < 20 ? 420 : 512));
            }
        });
        FxPulses.await(2);
        robot.interact(() -> {
            SmallChart heap = view.charts().stream().filter(chart -> chart.chart().getId().equals("heapChart"))
                    .findFirst().orElseThrow();
            assertThat(heap.valueAxis().getMax()).as("the top of the heap's scale, MB").isBetween(512.0, 700.0);
            assertThat(heap.title().getText()).isEqualTo("Heap, MB (max 6,028)");
            assertThat(heap.metrics()).extracting(MetricDataSet::metric)
                    .containsExactly(PerformanceMetric.HEAP_COMMITTED, PerformanceMetric.HEAP_USED);
        });
    }

    @Test
    void theCandleSwitchHasTheViewMenusNameOnItsToggleInTheHelpAndOnItsMarks(FxRobot robot) {
        String name = "Merge candles when zoomed out";
        assertThat(robot.lookup("#switchCANDLE_LEVEL_OF_DETAIL").queryAs(atlantafx.base.controls.ToggleSwitch.class)
                .getText()).isEqualTo(name);
        assertThat(robot.lookup(".perf-help").queryAs(Label.class).getText())
                .contains(name + ": candles too narrow to tell apart are merged");
        assertThat(PerformanceSwitch.CANDLE_LEVEL_OF_DETAIL.markerLabel(false)).isEqualTo("merge off");
    }

    @Test
    void eachSwitchIsKeyedByADashedLineInItsMarksColourBesideItsName(FxRobot robot) {
        // Marks seconds apart, or beside the other switch's, have no room for their labels: their
        // colour alone says which switch changed, so the panel says whose colour is whose.
        feed(robot, 0, 5);
        FxPulses.await(2);
        robot.interact(() -> {
            List<Paint> keys = new ArrayList<>();
            for (PerformanceSwitch optimisation : PerformanceSwitch.values()) {
                Region key = robot.lookup("#markKey" + optimisation.name()).queryAs(Region.class);
                BorderStroke stroke = key.getBorder().getStrokes().get(0);
                Bounds keyBounds = key.localToScene(key.getLayoutBounds());
                Node toggle = robot.lookup("#switch" + optimisation.name()).query();
                Bounds toggleBounds = toggle.localToScene(toggle.getLayoutBounds());

                for (SmallChart chart : view.charts()) {
                    assertThat(stroke.getLeftStroke()).as(optimisation + "'s key in the colour of its marks")
                            .isEqualTo(lineColour(chart.chart(), optimisation.title()));
                }
                assertThat(stroke.getWidths().getLeft()).as("a line").isPositive();
                assertThat(stroke.getLeftStyle().getDashArray()).as("dashed, as the marks").isNotEmpty();
                assertThat(keyBounds.getHeight()).as("drawn").isPositive();
                assertThat(keyBounds.getMaxX()).as("just left of the switch's name")
                        .isLessThanOrEqualTo(toggleBounds.getMinX()).isGreaterThan(toggleBounds.getMinX() - 12);
                assertThat(keyBounds.getCenterY()).as("on the switch's row")
                        .isBetween(toggleBounds.getMinY(), toggleBounds.getMaxY());
                keys.add(stroke.getLeftStroke());
            }
            assertThat(keys).as("one colour a switch").doesNotHaveDuplicates();
        });
    }

    @Test
    void inThePanelsNarrowestWindowThePercentileButtonsKeepTheirNamesAndTheTitleGivesWay(FxRobot robot) {
        AtomicReference<Stage> window = new AtomicReference<>();
        robot.interact(() -> {
            window.set(new PerformanceView(new PerformanceViewModel(true, on -> { }, true, on -> { })).window(null));
            window.get().setWidth(window.get().getMinWidth());
            window.get().setHeight(window.get().getMinHeight());
            window.get().show();
        });
        try {
            FxPulses.await(2);
            robot.interact(() -> {
                Parent root = window.get().getScene().getRoot();
                Label title = (Label) root.lookup("#latencyChart").getParent().lookup(".perf-chart-title");
                for (String id : List.of("#percentileP50", "#percentileP99")) {
                    ToggleButton button = (ToggleButton) root.lookup(id);
                    assertThat(((Text) button.lookup(".text")).getText()).as(id + " as shown").isEqualTo(button.getText());
                    assertThat(button.localToScene(button.getLayoutBounds()).getMinX()).as(id + " right of the title")
                            .isGreaterThanOrEqualTo(title.localToScene(title.getLayoutBounds()).getMaxX());
                }
            });
        } finally {
            robot.interact(() -> window.get().close());
        }
    }

    @Test
    void aSwitchMarksLabelStandsClearOfTheOtherSwitchsLineAndOfTheChartsOwnLines(FxRobot robot) {
        // Level of detail off, then the cache off ten seconds later, a minute before "now": "LOD off"
        // right of its line would cut the cache's line in two in the LOD's label row, so it stands
        // left of its line. Frame rate and frame time (95 ms on an axis of 10..100 in decades) both
        // run along the plot's top, where the labels are.
        feedFrameTime(robot, 0, 40, 95);
        robot.interact(() -> model.candleLevelOfDetailProperty().set(false));
        feedFrameTime(robot, 40, 50, 95);
        robot.interact(() -> model.readCacheProperty().set(false));
        feedFrameTime(robot, 50, 110, 95);
        FxPulses.await(3);

        robot.interact(() -> {
            XYChart frames = view.charts().get(1).chart();
            Color cache = lineColour(frames, PerformanceSwitch.READ_CACHE.title());
            Color lod = lineColour(frames, PerformanceSwitch.CANDLE_LEVEL_OF_DETAIL.title());
            Color fps = lineColour(frames, "frames/s");
            Color frameTime = lineColour(frames, "frame time p99");
            PixelReader pixels = frames.getCanvas().snapshot(null, null).getPixelReader();
            // The marks stand at the latest sample's time: level of detail went off at second 39, the cache at 49.
            int[] lodLabel = labelBox(frames, 39, 109, 1, PerformanceSwitch.CANDLE_LEVEL_OF_DETAIL.markerLabel(false));
            int cacheLine = (int) Math.floor(frames.getXAxis().getDisplayPosition((49 - 109) / 60.0));
            int[] cacheLineInLodRow = {cacheLine, lodLabel[1], cacheLine + 1, lodLabel[3]};

            assertThat(count(pixels, lodLabel, lod)).as("'LOD off' left of its line").isPositive();
            assertThat(count(pixels, cacheLineInLodRow, cache)).as("the cache line through the LOD's label row")
                    .isPositive();
            assertThat(count(pixels, lodLabel, cache)).as("the cache line through the LOD label").isZero();
            assertThat(count(pixels, lodLabel, fps)).as("the frame-rate line through the label").isZero();
            assertThat(count(pixels, lodLabel, frameTime)).as("the frame-time line through the label").isZero();
        });
    }

    @Test
    void aSwitchTurnedBackOnSecondsLaterLeavesItsEarlierLineWholeAndLabelled(FxRobot robot) {
        // Cache off, level of detail off, cache on again: 20 s, less than "cache on" is wide, near now.
        feedFrameTime(robot, 0, 40, 38);
        robot.interact(() -> model.readCacheProperty().set(false));
        feedFrameTime(robot, 40, 50, 38);
        robot.interact(() -> model.candleLevelOfDetailProperty().set(false));
        feedFrameTime(robot, 50, 60, 38);
        robot.interact(() -> model.readCacheProperty().set(true));
        feedFrameTime(robot, 60, 63, 38);
        FxPulses.await(3);

        robot.interact(() -> {
            XYChart frames = view.charts().get(1).chart();
            Color cache = lineColour(frames, PerformanceSwitch.READ_CACHE.title());
            PixelReader pixels = frames.getCanvas().snapshot(null, null).getPixelReader();
            // A switch is marked at the latest sample's time: the cache went off at second 39.
            int[] offLabel = labelBox(frames, 39, 62, 0, PerformanceSwitch.READ_CACHE.markerLabel(false));
            int offLine = offLabel[2] + 3;
            int[] offLineTop = {offLine, offLabel[1], offLine + 1, offLabel[3]};

            assertThat(count(pixels, offLineTop, cache)).as("the cache-off line beside its label, in the cache's label row")
                    .isPositive();
            assertThat(count(pixels, offLabel, cache)).as("'cache off' left of its line").isPositive();
        });
    }

    @Test
    void aMarkBetweenTheOtherSwitchsMarksTooCloseForItsWholeLabelSaysOffInItsColour(FxRobot robot) {
        // Cache off, level of detail off 25 s later, cache on 25 s after that: about 28 px either side
        // of the level-of-detail line, room for "off" but not "merge off".
        feed(robot, 0, 40);
        robot.interact(() -> model.readCacheProperty().set(false));
        feed(robot, 40, 65);
        robot.interact(() -> model.candleLevelOfDetailProperty().set(false));
        feed(robot, 65, 90);
        robot.interact(() -> model.readCacheProperty().set(true));
        feed(robot, 90, 150);
        FxPulses.await(3);

        robot.interact(() -> {
            XYChart frames = view.charts().get(1).chart();
            Color lod = lineColour(frames, PerformanceSwitch.CANDLE_LEVEL_OF_DETAIL.title());
            PixelReader pixels = frames.getCanvas().snapshot(null, null).getPixelReader();
            // The marks stand at the latest sample's time: the cache went off at second 39, level of
            // detail at 64, the cache on at 89.
            double lodLine = lineX(frames, 64, 149);
            double cacheOnLine = lineX(frames, 89, 149);
            assertThat(cacheOnLine - lodLine).as("room right of the level-of-detail line, px")
                    .isLessThan(2 * SwitchMarkerRenderer.LABEL_GAP + textWidth(
                            PerformanceSwitch.CANDLE_LEVEL_OF_DETAIL.markerLabel(false)));
            int[] offLabel = rightLabelBox(frames, lodLine, 1, PerformanceSwitch.briefMarkerLabel(false));

            assertThat(offLabel[2]).as("'off' ends clear of the cache line").isLessThan((int) cacheOnLine);
            assertThat(count(pixels, offLabel, lod)).as("'off' right of the level-of-detail line, in its row").isPositive();
        });
    }

    private void feedFrameTime(FxRobot robot, int from, int to, double frameTimeMs) {
        robot.interact(() -> {
            for (int second = from; second < to; second++) {
                PerformanceSample s = PerformanceSamples.at(second, model.readCacheProperty().get());
                model.accept(new PerformanceSample(s.time(), s.stageLatencies(), s.framesPerSecond(), frameTimeMs,
                        s.tickToScreenP99Ms(), s.readCacheHitRate(), s.gcPauseMs(), s.gcCount(), s.heapUsedMb(), s.heapMaxMb(), s.heapCommittedMb()));
            }
        });
    }

    /**
     * Where a label drawn left of its line stands on the canvas, as x0, y0, x1, y1: the text of
     * row {@code row} under the plot's top, ending 3 px left of the line at sample {@code second}.
     */
    private static int[] labelBox(XYChart chart, int second, int latestSecond, int row, String label) {
        Axis time = chart.getXAxis();
        Axis value = chart.getYAxis();
        double line = Math.floor(time.getDisplayPosition((second - latestSecond) / 60.0)) + 0.5;
        double top = Math.min(value.getDisplayPosition(value.getMin()), value.getDisplayPosition(value.getMax()));
        Text text = new Text(label);
        text.setFont(Font.font(10));
        double width = text.getLayoutBounds().getWidth();
        double baseline = top + 12 * (row + 1);
        return new int[] {(int) Math.ceil(line - 3 - width), (int) Math.ceil(baseline - 8), (int) Math.floor(line - 3),
            (int) Math.floor(baseline + 1)};
    }

    private static double lineX(XYChart chart, int second, int latestSecond) {
        return Math.floor(chart.getXAxis().getDisplayPosition((second - latestSecond) / 60.0)) + 0.5;
    }

    /** Where a label drawn right of its line at {@code line} stands, in row {@code row}, as {@link #labelBox}. */
    private static int[] rightLabelBox(XYChart chart, double line, int row, String label) {
        Axis value = chart.getYAxis();
        double top = Math.min(value.getDisplayPosition(value.getMin()), value.getDisplayPosition(value.getMax()));
        double baseline = top + 12 * (row + 1);
        return new int[] {(int) Math.ceil(line + 3), (int) Math.ceil(baseline - 8), (int) Math.floor(line + 3 + textWidth(label)),
            (int) Math.floor(baseline + 1)};
    }

    private static double textWidth(String label) {
        Text text = new Text(label);
        text.setFont(Font.font(10));
        return text.getLayoutBounds().getWidth();
    }

    private static int count(PixelReader pixels, int[] box, Color colour) {
        int count = 0;
        for (int x = box[0]; x < box[2]; x++) {
            for (int y = box[1]; y < box[3]; y++) {
                Color pixel = pixels.getColor(x, y);
                if (Math.abs(pixel.getRed() - colour.getRed()) < 0.08 && Math.abs(pixel.getGreen() - colour.getGreen()) < 0.08
                        && Math.abs(pixel.getBlue() - colour.getBlue()) < 0.08) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Color lineColour(XYChart chart, String dataSetName) {
        for (Renderer renderer : chart.getRenderers()) {
            for (DataSet dataSet : renderer.getDatasets()) {
                if (dataSet.getName().equals(dataSetName)) {
                    return (Color) renderer.getStyleableNode(dataSet).getLineColor();
                }
            }
        }
        throw new AssertionError("no dataset " + dataSetName);
    }

    @Test
    void drawsEachChartOncePerSampleAndNothingWhileIdle(FxRobot robot) {
        AtomicInteger canvasDraws = new AtomicInteger();
        robot.interact(() -> view.charts().forEach(chart -> chart.chart().setRecorder((tag, level) -> (unit, time) -> {
            if (tag.equals("chart-drawCanvas")) {
                canvasDraws.incrementAndGet();
            }
        })));
        FxPulses.await(3);
        canvasDraws.set(0);
        FxPulses.await(15);
        assertThat(canvasDraws.get()).as("draws while idle and empty (ChartFX 11.3.1 can loop, pitfall 6)").isZero();

        feed(robot, 0, 1);
        FxPulses.await(3);
        assertThat(canvasDraws.get()).as("one draw of each chart").isEqualTo(view.charts().size());
        canvasDraws.set(0);
        FxPulses.await(15);
        assertThat(canvasDraws.get()).as("draws while idle with data").isZero();
    }
}
