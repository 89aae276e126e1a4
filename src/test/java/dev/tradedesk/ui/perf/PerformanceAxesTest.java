package dev.tradedesk.ui.perf;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.testing.FxPulses;
import dev.tradedesk.testing.PrimaryStage;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The performance panel's value axes as ChartFX labels them after a layout, headless on Monocle:
 * plain numbers in 1-2-5 steps from 0 up to a labelled top, for any range, every label whole.
 */
@ExtendWith(ApplicationExtension.class)
class PerformanceAxesTest {

    private static final String PLAIN_NUMBER = "0|[1-9]\\d{0,2}(,\\d{3})*(\\.\\d*[1-9])?|0\\.\\d*[1-9]";

    private PerformanceViewModel model;
    private PerformanceView view;
    private Stage stage;

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        showPanel(1180);
    }

    /** A new panel on the primary stage, {@code width} wide. */
    private void showPanel(double width) {
        model = new PerformanceViewModel(true, on -> { }, true, on -> { });
        view = new PerformanceView(model);
        PrimaryStage.show(stage, new Scene(view.node(), width, 800));
    }

    @Test
    void everyChartLabelsNowWholeInThePanelsNarrowestWindow(FxRobot robot) {
        robot.interact(() -> showPanel(720)); // the panel's minimum width: plots of 90 to 180 px
        feed(robot, 0, 40, second -> 80, second -> 20, second -> 60);

        for (SmallChart chart : view.charts()) {
            assertThat(shownLabels(robot, chart.chart().getId(), "time")).as(chart.chart().getId())
                    .isIn(List.of("-4m", "-3m", "-2m", "-1m", "now"), List.of("-4m", "-2m", "now"));
        }
    }

    @Test
    void everyChartLabelsEachMinuteUpToNowInTheDefaultWindow(FxRobot robot) {
        feed(robot, 0, 40, second -> 80, second -> 20, second -> 60);

        for (SmallChart chart : view.charts()) {
            assertThat(shownLabels(robot, chart.chart().getId(), "time")).as(chart.chart().getId())
                    .containsExactly("-4m", "-3m", "-2m", "-1m", "now");
        }
    }

    @Test
    void afterASlowStartTheMillisecondAxesReadPlainThousandsUpToALabelledTop(FxRobot robot) {
        // A slow start: tick to screen and frame time p99 near 10 s for five seconds, then normal.
        feed(robot, 0, 40, second -> second < 5 ? 9_800 : 80, second -> second < 5 ? 9_000 : 20, second -> 60);

        assertThat(shownLabels(robot, "tickToScreenChart", PerformanceView.TICK_TO_SCREEN_TITLE))
                .containsExactly("10", "100", "1,000", "10,000");
        assertThat(shownLabels(robot, "framesChart", "frame time p99")).containsExactly("10", "100", "1,000", "10,000");
    }

    @Test
    void aSlowStartLeavesTheLaterTicksAndFramesReadable(FxRobot robot) {
        // Kept in view for five minutes, a start-up tick of 9.8 s had pressed every later 80 ms flat
        // against the bottom of a 0..10,000 axis, 0.8 % of its height; on 10..10,000 in decades it is 30 %.
        // Frame time the same: 20 ms after a 9 s frame stood at 0.2 % of a 0..10,000 axis, 10 % in decades.
        feed(robot, 0, 40, second -> second < 5 ? 9_800 : 80, second -> second < 5 ? 9_000 : 20, second -> 60);

        assertThat(heightShare(robot, "tickToScreenChart", PerformanceView.TICK_TO_SCREEN_TITLE, 80))
                .as("height of 80 ms over the axis' bottom, a share of its length").isBetween(0.25, 0.35);
        assertThat(heightShare(robot, "framesChart", "frame time p99", 20))
                .as("height of 20 ms over the axis' bottom, a share of its length").isBetween(0.08, 0.12);
    }

    /** How high {@code value} stands on a chart's value axis, as a share of the axis' length. */
    private double heightShare(FxRobot robot, String chartId, String axisName, double value) {
        double[] share = new double[1];
        robot.interact(() -> {
            Axis axis = valueAxis(chartId, axisName);
            share[0] = 1 - axis.getDisplayPosition(value) / axis.getLength();
        });
        return share[0];
    }

    @Test
    void aTickToScreenUnderAMillisecondReadsAsPlainDecimals(FxRobot robot) {
        feed(robot, 0, 40, second -> 0.055, second -> 0.3, second -> 60);

        assertThat(shownLabels(robot, "tickToScreenChart", PerformanceView.TICK_TO_SCREEN_TITLE))
                .containsExactly("0.01", "0.1");
    }

    @Test
    void theHitRateReadsZeroToAHundredAndTheFrameRateShowsItsSixtyHertzCap(FxRobot robot) {
        // A sampler running a little late counts 63 frames in a second now and then.
        feed(robot, 0, 40, second -> 80, second -> 20, second -> second == 30 ? 63 : 60);

        List<String> hitRate = shownLabels(robot, "readCacheChart", "Read-cache hit rate over the last minute, %");
        assertPlainOneTwoFiveUpTo(hitRate, 100);
        assertThat(hitRate).endsWith("100");
        List<String> frameRate = shownLabels(robot, "framesChart", PerformanceView.FRAMES_TITLE);
        assertPlainOneTwoFiveUpTo(frameRate, 63);
        assertThat(frameRate).contains("60");
    }

    @Test
    void theLatencyChartLabelsEveryDecadeItShowsAsAPlainNumber(FxRobot robot) {
        feed(robot, 0, 40, second -> 80, second -> 20, second -> 60);

        // The samples' stage latencies run from 0.02 ms (publish p50 would be lower; p99 is charted) to 150 ms.
        assertThat(shownLabels(robot, "latencyChart", "Stage latency, ms (log scale)"))
                .containsExactly("0.01", "0.1", "1", "10", "100", "1,000");
    }

    private void feed(FxRobot robot, int from, int to, DoubleUnaryOperator tickToScreenMs,
            DoubleUnaryOperator frameTimeMs, DoubleUnaryOperator framesPerSecond) {
        robot.interact(() -> {
            for (int second = from; second < to; second++) {
                PerformanceSample s = PerformanceSamples.at(second, true);
                model.accept(new PerformanceSample(s.time(), s.stageLatencies(), framesPerSecond.applyAsDouble(second),
                        frameTimeMs.applyAsDouble(second), tickToScreenMs.applyAsDouble(second), s.readCacheHitRate(),
                        s.gcPauseMs(), s.gcCount(), s.heapUsedMb(), s.heapMaxMb(), s.heapCommittedMb()));
            }
        });
        FxPulses.await(3);
    }

    /**
     * The labels ChartFX drew whole on the axis named {@code axisName} of chart {@code chartId},
     * bottom up or left to right. ChartFX draws them on the axis' canvas, which reaches the axis padding past the
     * axis' ends: a label centred on an end tick and longer than that is drawn cut in half.
     */
    private List<String> shownLabels(FxRobot robot, String chartId, String axisName) {
        List<String> labels = new ArrayList<>();
        robot.interact(() -> {
            Axis axis = valueAxis(chartId, axisName);
            Canvas canvas = axis.getCanvas();
            boolean horizontal = axis.getSide().isHorizontal();
            double canvasStart = horizontal ? canvas.getLayoutX() : canvas.getLayoutY();
            double canvasLength = horizontal ? canvas.getWidth() : canvas.getHeight();
            for (TickMark tick : axis.getTickMarks()) {
                double halfLength = (horizontal ? tick.getWidth() : tick.getHeight()) / 2;
                boolean whole = tick.getPosition() - halfLength >= canvasStart
                        && tick.getPosition() + halfLength <= canvasStart + canvasLength;
                if (tick.isVisible() && whole) {
                    labels.add(tick.getText());
                }
            }
        });
        return labels;
    }

    private Axis valueAxis(String chartId, String axisName) {
        SmallChart chart = view.charts().stream().filter(c -> c.chart().getId().equals(chartId)).findFirst().orElseThrow();
        return chart.chart().getAxes().stream().filter(a -> a.getName().equals(axisName)).findFirst().orElseThrow();
    }

    /**
     * Plain numbers ("0", "0.05", "2,500", never "0E0" or "0.00"), from 0 in equal steps of 1, 2 or
     * 5 times a power of ten, every tick labelled, the last at or above {@code largest}.
     */
    private static void assertPlainOneTwoFiveUpTo(List<String> labels, double largest) {
        assertThat(labels).as("labels").hasSizeGreaterThanOrEqualTo(3).allMatch(label -> label.matches(PLAIN_NUMBER),
                "plain numbers").startsWith("0");
        double[] values = labels.stream().mapToDouble(label -> Double.parseDouble(label.replace(",", ""))).toArray();
        double step = values[1] - values[0];
        double multiplier = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        assertThat(List.of(1.0, 2.0, 5.0)).as("a 1-2-5 step in " + labels).anyMatch(m -> Math.abs(m - multiplier) < 1e-6);
        for (int i = 1; i < values.length; i++) {
            assertThat(values[i] - values[i - 1]).as("equal steps, none hidden, in " + labels).isCloseTo(step,
                    org.assertj.core.data.Offset.offset(step * 1e-6));
        }
        assertThat(values[values.length - 1]).as("the labelled top of " + labels).isGreaterThanOrEqualTo(largest);
    }
}
