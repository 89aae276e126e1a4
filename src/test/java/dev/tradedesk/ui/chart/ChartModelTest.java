package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeries;
import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.core.IndicatorSnapshot;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.LogCapture;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The chart model without a scene: hand-off, live bars, visible range and readout. */
class ChartModelTest {

    private static final SeriesKey KEY = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);
    private static final long MINUTE = 60_000;

    private final BarColumns history = ChartFixtures.minuteBars(11, 2_000);
    private final ChartModel model = new ChartModel(KEY, IndicatorParameters.DEFAULTS, 1 << 12);

    @Test
    void historyAppearsOnlyWhenTheOwnerAppliesIt() {
        model.loadHistory(history);
        assertThat(model.hasData()).isFalse();
        assertThat(model.range()).isNull();

        assertThat(model.applyPending()).isTrue();

        IndicatorSeriesView series = model.series().orElseThrow();
        assertThat(series.size()).isEqualTo(history.size());
        assertThat(series.close(series.size() - 1)).isEqualTo(history.close(history.size() - 1));
        assertThat(model.applyPending()).as("nothing new").isFalse();
    }

    @Test
    void liveBarsGiveTheSameValuesAsTheEngine() {
        IndicatorSeries reference = new IndicatorSeries(KEY, IndicatorParameters.DEFAULTS, 1 << 12);
        reference.appendAll(history);
        model.loadHistory(history);
        long time = history.time(history.size() - 1);
        double price = history.close(history.size() - 1);
        for (int bar = 1; bar <= 30; bar++) {
            long barTime = time + bar * MINUTE;
            for (int tick = 0; tick < 5; tick++) {
                double close = price + Math.sin(bar * 7 + tick) * 0.3;
                double high = Math.max(price, close) + 0.05;
                double low = Math.min(price, close) - 0.05;
                model.pushFormingBar(barTime, price, high, low, close, 100 + tick);
                reference.update(barTime, price, high, low, close, 100 + tick);
                if (tick % 2 == 0) {
                    model.applyPending();
                    assertSameLastBar(model.series().orElseThrow(), reference);
                }
            }
            price = reference.close(reference.size() - 1);
        }
        model.applyPending();
        assertSameLastBar(model.series().orElseThrow(), reference);
        assertThat(model.series().orElseThrow().hasFormingBar()).isTrue();
    }

    @Test
    void aClosedBarNeverChangesAfterwards() {
        model.loadHistory(history);
        long next = history.time(history.size() - 1) + MINUTE;
        model.pushClosedBar(next, 100, 101, 99, 100.5, 10);
        model.applyPending();
        IndicatorSeriesView series = model.series().orElseThrow();
        long size = series.size();

        try (LogCapture logs = new LogCapture()) {
            model.pushFormingBar(next, 100, 150, 50, 120, 99);
            model.pushClosedBar(next - MINUTE, 100, 150, 50, 120, 99);
            assertThat(model.applyPending()).isFalse();

            assertThat(logs.lines()).as("the first refusal is told, the second only counted").containsExactly(
                    "WARN Chart of " + model.key() + " refused a forming bar at " + Instant.ofEpochMilli(next)
                            + ": not after its last bar, at " + Instant.ofEpochMilli(next)
                            + "; further refusals are only counted");
        }
        assertThat(series.size()).isEqualTo(size);
        assertThat(series.close(size - 1)).isEqualTo(100.5);
        assertThat(model.refusedBars()).isEqualTo(2);
    }

    @Test
    void invalidBarsAreRefusedOnTheProducersThread() {
        assertThatThrownBy(() -> model.pushFormingBar(0, 10, 9, 11, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("high");
    }

    @Test
    void theDefaultViewShowsTheLast200BarsAndFollowsTheLiveEdge() {
        model.loadHistory(history);
        model.applyPending();
        IndicatorSeriesView series = model.series().orElseThrow();
        ChartRange range = model.range();

        assertThat(range.followsLiveEdge()).isTrue();
        assertThat(range.fromMillis()).isLessThan(series.time(series.size() - ChartModel.DEFAULT_VISIBLE_BARS));
        assertThat(range.fromMillis()).isGreaterThan(series.time(series.size() - ChartModel.DEFAULT_VISIBLE_BARS - 1));
        assertThat(range.toMillis()).isGreaterThan(series.time(series.size() - 1));

        long last = series.time(series.size() - 1);
        for (int bar = 1; bar <= 20; bar++) {
            model.pushClosedBar(last + bar * MINUTE, 100, 101, 99, 100, 1);
            model.applyPending();
        }
        assertThat(model.range().toMillis()).as("moved along").isGreaterThan(last + 20 * MINUTE);
        assertThat(model.range().spanMillis()).isEqualTo(range.spanMillis());
    }

    @ParameterizedTest
    @EnumSource(Timeframe.class)
    void aFewBarsEndAtTheRightAfterAResetWithTheEmptyPlotBeforeTheFirst(Timeframe timeframe) {
        long bar = timeframe.millis();
        ChartModel few = new ChartModel(SeriesKey.of("AAPL", timeframe), IndicatorParameters.DEFAULTS, 1 << 12);
        BarColumns threeBars = new BarColumns(3);
        long first = timeframe.gridStart(java.time.Instant.parse("2026-12-03T05:00:00Z").toEpochMilli());
        for (int i = 0; i < 3; i++) {
            threeBars.add(first + i * bar, 100, 102, 99, 101, 1_000);
        }
        long last = first + 2 * bar;
        few.loadHistory(threeBars);
        few.applyPending();
        few.pan(-bar);

        few.resetView();

        ChartRange range = few.range();
        assertThat(range.followsLiveEdge()).isTrue();
        assertThat(range.spanMillis()).as("the narrowest zoom").isEqualTo(Viewport.MIN_VISIBLE_BARS * bar);
        assertThat(range.toMillis()).as("the latest bar a bar's room from the right edge").isEqualTo(last + bar);
        assertThat(range.fromMillis()).as("the empty plot before the first bar").isLessThan(first - bar);

        few.showAll();
        assertThat(few.range()).as("all of three bars is the same view").isEqualTo(range);
    }

    @Test
    void aRangePannedIntoThePastStaysPut() {
        model.loadHistory(history);
        model.applyPending();
        model.pan(-model.range().spanMillis() * 2);
        ChartRange past = model.range();
        assertThat(past.followsLiveEdge()).isFalse();

        long last = model.series().orElseThrow().time(model.series().orElseThrow().size() - 1);
        model.pushClosedBar(last + MINUTE, 100, 101, 99, 100, 1);
        model.applyPending();
        assertThat(model.range()).isEqualTo(past);
    }

    @Test
    void zoomKeepsTheTimeUnderTheCursorInPlace() {
        model.loadHistory(history);
        model.applyPending();
        model.pan(-model.range().spanMillis());
        ChartRange before = model.range();
        long anchor = before.fromMillis() + before.spanMillis() / 4;

        model.zoom(0.5, anchor);

        ChartRange after = model.range();
        assertThat(after.spanMillis()).isCloseTo(before.spanMillis() / 2, org.assertj.core.data.Offset.offset(1L));
        double shareBefore = (anchor - before.fromMillis()) / (double) before.spanMillis();
        double shareAfter = (anchor - after.fromMillis()) / (double) after.spanMillis();
        assertThat(shareAfter).isCloseTo(shareBefore, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void theWheelZoomedAllTheWayOutFromAPannedViewShowsEveryBarFollowingTheLatest() {
        model.loadHistory(history);
        model.applyPending();
        model.pan(-model.range().spanMillis() * 3);
        assertThat(model.range().followsLiveEdge()).isFalse();

        model.zoom(1_000, model.range().fromMillis()); // anchored at the left edge
        ChartRange widest = model.range();
        model.showAll();
        assertThat(widest).isEqualTo(model.range());
        assertThat(widest.followsLiveEdge()).isTrue();
    }

    @Test
    void zoomStopsAtTenBarsAndAtTheWholeHistory() {
        model.loadHistory(history);
        model.applyPending();
        for (int i = 0; i < 50; i++) {
            model.zoomIn();
        }
        assertThat(model.range().spanMillis()).isEqualTo(Viewport.MIN_VISIBLE_BARS * MINUTE);
        for (int i = 0; i < 80; i++) {
            model.zoomOut();
        }
        ChartRange widest = model.range();
        model.showAll();
        assertThat(widest).as("zoomed all the way out: every bar in view, none of the plot empty before the first")
                .isEqualTo(model.range());
        IndicatorSeriesView series = model.series().orElseThrow();
        assertThat(widest.fromMillis()).isEqualTo(series.time(0) - MINUTE / 2);

        model.resetView();
        assertThat(model.range().followsLiveEdge()).isTrue();
    }

    @Test
    void zoomingOutOrDraggingAtTheLiveEdgeLeavesNoEmptyFuture() {
        model.loadHistory(history);
        model.applyPending();
        ChartRange live = model.range();
        long last = model.series().orElseThrow().time(model.series().orElseThrow().size() - 1);
        long liveEdge = live.toMillis();
        assertThat(liveEdge).isGreaterThan(last);

        model.zoom(3, live.fromMillis() + live.spanMillis() / 2); // the wheel, with the cursor mid-plot
        ChartRange wider = model.range();
        assertThat(wider.spanMillis()).isEqualTo(live.spanMillis() * 3);
        assertThat(wider.followsLiveEdge()).isTrue();
        assertThat(wider.toMillis()).as("the latest bar stays at the right").isEqualTo(last + Math.round(wider.spanMillis()
                * Viewport.RIGHT_MARGIN));

        model.pan(wider.spanMillis() / 3); // dragged towards later times
        assertThat(model.range()).isEqualTo(wider);
    }

    @Test
    void keyboardStepsPanByATenthOfTheView() {
        model.loadHistory(history);
        model.applyPending();
        ChartRange start = model.range();
        model.panLeft();
        long step = Math.round(start.spanMillis() * ChartModel.PAN_STEP);
        assertThat(model.range().fromMillis()).isEqualTo(start.fromMillis() - step);
        model.panRight();
        assertThat(model.range().fromMillis()).isEqualTo(start.fromMillis());
    }

    @Test
    void aRestoredRangeIsKeptOrSnappedToTheLiveEdge() {
        ChartRange saved = new ChartRange(history.time(500), history.time(700), false);
        model.setRange(saved);
        model.loadHistory(history);
        model.applyPending();
        assertThat(model.range()).isEqualTo(saved);

        model.setRange(new ChartRange(history.time(0), history.time(300), true));
        assertThat(model.range().followsLiveEdge()).isTrue();
        assertThat(model.range().spanMillis()).isEqualTo(history.time(300) - history.time(0));
        assertThat(model.range().toMillis()).isGreaterThan(history.time(history.size() - 1));
    }

    @Test
    void theReadoutIsTheNearestBarWithEveryValue() {
        model.loadHistory(history);
        model.applyPending();
        IndicatorSeriesView series = model.series().orElseThrow();
        long index = 1_500;

        IndicatorSnapshot readout = model.readoutAt(series.time(index) + 20_000).orElseThrow();

        assertThat(readout.index()).isEqualTo(index);
        assertThat(readout.time()).isEqualTo(series.time(index));
        assertThat(readout.close()).isEqualTo(series.close(index));
        for (Indicator indicator : Indicator.values()) {
            assertThat(readout.value(indicator)).as(indicator.column())
                    .isEqualTo(series.value(indicator, index));
        }
        assertThat(model.readoutAt(series.time(0) - 10 * MINUTE)).isEmpty();
    }

    @Test
    void pastTheLastBarTheCrosshairStandsOnEmptyPlacesThatReadNoBar() {
        model.loadHistory(history);
        model.applyPending();
        long last = history.time(history.size() - 1);

        assertThat(model.readoutAt(last + 25_000)).as("over the last candle's right half").isPresent();
        assertThat(model.slotAt(last + 25_000)).isEqualTo(last);
        // Where the next bar's candle will stand, and beyond it in the right margin: no bar, and
        // the place's own time, not the last bar's under a later time.
        assertThat(model.readoutAt(last + 40_000)).isEmpty();
        assertThat(model.slotAt(last + 40_000)).isEqualTo(last + MINUTE);
        assertThat(model.readoutAt(last + 6 * MINUTE + 20_000)).isEmpty();
        assertThat(model.slotAt(last + 6 * MINUTE + 20_000)).isEqualTo(last + 6 * MINUTE);
        assertThat(model.isAfterLastBar(model.slotAt(last + 40_000))).isTrue();
    }

    @Test
    void beforeTheFirstBarTheCrosshairStandsOnEmptyPlacesThatReadNoBar() {
        model.loadHistory(history);
        model.applyPending();
        long first = history.time(0);

        assertThat(model.readoutAt(first - 25_000).orElseThrow().time()).isEqualTo(first);
        assertThat(model.readoutAt(first - 40_000)).isEmpty();
        assertThat(model.slotAt(first - 40_000)).isEqualTo(first - MINUTE);
        assertThat(model.slotAt(first - 30 * MINUTE)).isEqualTo(first - 30 * MINUTE);
        assertThat(model.isAfterLastBar(first - MINUTE)).isFalse();
    }

    @Test
    void inAGapTheCrosshairStandsOnTheMissingBarsPlaceNotOnABarBesideIt() {
        BarColumns gapped = new BarColumns(history.size());
        int missingFrom = 1_000;
        int missingTo = 1_120; // two hours without a bar, and one minute alone after them
        for (int i = 0; i < history.size(); i++) {
            if ((i < missingFrom || i >= missingTo) && i != 1_500) {
                gapped.add(history.time(i), history.open(i), history.high(i), history.low(i), history.close(i),
                        history.volume(i));
            }
        }
        model.loadHistory(gapped);
        model.applyPending();

        long lastBefore = history.time(missingFrom - 1);
        assertThat(model.readoutAt(lastBefore + 20_000).orElseThrow().time()).isEqualTo(lastBefore);
        long middle = history.time(missingFrom + 60) + 10_000;
        assertThat(model.readoutAt(middle)).as("an hour from either bar").isEmpty();
        assertThat(model.slotAt(middle)).isEqualTo(history.time(missingFrom + 60));
        assertThat(model.readoutAt(history.time(1_500) - 20_000)).as("the one minute missing").isEmpty();
        assertThat(model.slotAt(history.time(1_500) - 20_000)).isEqualTo(history.time(1_500));
        assertThat(model.readoutAt(history.time(1_501) - 25_000).orElseThrow().time()).isEqualTo(history.time(1_501));
        assertThat(model.slotAt(history.time(1_500) - 20_000, 5 * MINUTE))
                .as("zoomed out to five minutes a pixel, where the missing minute does not show").isEqualTo(history.time(1_499));
        assertThat(model.slotAt(middle, 5 * MINUTE)).as("an hour wide still shows").isEqualTo(history.time(missingFrom + 60));
        assertThat(model.isAfterLastBar(history.time(1_500))).isFalse();
    }

    @Test
    void onADailyChartTheEmptyPlacesAreNewYorkDaysAndDaysOfTwentyFiveHoursLeaveNone() {
        ChartModel daily = new ChartModel(SeriesKey.of("BTC-USD", Timeframe.ONE_DAY), IndicatorParameters.DEFAULTS, 1 << 6);
        ZoneId newYork = ZoneId.of("America/New_York");
        LocalDate firstDay = LocalDate.of(2026, 10, 28); // New York falls back on Sunday 1 November
        BarColumns days = new BarColumns(8);
        for (int day = 0; day < 8; day++) {
            if (day != 6) { // Tuesday 3 November missing
                days.add(firstDay.plusDays(day).atStartOfDay(newYork).toInstant().toEpochMilli(), 100, 102, 99, 101, 10);
            }
        }
        daily.loadHistory(days);
        daily.applyPending();

        long sunday = LocalDate.of(2026, 11, 1).atStartOfDay(newYork).toInstant().toEpochMilli();
        long monday = LocalDate.of(2026, 11, 2).atStartOfDay(newYork).toInstant().toEpochMilli();
        for (long time = sunday; time <= monday; time += 15 * MINUTE) {
            assertThat(daily.readoutAt(time)).as("between Sunday and Monday, 25 hours apart").isPresent();
        }
        long tuesday = LocalDate.of(2026, 11, 3).atStartOfDay(newYork).toInstant().toEpochMilli();
        assertThat(daily.readoutAt(tuesday + 3 * 3_600_000)).isEmpty();
        assertThat(daily.slotAt(tuesday + 3 * 3_600_000)).isEqualTo(tuesday);
        long lastDay = LocalDate.of(2026, 11, 4).atStartOfDay(newYork).toInstant().toEpochMilli();
        long friday = LocalDate.of(2026, 11, 6).atStartOfDay(newYork).toInstant().toEpochMilli();
        assertThat(daily.slotAt(friday + 2 * 3_600_000)).as("two days on, at New York's midnight").isEqualTo(friday);
        assertThat(daily.isAfterLastBar(friday)).isTrue();
        assertThat(daily.readoutAt(lastDay + 11 * 3_600_000)).isPresent();
    }

    @Test
    void capacityIsAPowerOfTwoUpToFourMillionBars() {
        assertThat(new ChartModel(KEY, IndicatorParameters.DEFAULTS, 1_000_000).capacity()).isEqualTo(1 << 20);
        assertThatThrownBy(() -> new ChartModel(KEY, IndicatorParameters.DEFAULTS, ChartModel.MAX_CAPACITY + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHistoryLongerThanTheCapacityKeepsItsLatestBars() {
        ChartModel small = new ChartModel(KEY, IndicatorParameters.DEFAULTS, 1024);
        small.loadHistory(history);
        small.applyPending();
        IndicatorSeriesView series = small.series().orElseThrow();
        assertThat(series.size() - series.firstIndex()).isEqualTo(1024);
        assertThat(series.close(series.size() - 1)).isEqualTo(history.close(history.size() - 1));
    }

    private static void assertSameLastBar(IndicatorSeriesView actual, IndicatorSeries expected) {
        long index = expected.size() - 1;
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.close(index)).isEqualTo(expected.close(index));
        for (Indicator indicator : Indicator.values()) {
            assertThat(actual.value(indicator, index)).as(indicator.column()).isEqualTo(expected.value(indicator, index));
        }
    }

    @Test
    void settingTheSameRangeAgainDoesNotInvalidateIt() {
        model.loadHistory(history);
        model.applyPending();
        model.showAll();
        int[] invalidations = {0};
        model.rangeProperty().addListener(observable -> invalidations[0]++);
        model.showAll();
        model.setRange(model.range());
        assertThat(invalidations[0]).as("an equal range is no change").isZero();

        model.zoom(0.5, history.time(1_000));
        model.range(); // revalidate, so the next change invalidates again
        model.showAll();
        assertThat(invalidations[0]).isEqualTo(2);
    }

    @Test
    void pricesHaveTheDecimalsTheirRecentBarsAreQuotedTo() {
        assertThat(model.priceDecimals()).as("before any data").isEqualTo(2);
        model.loadHistory(history);
        model.applyPending();
        assertThat(model.priceDecimals()).as("AAPL, quoted to the cent").isEqualTo(2);

        // AAPL's cents in hundredths, as XRPUSDT is quoted; 209.99 * 0.01 is 2.0999000000000003.
        ChartModel xrp = new ChartModel(SeriesKey.of("XRPUSDT", Timeframe.ONE_MINUTE), IndicatorParameters.DEFAULTS, 1 << 12);
        xrp.loadHistory(scaled(history, 0.01));
        xrp.applyPending();
        assertThat(xrp.priceDecimals()).isEqualTo(4);

        long next = history.time(history.size() - 1) + MINUTE;
        xrp.pushFormingBar(next, 2.5, 2.5, 2.5, 2.5, 10);
        xrp.applyPending();
        assertThat(xrp.priceDecimals()).as("a round price does not narrow them").isEqualTo(4);
        xrp.pushFormingBar(next, 2.5, 2.51234, 2.5, 2.51234, 20);
        xrp.applyPending();
        assertThat(xrp.priceDecimals()).as("a finer tick widens them").isEqualTo(5);
    }

    @Test
    void onlyTheRecentBarsOfAHistorySetItsDecimals() {
        // Quoted to 4 decimals long ago (a stock below a dollar), to the cent for the last 1,000 bars.
        BarColumns older = scaled(history, 0.01);
        BarColumns mixed = new BarColumns(history.size());
        for (int i = 0; i < history.size(); i++) {
            BarColumns from = i < history.size() - ChartSeries.RECENT_BARS ? older : history;
            mixed.add(from.time(i), from.open(i), from.high(i), from.low(i), from.close(i), from.volume(i));
        }
        model.loadHistory(mixed);
        model.applyPending();
        assertThat(model.priceDecimals()).isEqualTo(2);
    }

    @Test
    void theLastPriceChangesAgainstThePreviousBarsCloseNotAgainstTheOpenOfABarJustOpened() {
        model.loadHistory(history);
        model.applyPending();
        double previousClose = history.close(history.size() - 1);
        long next = history.time(history.size() - 1) + MINUTE;
        double lower = previousClose - 0.25;
        double higher = previousClose + 0.25;

        model.pushFormingBar(next, lower, lower, lower, lower, 1);
        model.applyPending();
        assertThat(model.lastPriceChange()).as("a bar just opened below the previous close").isEqualTo(PriceChange.DOWN);

        model.pushFormingBar(next, higher + 0.25, higher + 0.25, higher, higher, 2);
        model.applyPending();
        assertThat(model.lastPriceChange()).as("fallen from its open, above the previous close").isEqualTo(PriceChange.UP);

        model.pushFormingBar(next, lower, previousClose, lower, previousClose, 3);
        model.applyPending();
        assertThat(model.lastPriceChange()).as("risen from its open back to the previous close")
                .isEqualTo(PriceChange.UNCHANGED);
    }

    @Test
    void withNoPreviousBarTheLastPriceHasNoChange() {
        assertThat(model.lastPriceChange()).as("before any data").isEqualTo(PriceChange.UNCHANGED);
        model.pushFormingBar(MINUTE, 100, 101, 100, 101, 1);
        model.applyPending();
        assertThat(model.lastPriceChange()).as("the only bar, up from its open").isEqualTo(PriceChange.UNCHANGED);

        ChartModel oneBar = new ChartModel(KEY, IndicatorParameters.DEFAULTS, 1);
        oneBar.loadHistory(history);
        oneBar.applyPending();
        assertThat(oneBar.series().orElseThrow().firstIndex()).as("only the last bar kept").isEqualTo(history.size() - 1);
        assertThat(oneBar.lastPriceChange()).isEqualTo(PriceChange.UNCHANGED);
    }

    /** {@code bars} with every price times {@code factor}. */
    private static BarColumns scaled(BarColumns bars, double factor) {
        BarColumns scaled = new BarColumns(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            scaled.add(bars.time(i), bars.open(i) * factor, bars.high(i) * factor, bars.low(i) * factor,
                    bars.close(i) * factor, bars.volume(i));
        }
        return scaled;
    }
}
