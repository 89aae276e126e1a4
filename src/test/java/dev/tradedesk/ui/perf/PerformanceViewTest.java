package dev.tradedesk.ui.perf;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.testing.FxPulses;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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
        stage.setScene(new Scene(view.node(), 1180, 800));
        stage.show();
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
