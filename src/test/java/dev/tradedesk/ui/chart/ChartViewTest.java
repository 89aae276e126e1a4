package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.core.IndicatorSnapshot;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.FxPulses;
import io.fair_acc.chartfx.axes.spi.TickMark;
import io.fair_acc.chartfx.renderer.spi.financial.FinancialDataSetNode;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.financial.OhlcvDataSet;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/** The real chart, headless on Monocle, over the simulated market's history. */
@ExtendWith(ApplicationExtension.class)
class ChartViewTest {

    private static final SeriesKey KEY = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);
    private static final long MINUTE = 60_000;

    private final BarColumns history = ChartFixtures.minuteBars(5, 3_000);
    private ChartModel model;
    private ChartView view;

    @Start
    void start(Stage stage) {
        view = OwnWindow.showOn(stage, history);
        model = view.model();
    }

    @Test
    void showsCandlesAndAFilledStochRsiBandAfterLoadingHistory(FxRobot robot) {
        FxPulses.await(4);
        robot.interact(() -> {
            ChartPanes panes = view.panes();
            assertThat(panes.candles.getDataCount()).as("the last 200 bars, one candle each").isBetween(200, 203);
            assertThat(panes.candles.get(OhlcvDataSet.DIM_Y_CLOSE, panes.candles.getDataCount() - 1))
                    .isEqualTo(history.close(history.size() - 1));
            assertThat(panes.upVolume.getDataCount() + panes.downVolume.getDataCount())
                    .isEqualTo(panes.candles.getDataCount());
            assertThat(panes.band.getDataCount()).isEqualTo(history.size());
            int last = panes.band.getDataCount() - 1;
            assertThat(panes.band.getErrorPositive(DataSet.DIM_Y, last)).as("band half-width").isPositive();

            Color fill = (Color) panes.stoch.getRenderers().get(0).getStyleableNode(panes.band).getLineColor();
            double share = shareOfColour(panes.stoch.getCanvas().snapshot(null, null), fill);
            assertThat(share).as("share of the StochRSI plot the band fills").isGreaterThan(0.2);
        });
    }

    @Test
    void noNodeOfTheChartIsCachedAsABitmapWhoseImageAThrownAwayChartWouldKeep(FxRobot robot) {
        FxPulses.await(2);
        robot.interact(() -> {
            List<String> cached = new ArrayList<>();
            collectCached(view.node(), cached);
            // ChartFX caches its charts' and axes' canvases; JavaFX keeps such a bitmap checked out of
            // its image pool until caching is turned off on the node on screen, never for a node thrown away.
            assertThat(cached).as("nodes cached as bitmaps").isEmpty();
        });
    }

    private static void collectCached(javafx.scene.Node node, List<String> cached) {
        if (node.isCache()) {
            cached.add(node.getClass().getSimpleName() + node.getStyleClass());
        }
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectCached(child, cached));
        }
    }

    @Test
    void aShortChartKeepsAllThreePanesAndTheTimeAxisInsideItsHeight(FxRobot robot) {
        ChartModel shortModel = new ChartModel(KEY, IndicatorParameters.DEFAULTS, 1 << 13);
        shortModel.loadHistory(history);
        OwnWindow.check(robot, shortModel, 800, 420, shortView -> {
            ChartPanes panes = shortView.panes();
            double height = shortView.node().getScene().getHeight();
            assertThat(panes.grid.getHeight()).as("the panes' height").isCloseTo(height, Offset.offset(0.5));
            assertThat(panes.stoch.localToScene(panes.stoch.getLayoutBounds()).getMaxY()).as("the StochRSI pane's bottom")
                    .isLessThanOrEqualTo(height + 0.5);
            assertThat(panes.stochTime.localToScene(panes.stochTime.getLayoutBounds()).getMaxY()).as("the time axis' bottom")
                    .isLessThanOrEqualTo(height + 0.5);
            assertThat(panes.price.getHeight() / height).as("price share").isCloseTo(ChartPanes.PRICE_SHARE / 100, Offset.offset(0.02));
            assertThat(panes.volume.getHeight() / height).as("volume share").isCloseTo(ChartPanes.VOLUME_SHARE / 100, Offset.offset(0.02));
            assertThat(panes.stoch.getHeight() / height).as("StochRSI share").isCloseTo(ChartPanes.STOCH_SHARE / 100, Offset.offset(0.02));
        });
    }

    @Test
    void zoomedOutOverManyBarsTheStochRsiPaneShowsMeanLinesNotASolidBlock(FxRobot robot) {
        ChartModel wideModel = new ChartModel(KEY, IndicatorParameters.DEFAULTS, 1 << 15);
        wideModel.loadHistory(ChartFixtures.minuteBars(5, 30_000));
        robot.interact(() -> {
            wideModel.applyPending();
            wideModel.showAll();
        });
        OwnWindow.check(robot, wideModel, 1200, 800, wideView -> {
            ChartPanes panes = wideView.panes();
            var renderer = panes.stoch.getRenderers().get(1);
            Color k = (Color) renderer.getStyleableNode(panes.stochK).getLineColor();
            double share = shareOfColour(panes.stoch.getCanvas().snapshot(null, null), k);
            // 30,000 bars on about 1,100 pixels: columns of 16 bars. Their %K envelope alone
            // filled the whole plot in the line's colour.
            assertThat(share).as("share of the StochRSI plot in %K's own colour").isBetween(0.005, 0.25);
        });
    }

    @Test
    void threeDailyBarsAfterAResetStandAtTheRightOfThePlotAtAReadableWidth(FxRobot robot) {
        long day = Timeframe.ONE_DAY.millis();
        ChartModel daily = new ChartModel(SeriesKey.of("AAPL", Timeframe.ONE_DAY), IndicatorParameters.DEFAULTS, 1 << 12);
        BarColumns threeDays = new BarColumns(3);
        long first = Instant.parse("2026-12-03T05:00:00Z").toEpochMilli();
        for (int i = 0; i < 3; i++) {
            threeDays.add(first + i * day, 100 + i, 103 + i, 98 + i, 101 + i, 1_000);
        }
        daily.loadHistory(threeDays);
        robot.interact(() -> {
            daily.applyPending();
            daily.pan(-day);
            daily.resetView();
        });
        OwnWindow.check(robot, daily, 1200, 800, dailyView -> {
            ChartPanes panes = dailyView.panes();
            double width = panes.priceTime.getLength();
            double slot = panes.priceTime.getDisplayPosition((first + day) / 1000.0)
                    - panes.priceTime.getDisplayPosition(first / 1000.0);
            double firstX = panes.priceTime.getDisplayPosition(panes.candles.get(DataSet.DIM_X, 0));
            double lastX = panes.priceTime.getDisplayPosition(panes.candles.get(DataSet.DIM_X, panes.candles.getDataCount() - 1));
            assertThat(panes.candles.getDataCount()).isEqualTo(3);
            assertThat(slot).as("a bar's width, the narrowest zoom's").isCloseTo(width / Viewport.MIN_VISIBLE_BARS, Offset.offset(1.0));
            assertThat(width - lastX).as("room right of the latest candle: a bar's").isCloseTo(slot, Offset.offset(1.0));
            assertThat(firstX).as("the first candle, in the right part of the plot").isGreaterThan(width / 2);
        });
    }

    @Test
    void eachCandleIsAWickFromHighToLowUnderABodyFromOpenToCloseInItsColours(FxRobot robot) {
        FxPulses.await(4);
        robot.interact(() -> assertThat(candlesDrawnAsSampled()).as("candles sampled").isGreaterThanOrEqualTo(5));
    }

    @Test
    void pannedFarBackIntoHistoryEveryPaneStillDrawsItsBars(FxRobot robot) {
        FxPulses.await(4);
        // Seven screens back: the candles' first fill was at the live edge, far to the right.
        robot.interact(() -> model.pan(-7 * model.range().spanMillis()));
        FxPulses.await(3);
        robot.interact(() -> {
            ChartRange range = model.range();
            assertThat(range.followsLiveEdge()).isFalse();
            ChartPanes panes = view.panes();
            double from = range.fromMillis() / 1000.0;
            double to = range.toMillis() / 1000.0;
            for (DataSet bars : List.of(panes.candles, panes.upVolume, panes.downVolume)) {
                // ChartFX's renderers draw from getIndex(x) of the axis' ends; stale limits made it 0..1.
                int first = bars.getIndex(DataSet.DIM_X, from);
                int last = bars.getIndex(DataSet.DIM_X, to);
                assertThat(bars.get(DataSet.DIM_X, first)).as("%s at the left edge", bars.getName())
                        .isCloseTo(from, Offset.offset(3 * 60.0));
                assertThat(bars.get(DataSet.DIM_X, last)).as("%s at the right edge", bars.getName())
                        .isCloseTo(to, Offset.offset(3 * 60.0));
            }
            assertThat(candlesDrawnAsSampled()).as("candles sampled in the panned range").isGreaterThanOrEqualTo(5);
        });
    }

    /**
     * Checks, pixel by pixel, candles whose body and upper wick are tall enough to sample: body and
     * wick in their colours, nothing above the high. Returns how many were checked.
     */
    private int candlesDrawnAsSampled() {
        ChartPanes panes = view.panes();
        FinancialDataSetNode colours = (FinancialDataSetNode) panes.price.getRenderers().get(0).getStyleableNode(panes.candles);
        WritableImage image = panes.price.getCanvas().snapshot(null, null);
        PixelReader pixels = image.getPixelReader();
        double plotRight = image.getWidth();
        int checked = 0;
        for (int i = 1; i < panes.candles.getDataCount() - 1 && checked < 20; i++) {
            double open = panes.priceAxis.getDisplayPosition(panes.candles.get(OhlcvDataSet.DIM_Y_OPEN, i));
            double close = panes.priceAxis.getDisplayPosition(panes.candles.get(OhlcvDataSet.DIM_Y_CLOSE, i));
            double high = panes.priceAxis.getDisplayPosition(panes.candles.get(OhlcvDataSet.DIM_Y_HIGH, i));
            double low = panes.priceAxis.getDisplayPosition(panes.candles.get(OhlcvDataSet.DIM_Y_LOW, i));
            double bodyTop = Math.min(open, close);
            int x = (int) Math.floor(panes.priceTime.getDisplayPosition(panes.candles.get(DataSet.DIM_X, i)));
            if (Math.abs(open - close) < 6 || bodyTop - high < 4 || x < 2 || x > plotRight - 2 || high < 3) {
                continue; // a body and an upper wick tall enough to sample inside, well within the plot
            }
            boolean rising = VisibleCandles.rises(panes.candles.get(OhlcvDataSet.DIM_Y_OPEN, i),
                    panes.candles.get(OhlcvDataSet.DIM_Y_CLOSE, i));
            Color body = (Color) (rising ? colours.getCandleLongColor() : colours.getCandleShortColor());
            Color wick = (Color) (rising ? colours.getCandleLongWickColor() : colours.getCandleShortWickColor());
            assertThat(close(pixels.getColor(x, (int) ((open + close) / 2)), body)).as("body of candle %d", i).isTrue();
            assertThat(close(pixels.getColor(x, (int) ((high + bodyTop) / 2)), wick)).as("upper wick of candle %d", i).isTrue();
            assertThat(close(pixels.getColor(x, (int) Math.floor(high) - 2), wick)).as("nothing above the high of candle %d", i)
                    .isFalse();
            assertThat(low).isGreaterThanOrEqualTo(Math.max(open, close));
            checked++;
        }
        return checked;
    }

    private static boolean close(Color pixel, Color colour) {
        return Math.abs(pixel.getRed() - colour.getRed()) < 0.02 && Math.abs(pixel.getGreen() - colour.getGreen()) < 0.02
                && Math.abs(pixel.getBlue() - colour.getBlue()) < 0.02;
    }

    @Test
    void aBarJustOpenedBelowThePreviousCloseTurnsTheLastPriceTagDownNotUp(FxRobot robot) {
        FxPulses.await(3);
        long next = history.time(history.size() - 1) + MINUTE;
        double previousClose = history.close(history.size() - 1);
        double lower = previousClose - 0.05;
        model.pushFormingBar(next, lower, lower, lower, lower, 1);
        FxPulses.await(2);
        robot.interact(() -> assertThat(view.overlay().lastPriceTag().getPseudoClassStates())
                .contains(ChartOverlay.DOWN).doesNotContain(ChartOverlay.UP));

        model.pushFormingBar(next, lower, previousClose, lower, previousClose, 2);
        FxPulses.await(2);
        robot.interact(() -> assertThat(view.overlay().lastPriceTag().getPseudoClassStates())
                .as("back at the previous close: neither").doesNotContain(ChartOverlay.UP, ChartOverlay.DOWN));
    }

    @Test
    void barsHandedOverReachTheChartOnlyAtTheNextPulse(FxRobot robot) throws Exception {
        FxPulses.await(3);
        long next = history.time(history.size() - 1) + MINUTE;
        long framesBefore = onFx(() -> view.frameTimes().count());
        robot.interact(() -> {
            model.pushFormingBar(next, 200, 201, 199, 200.5, 10);
            assertThat(lastCandleClose()).as("unchanged within the same turn of the JavaFX thread")
                    .isEqualTo(history.close(history.size() - 1));
            assertThat(model.series().orElseThrow().size()).isEqualTo(history.size());
        });
        FxPulses.await(2);
        robot.interact(() -> {
            assertThat(lastCandleClose()).isEqualTo(200.5);
            assertThat(view.overlay().lastPriceTag().getText()).isEqualTo("200.50");
            assertThat(view.readoutProperty().get().forming()).isTrue();
        });

        Thread producer = new Thread(() -> {
            for (int tick = 1; tick <= 500; tick++) {
                model.pushFormingBar(next, 200, 201 + tick / 100.0, 199, 200.5 + tick / 1000.0, 10 + tick);
            }
            model.pushClosedBar(next, 200, 206, 199, 201.25, 600);
            model.pushFormingBar(next + MINUTE, 201.25, 201.5, 201, 201.4, 5);
        }, "test-producer");
        producer.start();
        producer.join(TimeUnit.SECONDS.toMillis(5));
        FxPulses.await(2);
        robot.interact(() -> {
            IndicatorSeriesView series = model.series().orElseThrow();
            assertThat(series.size()).isEqualTo(history.size() + 2);
            assertThat(series.close(series.size() - 2)).as("the closed bar").isEqualTo(201.25);
            assertThat(lastCandleClose()).isEqualTo(201.4);
            assertThat(view.frameTimes().count()).isGreaterThan(framesBefore);
            assertThat(view.frameTimes().statistics().p99Millis()).isPositive();
        });

        model.pushFormingBar(next, 1, 1, 1, 1, 1);
        FxPulses.await(2);
        robot.interact(() -> {
            IndicatorSeriesView series = model.series().orElseThrow();
            assertThat(series.close(series.size() - 2)).as("a closed bar never changes").isEqualTo(201.25);
            assertThat(model.refusedBars()).isEqualTo(1);
        });
    }

    @Test
    void redrawsOncePerChangeAndNeverWhileIdle(FxRobot robot) {
        AtomicInteger canvasDraws = new AtomicInteger();
        robot.interact(() -> view.panes().charts().forEach(chart -> chart.setRecorder((tag, level) -> (unit, time) -> {
            if (tag.equals("chart-drawCanvas")) {
                canvasDraws.incrementAndGet();
            }
        })));
        FxPulses.await(4);
        canvasDraws.set(0);
        FxPulses.await(20);
        assertThat(canvasDraws.get()).as("canvas draws while idle (ChartFX 11.3.1 can loop, pitfall 6)").isZero();

        model.pushFormingBar(history.time(history.size() - 1) + MINUTE, 200, 201, 199, 200.5, 10);
        FxPulses.await(3);
        assertThat(canvasDraws.get()).as("one draw of each pane").isEqualTo(3);
    }

    @Test
    void theReadoutShowsTheBarUnderTheCursor(FxRobot robot) {
        FxPulses.await(4);
        IndicatorSeriesView series = onFx(() -> model.series().orElseThrow());
        long index = series.size() - 60;
        Point2D target = onFx(() -> {
            PlotGeometry price = view.priceGeometry();
            double x = price.xOf(series.time(index) / 1000.0);
            double y = price.plot().getMinY() + price.plot().getHeight() / 2;
            return view.overlay().localToScreen(x, y);
        });

        robot.moveTo(target, Motion.DIRECT);
        FxPulses.await(3);

        robot.interact(() -> {
            IndicatorSnapshot readout = view.readoutProperty().get();
            assertThat(readout.index()).isEqualTo(index);
            assertThat(readout.time()).isEqualTo(series.time(index));
            assertThat(readout.open()).isEqualTo(series.open(index));
            assertThat(readout.high()).isEqualTo(series.high(index));
            assertThat(readout.low()).isEqualTo(series.low(index));
            assertThat(readout.close()).isEqualTo(series.close(index));
            assertThat(readout.volume()).isEqualTo(series.volume(index));
            for (Indicator indicator : Indicator.values()) {
                assertThat(readout.value(indicator)).as(indicator.column()).isEqualTo(series.value(indicator, index));
            }
            String text = view.readoutText();
            assertThat(text).contains(ReadoutFormat.item("C", ReadoutFormat.price(series.close(index), 2)))
                    .contains(ReadoutFormat.item("%K", ReadoutFormat.fixed(series.value(Indicator.STOCH_K, index), 1)))
                    .contains(ReadoutFormat.item("band", ReadoutFormat.fixed(series.value(Indicator.BAND_LOWER, index), 1)));
            assertThat(view.overlay().isCrosshairVisible()).isTrue();
            assertThat(view.overlay().crosshairX())
                    .isCloseTo(view.overlay().screenToLocal(target).getX(), Offset.offset(1.0));
        });
    }

    @Test
    void rightOfTheLastBarTheCrosshairNamesTheEmptyPlaceAndTheReadoutNoBar(FxRobot robot) {
        FxPulses.await(4);
        long last = history.time(history.size() - 1);
        long place = last + 3 * MINUTE; // in the right margin the chart keeps while it follows the latest bar
        Point2D target = onFx(() -> {
            PlotGeometry price = view.priceGeometry();
            double x = price.xOf((place + 25_000) / 1000.0); // over the place's right half
            double y = price.plot().getMinY() + price.plot().getHeight() / 2;
            return view.overlay().localToScreen(x, y);
        });

        robot.moveTo(target, Motion.DIRECT);
        FxPulses.await(3);

        robot.interact(() -> {
            String shownTime = new ReadoutFormat(ZoneId.of("Europe/Berlin"), BarAggregator.NEW_YORK).shortTime(place, Timeframe.ONE_MINUTE);
            assertThat(view.readoutText().replace(ReadoutFormat.NO_BREAK_SPACE, ' '))
                    .as("no values: the last bar's would read as this time's")
                    .isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)
                            .withZone(ZoneId.of("Europe/Berlin")).format(Instant.ofEpochMilli(place)) + "  no bar yet");
            assertThat(view.readoutProperty().get()).isNull();
            List<String> tags = view.overlay().getChildrenUnmodifiable().stream()
                    .filter(node -> node.getStyleClass().contains(ChartOverlay.CROSSHAIR_TAG))
                    .map(node -> ((Label) node).getText()).toList();
            assertThat(tags).as("the crosshair's tags").contains(shownTime);
            assertThat(view.overlay().crosshairX()).as("on the empty place, as on a candle")
                    .isCloseTo(view.priceGeometry().xOf(place / 1000.0), Offset.offset(1.0));
        });
        Point2D onTheAxis = onFx(() -> view.overlay().localToScreen(view.priceGeometry().plot().getMaxX() + 20,
                view.priceGeometry().plot().getMinY() + view.priceGeometry().plot().getHeight() / 2));
        robot.moveTo(onTheAxis, Motion.DIRECT); // off the plots: the readout is the latest bar again
        FxPulses.await(3);
        robot.interact(() -> assertThat(view.readoutProperty().get().time()).isEqualTo(last));
    }

    @Test
    void theReadoutWrapsInsideThePricePlotAndTheCandlesStayBelowIt(FxRobot robot) {
        for (int width : new int[] {1200, 560}) {
            ChartModel ownModel = new ChartModel(KEY, IndicatorParameters.DEFAULTS, 1 << 13);
            ownModel.loadHistory(history);
            OwnWindow.check(robot, ownModel, width, 600, ownView -> {
                PlotGeometry price = ownView.priceGeometry();
                Bounds readout = ownView.overlay().readout().getBoundsInParent();
                ChartPanes panes = ownView.panes();
                double highest = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < panes.candles.getDataCount(); i++) {
                    highest = Math.max(highest, panes.candles.get(OhlcvDataSet.DIM_Y_HIGH, i));
                }
                assertThat(readout.getHeight()).as("readout height at " + width).isPositive();
                assertThat(readout.getMaxX()).as("readout's right edge at " + width)
                        .isLessThanOrEqualTo(price.plot().getMaxX());
                assertThat(price.yOf(highest)).as("the highest candle's top at " + width)
                        .isGreaterThanOrEqualTo(readout.getMaxY());
            });
        }
    }

    @Test
    void wheelZoomsAroundTheCursorDragPansAndDoubleClickResets(FxRobot robot) {
        FxPulses.await(4);
        ChartRange initial = onFx(model::range);
        Point2D centreInChart = onFx(() -> {
            PlotGeometry price = view.priceGeometry();
            return new Point2D(price.plot().getMinX() + price.plot().getWidth() * 0.3,
                    price.plot().getMinY() + price.plot().getHeight() / 2);
        });
        Point2D centre = onFx(() -> view.overlay().localToScreen(centreInChart));
        robot.moveTo(centre, Motion.DIRECT);
        // Three notches up as desktop platforms report them (+40 each). Monocle's robot wheel reports
        // -1 per notch instead, so the event is fired directly.
        robot.interact(() -> {
            Point2D scene = view.overlay().localToScene(centreInChart);
            Event.fireEvent(view.node(), new ScrollEvent(ScrollEvent.SCROLL, scene.getX(), scene.getY(), centre.getX(),
                    centre.getY(), false, false, false, false, false, false, 0, 120, 0, 120,
                    ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
        });
        FxPulses.await(2);
        ChartRange zoomed = onFx(model::range);
        assertThat(zoomed.spanMillis()).as("wheel up zooms in").isLessThan(initial.spanMillis());
        double anchor = initial.fromMillis() + 0.3 * initial.spanMillis();
        assertThat((anchor - zoomed.fromMillis()) / zoomed.spanMillis()).as("the time under the cursor stays put")
                .isCloseTo(0.3, Offset.offset(0.01));

        robot.drag(centre, MouseButton.PRIMARY).moveBy(300, 0, Motion.DIRECT).release(MouseButton.PRIMARY);
        FxPulses.await(2);
        ChartRange panned = onFx(model::range);
        assertThat(panned.fromMillis()).as("dragging right shows earlier bars").isLessThan(zoomed.fromMillis());
        assertThat(panned.spanMillis()).isEqualTo(zoomed.spanMillis());
        assertThat(panned.followsLiveEdge()).isFalse();
        robot.interact(() -> assertSameTimeRangeOnEveryPane(panned));

        robot.doubleClickOn(centre);
        FxPulses.await(2);
        robot.interact(() -> {
            ChartRange reset = model.range();
            assertThat(reset.followsLiveEdge()).isTrue();
            assertThat(reset).isEqualTo(initial);
            assertSameTimeRangeOnEveryPane(reset);
        });
    }

    @Test
    void keyboardStyleCommandsMoveEveryPaneTogether(FxRobot robot) {
        FxPulses.await(3);
        robot.interact(() -> {
            model.zoomIn();
            model.panLeft();
        });
        FxPulses.await(2);
        robot.interact(() -> {
            ChartRange range = model.range();
            assertThat(range.followsLiveEdge()).isFalse();
            assertSameTimeRangeOnEveryPane(range);
        });
    }

    @Test
    void timeLabelsFollowTheZoneAcrossTheSpringForwardChange(FxRobot robot) {
        FxPulses.await(3);
        ChartRange aroundChange = new ChartRange(Instant.parse("2024-03-30T22:50:00Z").toEpochMilli(),
                Instant.parse("2024-03-31T04:10:00Z").toEpochMilli(), false);
        robot.interact(() -> model.setRange(aroundChange));
        FxPulses.await(3);
        List<String> berlin = onFx(() -> tickLabels());
        assertThat(berlin).contains("31 Mar", "01:00", "03:00", "04:00").doesNotContain("02:00");

        robot.interact(() -> view.zoneProperty().set(ZoneOffset.UTC));
        FxPulses.await(3);
        List<String> utc = onFx(() -> tickLabels());
        assertThat(utc).as("UTC midnight shows the date").contains("31 Mar", "01:00", "02:00", "03:00");
    }

    @Test
    void exportsAPngOfTheRequestedSizeThatIsNotBlank(@TempDir Path directory) throws Exception {
        AtomicReference<ChartView> exported = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> exported.set(new ChartView(model, ZoneId.of("Europe/Berlin"), Locale.ENGLISH)))
                .get(5, TimeUnit.SECONDS);
        Path file = directory.resolve("chart.png");

        ChartImageExporter.writePng(exported.get().node(), 900, 560, file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(560);
        assertThat(luminanceVariance(image)).as("pixel variance").isGreaterThan(100);
    }

    @Test
    void atAHiDpiScaleAnExportHasTheScreensPixelsForItsPreferredSize() throws Exception {
        AtomicReference<javafx.scene.layout.Region> captioned = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            ChartView exported = new ChartView(model, ZoneId.of("Europe/Berlin"), Locale.ENGLISH);
            exported.node().setPrefSize(450, 280);
            captioned.set(ChartImageExporter.captioned(exported.node(), "AAPL · 1Min"));
        }).get(5, TimeUnit.SECONDS);

        WritableImage image = ChartImageExporter.renderAtPreferredSize(captioned.get(), 2).get(30, TimeUnit.SECONDS);

        double captionHeight = onFx(() -> captioned.get().lookup("." + ChartImageExporter.CAPTION_STYLE)
                .getLayoutBounds().getHeight());
        assertThat(image.getWidth()).as("450 layout pixels, two image pixels each").isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(2 * (280 + captionHeight)));
        assertThat(luminanceVariance(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null))).as("pixel variance")
                .isGreaterThan(100);
    }

    @Test
    void anExportedChartIsCaptionedWithItsSeries(@TempDir Path directory) throws Exception {
        AtomicReference<javafx.scene.layout.Region> captioned = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> captioned.set(ChartImageExporter.captioned(
                new ChartView(model, ZoneId.of("Europe/Berlin"), Locale.ENGLISH).node(), "AAPL · 1Min")))
                .get(5, TimeUnit.SECONDS);
        Path file = directory.resolve("captioned.png");

        ChartImageExporter.writePng(captioned.get(), 900, 560, file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(560);
        javafx.scene.control.Label caption = (javafx.scene.control.Label) captioned.get()
                .lookup("." + ChartImageExporter.CAPTION_STYLE);
        assertThat(caption.getText()).isEqualTo("AAPL · 1Min");
        assertThat(caption.getHeight()).as("laid out above the chart").isPositive();
        int dark = 0;
        for (int y = 0; y < caption.getHeight(); y++) {
            for (int x = 0; x < 120; x++) {
                int rgb = image.getRGB(x, y);
                dark += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300 ? 1 : 0;
            }
        }
        assertThat(dark).as("the caption's text drawn at the top left").isGreaterThan(30);
    }

    @Test
    void aPngThatCannotBeWrittenSaysWhyAndNamesTheFileAskedFor() throws Exception {
        Path unwritable = Path.of("/sys/chart.png"); // sysfs refuses new files, even to root
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(unwritable.getParent()));
        WritableImage image = onFx(() -> new WritableImage(4, 4));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChartImageExporter.write(image, unwritable))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage("cannot write /sys/chart.png: permission denied");
    }

    @Test
    void aFolderThatTakesNoNewFilesIsNotCalledMissing() throws Exception {
        Path unwritable = Path.of("/proc/chart.png"); // procfs answers "no such file" to a new file
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(unwritable.getParent()));
        WritableImage image = onFx(() -> new WritableImage(4, 4));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChartImageExporter.write(image, unwritable))
                .hasMessage("cannot write /proc/chart.png: its folder takes no new files");
    }

    private double lastCandleClose() {
        ChartPanes panes = view.panes();
        return panes.candles.get(OhlcvDataSet.DIM_Y_CLOSE, panes.candles.getDataCount() - 1);
    }

    private void assertSameTimeRangeOnEveryPane(ChartRange range) {
        for (ZonedTimeAxis axis : view.panes().timeAxes()) {
            assertThat(axis.getMin()).isEqualTo(range.fromMillis() / 1000.0);
            assertThat(axis.getMax()).isEqualTo(range.toMillis() / 1000.0);
        }
    }

    private List<String> tickLabels() {
        return view.panes().stochTime.getTickMarks().stream().map(TickMark::getText).toList();
    }

    private static double shareOfColour(WritableImage image, Color colour) {
        PixelReader pixels = image.getPixelReader();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int matching = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                Color pixel = pixels.getColor(x, y);
                if (Math.abs(pixel.getRed() - colour.getRed()) < 0.02
                        && Math.abs(pixel.getGreen() - colour.getGreen()) < 0.02
                        && Math.abs(pixel.getBlue() - colour.getBlue()) < 0.02) {
                    matching++;
                }
            }
        }
        return matching / (double) (width * height);
    }

    private static double luminanceVariance(BufferedImage image) {
        double sum = 0;
        double sumOfSquares = 0;
        int count = image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                double luminance = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                sum += luminance;
                sumOfSquares += luminance * luminance;
            }
        }
        double mean = sum / count;
        return sumOfSquares / count - mean * mean;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> task) {
        try {
            return WaitForAsyncUtils.asyncFx(task).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
