package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.FxPulses;
import io.fair_acc.chartfx.axes.spi.AbstractAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The axes' tick labels as the laid-out chart draws them: each one whole on its axis' canvas or
 * not drawn at all, and the StochRSI scale labelled at its ends and quarters.
 */
@ExtendWith(ApplicationExtension.class)
class AxisLabelsTest {

    private static final SeriesKey KEY = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;

    private final BarColumns history = ChartFixtures.minuteBars(5, 3_000);

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void aTimeLabelAtTheRightEdgeIsDrawnWholeOrNotAtAll(FxRobot robot) {
        ChartModel model = model();
        // 200 minutes ending one minute after a whole hour: that hour's tick lies a few pixels
        // from the axis' right end, too close for its label to fit.
        long hour = Math.floorDiv(history.time(history.size() - 30), HOUR) * HOUR;
        ChartRange range = new ChartRange(hour + MINUTE - 200 * MINUTE, hour + MINUTE, false);
        inOwnWindow(robot, model, range, 1200, 800, view -> {
            ZonedTimeAxis axis = view.panes().stochTime;
            assertThat(axis.getTickMarks()).as("a tick on the hour near the right end")
                    .anyMatch(tick -> tick.getValue() == hour / 1000.0);
            assertDrawnWhole(axis, axis.getWidth());
        });
    }

    @Test
    void theStochRsiAxisShowsItsEndsAndQuartersWhole(FxRobot robot) {
        // The chart's part of a 1400x900 main window, under the menus and beside the watchlist.
        inOwnWindow(robot, model(), null, 900, 740, view -> {
            var axis = view.panes().stochAxis;
            assertThat(drawnLabels(axis)).containsExactly("0", "25", "50", "75", "100");
            assertDrawnWhole(axis, axis.getHeight());
            assertWithinAxis(axis);
        });
    }

    @Test
    void inASmallChartTheStochRsiAxisStillShowsItsEndsWhole(FxRobot robot) {
        inOwnWindow(robot, model(), null, 420, 360, view -> {
            var axis = view.panes().stochAxis;
            assertThat(drawnLabels(axis)).contains("0", "50", "100");
            assertDrawnWhole(axis, axis.getHeight());
            assertWithinAxis(axis);
            ZonedTimeAxis time = view.panes().stochTime;
            assertDrawnWhole(time, time.getWidth());
        });
    }

