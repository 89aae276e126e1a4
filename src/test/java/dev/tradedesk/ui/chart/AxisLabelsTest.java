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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.application.Application;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
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
    /** Digits with at most one decimal point: no exponent, no thousands separator. */
    private static final String PLAIN_NUMBER = "\\d+(\\.\\d+)?";
    /** The price axis' step over {@code pricedAround(2.35, 0.04, 4)}. */
    private static final double XRP_STEP = 0.0025;

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
    void theVolumeAxisLabelsARoundVolumeAboveZeroInTheSmallestWindow(FxRobot robot) {
        // The chart's part of a 900x600 main window, with and without the notice above it. Its
        // volume pane, about 50 px, was ranged to 49.5K for bars up to 45K and ChartFX stepped its
        // ticks by 50K: the axis read "0" alone.
        // 150 minutes, fewer bars than pixels: each a candle of its own, none merged.
        long end = history.time(history.size() - 1) + MINUTE;
        BarColumns bars = withLargestVolume(history, history.size() - 150, 45_000);
        for (int height : new int[] {440, 500}) {
            ChartModel model = new ChartModel(KEY, IndicatorParameters.DEFAULTS, 1 << 13);
            model.loadHistory(bars);
            inOwnWindow(robot, model, new ChartRange(end - 150 * MINUTE, end, false), 400, height, view -> {
                var axis = view.panes().volumeAxis;
                List<String> drawn = axis.getTickMarks().stream().filter(tick -> tick.isVisible() && !tick.getText().isEmpty())
                        .sorted((a, b) -> Double.compare(a.getValue(), b.getValue())).map(TickMark::getText).toList();
                assertThat(drawn).as("volume labels at %d px", height).containsExactly("0", "25K");
                assertDrawnWhole(axis, axis.getHeight());
                assertWithinAxis(axis);
                assertNoneOverlap(axis);
            });
        }
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
                assertThat(view.overlay().lastPriceTag().getText()).isEqualTo(ReadoutFormat.price(onLabel, model.priceDecimals()));
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

    @Test
    void bitcoinPricesReadAsWholeNumbersOnThePriceAxisAndTheTagsBesideIt(FxRobot robot) {
        // Binance's BTCUSDT near 98,000: ChartFX labelled this axis "9.73E4, 9.74E4 … 9.85E4".
        assertPlainPriceLabels(robot, pricedAround(97_900, 1_200, 2), 100, 0, 2);
    }

    @Test
    void stockPricesReadWithTheCentsOfAQuarterStep(FxRobot robot) {
        // ChartFX's own labels read the same below 10,000: this keeps the zeros of "126.50".
        assertPlainPriceLabels(robot, pricedAround(126, 4, 2), 0.25, 2, 2);
    }

    @Test
    void aShareAboveTenThousandReadsPlain(FxRobot robot) {
        // Berkshire Hathaway A near 720,000: ChartFX wrote "7.20E5" from 10,000 up.
        assertPlainPriceLabels(robot, pricedAround(720_000, 10_000, 2), 1_000, 0, 2);
    }

    @Test
    void subCentPricesReadWithAsManyDecimalsAsTheirStepNeeds(FxRobot robot) {
        assertPlainPriceLabels(robot, pricedAround(0.0000123, 0.000008, 8), 0.0000005, 7, 8);
    }

    @Test
    void anIndexInTheMillionsReadsPlain(FxRobot robot) {
        assertPlainPriceLabels(robot, pricedAround(2_450_000, 40_000, 2), 2_500, 0, 2);
    }

    @Test
    void pricesQuotedToFourDecimalsKeepThemInTheTagsAndTheReadout(FxRobot robot) {
        // Binance's XRPUSDT: the tags and the readout read "2.35" for 2.3456 beside an axis of "2.3450".
        assertPlainPriceLabels(robot, pricedAround(2.35, 0.04, 4), XRP_STEP, 4, 4);
    }

    @Test
    void aStockQuotedInCentsIsNeverLabelledBetweenItsCents(FxRobot robot) {
        // Ford near 8 dollars zoomed in: the axis read "8.2050, 8.2075, 8.2100", prices it can never trade at.
        assertPlainPriceLabels(robot, pricedAround(8.22, 0.06, 2), 0.01, 2, 2);
    }

    @Test
    void aCrosshairValueLongerThanTheValueAxesWidensThemForGood(FxRobot robot) {
        // From 2,401,000.25 down to 1,000.25: the last-price tag fits the axes' 72 px, the crosshair's
        // "2400000.00" at the top of the plot ran off the window.
        int count = history.size();
        double top = 1_000.25 + 800.0 * count;
        BarColumns falling = new BarColumns(count);
        for (int i = 0; i < count; i++) {
            double open = top - 800.0 * i;
            double close = open - 800;
            falling.add(history.time(i), open, open + 100, close - 100, close, history.volume(i));
        }
        ChartModel model = new ChartModel(KEY, IndicatorParameters.DEFAULTS, 1 << 13);
        model.loadHistory(falling);
        robot.interact(() -> {
            model.applyPending();
            model.showAll();
        });
        OwnWindow.steps(robot, model, 1200, 800, view -> {
            ChartPanes panes = view.panes();
            robot.interact(() -> {
                assertThat(view.overlay().lastPriceTag().getText()).isEqualTo("1000.25");
                assertThat(panes.priceAxis.getWidth()).as("the last-price tag fits").isEqualTo(ChartPanes.VALUE_AXIS_WIDTH);
                view.cursorAt(view.priceGeometry().plot().getCenterX(), view.priceGeometry().plot().getMinY() + 20);
            });
            FxPulses.await(4);
            double[] widened = new double[1];
            robot.interact(() -> {
                String valueTag = view.overlay().valueTag().getText();
                assertThat(valueTag).as("the crosshair's value tag").matches("2\\d{6}\\.\\d\\d");
                assertThat(view.overlay().valueTagBounds().getMaxX()).as("the right end of the tag %s", valueTag)
                        .isLessThanOrEqualTo(view.node().getWidth());
                assertThat(List.of(panes.volumeAxis.getWidth(), panes.stochAxis.getWidth()))
                        .as("the other value axes, under the price axis").containsOnly(panes.priceAxis.getWidth());
                widened[0] = panes.priceAxis.getWidth();
                view.cursorAt(view.priceGeometry().plot().getCenterX(), view.priceGeometry().yOf(5_000));
            });
            FxPulses.await(4);
            robot.interact(() -> {
                assertThat(view.overlay().valueTag().getText()).as("a short value low in the plot").hasSizeLessThan(9);
                assertThat(panes.priceAxis.getWidth()).as("not narrowed again under the moving mouse").isEqualTo(widened[0]);
                view.cursorAt(Double.NaN, Double.NaN);
            });
            FxPulses.await(4);
            robot.interact(() -> assertThat(panes.priceAxis.getWidth()).as("nor once the crosshair has left")
                    .isEqualTo(widened[0]));
        });
    }

    /**
     * Shows {@code bars} whole at the workstation's chart size, where the price axis steps by
     * {@code step}, and checks that every price label drawn is its tick written out with
     * {@code decimals} decimals, and that the last-price tag, the readout and the crosshair's value
     * tag are plain numbers with the {@code priceDecimals} the bars are quoted to, the last-price tag
     * whole in the window.
     */
    private static void assertPlainPriceLabels(FxRobot robot, BarColumns bars, double step, int decimals,
            int priceDecimals) {
        ChartModel model = new ChartModel(KEY, IndicatorParameters.DEFAULTS, 1 << 13);
        model.loadHistory(bars);
        robot.interact(() -> {
            model.applyPending();
            model.showAll();
        });
        OwnWindow.steps(robot, model, 1200, 800, view -> {
            ViewRangedAxis axis = view.panes().priceAxis;
            TickMark middle = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> middleLabel(axis));
            robot.interact(() -> {
                assertThat(axis.getTickUnit()).as("the step for this range").isCloseTo(step, Offset.offset(step * 1e-9));
                List<String> drawn = drawnLabels(axis);
                assertThat(drawn).as("price labels").hasSizeGreaterThanOrEqualTo(5);
                for (TickMark tick : axis.getTickMarks()) {
                    if (tick.isVisible() && !tick.getText().isEmpty()) {
                        assertThat(tick.getText()).as("the label at %s", tick.getValue())
                                .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", tick.getValue()));
                    }
                }
                String lastClose = String.format(Locale.ROOT, "%." + priceDecimals + "f", bars.close(bars.size() - 1));
                assertThat(view.overlay().lastPriceTag().getText()).isEqualTo(lastClose).matches(PLAIN_NUMBER);
                assertThat(view.overlay().lastPriceTagBounds().getMaxX()).as("the right end of the tag %s", lastClose)
                        .isLessThanOrEqualTo(view.node().getWidth());
                assertThat(List.of(view.panes().volumeAxis.getWidth(), view.panes().stochAxis.getWidth()))
                        .as("the other value axes, under the price axis").containsOnly(axis.getWidth());
                assertThat(view.readoutText()).contains(ReadoutFormat.item("C", lastClose)).doesNotContainPattern("\\dE");
                view.cursorAt(view.priceGeometry().plot().getCenterX(), view.priceGeometry().plot().getMinY() + middle.getPosition());
            });
            FxPulses.await(4);
            robot.interact(() -> {
                String valueTag = view.overlay().valueTag().getText();
                assertThat(valueTag).as("the crosshair's value tag on label %s", middle.getText())
                        .matches("\\d+\\.\\d{" + priceDecimals + "}");
                assertThat(Double.parseDouble(valueTag)).isCloseTo(middle.getValue(), Offset.offset(step / 2));
            });
        });
    }

    /**
     * {@link #history}'s bars moved and scaled to span {@code span} around {@code centre}, quoted to
     * {@code decimals} as a provider would.
     */
    private BarColumns pricedAround(double centre, double span, int decimals) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < history.size(); i++) {
            low = Math.min(low, history.low(i));
            high = Math.max(high, history.high(i));
        }
        double scale = span / (high - low);
        double from = centre - span / 2 - low * scale;
        BarColumns bars = new BarColumns(history.size());
        for (int i = 0; i < history.size(); i++) {
            bars.add(history.time(i), quoted(from + history.open(i) * scale, decimals),
                    quoted(from + history.high(i) * scale, decimals), quoted(from + history.low(i) * scale, decimals),
                    quoted(from + history.close(i) * scale, decimals), history.volume(i));
        }
        return bars;
    }

    private static double quoted(double price, int decimals) {
        return new BigDecimal(price).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code bars} with their volumes scaled so that the largest from bar {@code from} on is {@code largest}. */
    private static BarColumns withLargestVolume(BarColumns bars, int from, double largest) {
        double top = 0;
        for (int i = from; i < bars.size(); i++) {
            top = Math.max(top, bars.volume(i));
        }
        BarColumns scaled = new BarColumns(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            scaled.add(bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i),
                    Math.round(bars.volume(i) * largest / top));
        }
        return scaled;
    }

    /** No two labels drawn on the vertical {@code axis} overlap. */
    private static void assertNoneOverlap(AbstractAxis axis) {
        List<TickMark> drawn = axis.getTickMarks().stream().filter(tick -> tick.isVisible() && !tick.getText().isEmpty())
                .sorted((a, b) -> Double.compare(a.getPosition(), b.getPosition())).toList();
        for (int i = 1; i < drawn.size(); i++) {
            TickMark above = drawn.get(i - 1);
            TickMark below = drawn.get(i);
            assertThat(below.getPosition() - below.getHeight() / 2).as("%s clear of %s", below.getText(), above.getText())
                    .isGreaterThanOrEqualTo(above.getPosition() + above.getHeight() / 2);
        }
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