    @Test
    void noPriceLabelIsDrawnUnderTheLastPriceTagOrTheCrosshairsTag(FxRobot robot) {
        ChartModel model = model();
        robot.interact(() -> {
            model.applyPending();
            model.showAll();
        });
        OwnWindow.steps(robot, model, 1200, 800, view -> {
            ViewRangedAxis axis = view.panes().priceAxis;
            TickMark middle = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> middleLabel(axis));
            long next = history.time(history.size() - 1) + MINUTE;
            double onLabel = middle.getValue();
            model.pushFormingBar(next, onLabel, onLabel, onLabel, onLabel, 10);
            FxPulses.await(4);
            robot.interact(() -> {
                assertThat(view.overlay().lastPriceTag().getText()).isEqualTo(ReadoutFormat.price(onLabel));
                assertThat(drawnLabels(axis)).as("the label the tag sits on").doesNotContain(middle.getText());
                assertClearOf(axis, view.overlay().lastPriceTagBounds(), view.priceGeometry());
            });

            double twoLabelsUp = onLabel + 2 * axis.getTickUnit();
            model.pushFormingBar(next, onLabel, twoLabelsUp, onLabel, twoLabelsUp, 20);
            FxPulses.await(4);
            robot.interact(() -> {
                assertThat(drawnLabels(axis)).as("drawn again once the tag has moved off it").contains(middle.getText());
                assertClearOf(axis, view.overlay().lastPriceTagBounds(), view.priceGeometry());
            });

            TickMark hovered = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> middleLabel(axis));
            robot.interact(() -> view.cursorAt(view.priceGeometry().plot().getCenterX(),
                    view.priceGeometry().plot().getMinY() + hovered.getPosition()));
            FxPulses.await(4);
            robot.interact(() -> {
                assertThat(view.overlay().isCrosshairVisible()).isTrue();
                assertThat(drawnLabels(axis)).as("the label under the crosshair's tag").doesNotContain(hovered.getText());
                assertClearOf(axis, view.overlay().valueTagBounds(), view.priceGeometry());
                ZonedTimeAxis time = view.panes().stochTime;
                Bounds timeTag = view.overlay().timeTagBounds();
                double left = view.priceGeometry().plot().getMinX();
                for (TickMark tick : time.getTickMarks()) {
                    if (tick.isVisible() && !tick.getText().isEmpty()) {
                        assertThat(tick.getPosition() + tick.getWidth() / 2 <= timeTag.getMinX() - left
                                || tick.getPosition() - tick.getWidth() / 2 >= timeTag.getMaxX() - left)
                                .as("time label %s clear of the crosshair's time tag", tick.getText()).isTrue();
                    }
                }
            });

            robot.interact(() -> view.cursorAt(Double.NaN, Double.NaN));
            FxPulses.await(4);
            robot.interact(() -> assertThat(drawnLabels(axis)).as("drawn again once the crosshair has left")
                    .contains(hovered.getText()));
        });
    }

    /** The visible label nearest the middle of {@code axis}. */
    private static TickMark middleLabel(AbstractAxis axis) {
        TickMark middle = null;
        for (TickMark tick : axis.getTickMarks()) {
            if (tick.isVisible() && !tick.getText().isEmpty() && (middle == null
                    || Math.abs(tick.getPosition() - axis.getHeight() / 2) < Math.abs(middle.getPosition() - axis.getHeight() / 2))) {
                middle = tick;
            }
        }
        assertThat(middle).as("a label near the middle of the axis").isNotNull();
        return middle;
    }

    /** No label drawn on the vertical {@code axis} overlaps {@code tag}, which is beside {@code plot}. */
    private static void assertClearOf(AbstractAxis axis, Bounds tag, PlotGeometry plot) {
        assertThat(tag).as("the tag is shown").isNotNull();
        double top = plot.plot().getMinY();
        for (TickMark tick : axis.getTickMarks()) {
            if (tick.isVisible() && !tick.getText().isEmpty()) {
                assertThat(tick.getPosition() + tick.getHeight() / 2 <= tag.getMinY() - top
                        || tick.getPosition() - tick.getHeight() / 2 >= tag.getMaxY() - top)
                        .as("label %s clear of the tag", tick.getText()).isTrue();
            }
        }
    }

    private ChartModel model() {
        ChartModel model = new ChartModel(KEY, IndicatorParameters.DEFAULTS, 1 << 13);
        model.loadHistory(history);
        return model;
    }

    private static List<String> drawnLabels(AbstractAxis axis) {
        List<String> labels = new ArrayList<>();
        for (TickMark tick : axis.getTickMarks()) {
            if (tick.isVisible() && !tick.getText().isEmpty()) {
                labels.add(tick.getText());
            }
        }
        return labels.stream().sorted((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b))).toList();
    }

    /** Every label drawn lies whole on the axis' canvas, which reaches its padding past either end. */
    private static void assertDrawnWhole(AbstractAxis axis, double length) {
        double padding = axis.getAxisPadding();
        for (TickMark tick : axis.getTickMarks()) {
            if (!tick.isVisible() || tick.getText().isEmpty()) {
                continue;
            }
            double size = axis.getSide().isHorizontal() ? tick.getWidth() : tick.getHeight();
            assertThat(tick.getPosition() - size / 2).as("start of label %s", tick.getText()).isGreaterThanOrEqualTo(-padding);
            assertThat(tick.getPosition() + size / 2).as("end of label %s", tick.getText())
                    .isLessThanOrEqualTo(length + padding);
        }
    }

    /** A value axis' labels stay within its own height: above and below are the neighbouring panes. */
    private static void assertWithinAxis(AbstractAxis axis) {
        for (TickMark tick : axis.getTickMarks()) {
            if (tick.isVisible() && !tick.getText().isEmpty()) {
                assertThat(tick.getPosition() - tick.getHeight() / 2).as("top of label %s", tick.getText())
                        .isGreaterThanOrEqualTo(0);
                assertThat(tick.getPosition() + tick.getHeight() / 2).as("bottom of label %s", tick.getText())
                        .isLessThanOrEqualTo(axis.getHeight());
            }
        }
    }

    /**
     * Shows a chart of {@code model} over {@code range} (all of it when null) in a window of its
     * own, runs {@code check} on the JavaFX thread once it has drawn, and closes the window.
     */
    private static void inOwnWindow(FxRobot robot, ChartModel model, ChartRange range, int width, int height,
            Consumer<ChartView> check) {
        robot.interact(() -> {
            model.applyPending();
            if (range == null) {
                model.showAll();
            } else {
                model.setRange(range);
            }
        });
        OwnWindow.check(robot, model, width, height, check);
    }
}
