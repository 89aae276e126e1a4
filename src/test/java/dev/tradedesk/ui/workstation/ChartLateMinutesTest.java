package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.LightStage;
import dev.tradedesk.testing.PrimaryStage;
import dev.tradedesk.ui.chart.ChartModel;
import dev.tradedesk.ui.live.MarketUpdate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chart whose history ends inside a bar the clock has already passed shows that bar closed; the
 * feed may still bring its other minutes: a backfill of what happened while the app was closed, or
 * the later windows of a new symbol's backfill. The chart then shows that bar whole, not as it was
 * when the history stopped. Before, the bar stayed short of those minutes until the timeframe was
 * switched: a 1Day bar of a symbol added at 1Day showed a few hours of its day.
 */
@ExtendWith(ApplicationExtension.class)
class ChartLateMinutesTest {

    private static final Symbol SYMBOL = Symbol.of("BTC/USD");
    private static final long MINUTE = 60_000;
    /** 13:00 UTC, the first stored minute. */
    private static final long FIRST = Instant.parse("2026-03-02T13:00:00Z").toEpochMilli();
    /** The minutes of 13:00 to 14:20: the history stops a third into the 14:00 bar. */
    private static final int STOPPED_AT = 81;
    /** Up to 15:10, the feed's minutes after the history: the rest of the 14:00 bar and the 15:00 one. */
    private static final int CAUGHT_UP = 131;
    /** The 14:00 bar's high comes in its minutes after the history stopped. */
    private static final int HIGH_MINUTE = 110;

    /** What the store holds, as the store writer leaves it: it writes the feed's bars before the chart sees them. */
    private final BarColumns stored = new BarColumns(CAUGHT_UP);
    /** Minutes the UI has been given that the store writer has not stored yet (a slow disk). */
    private final List<Bar> queued = new ArrayList<>();
    private final ExecutorService loader = Executors.newSingleThreadExecutor();
    private final AtomicInteger reads = new AtomicInteger();
    @RegisterExtension
    final LightStage stage = new LightStage();

    @AfterEach
    void stop() {
        loader.shutdownNow();
    }

    private static Bar minute(int index) {
        double price = index == HIGH_MINUTE ? 150 : 100 + index * 0.1;
        return new Bar(FIRST + index * MINUTE, price, price + 1, price - 1, price + 0.5, 10);
    }

    /** Minutes {@code from} to {@code until} (exclusive). */
    private static List<Bar> minutes(int from, int until) {
        List<Bar> bars = new ArrayList<>();
        for (int i = from; i < until; i++) {
            bars.add(minute(i));
        }
        return bars;
    }

    /** Stores minutes {@code from} to {@code until} (exclusive) and returns them, as the feed hands them to the UI. */
    private List<Bar> storeMinutes(int from, int until) {
        List<Bar> bars = minutes(from, until);
        synchronized (stored) {
            bars.forEach(stored::add);
        }
        return bars;
    }

    /** Minutes {@code from} to {@code until} (exclusive), handed to the UI while still queued for the store. */
    private List<Bar> queueMinutes(int from, int until) {
        List<Bar> bars = minutes(from, until);
        synchronized (stored) {
            queued.addAll(bars);
        }
        return bars;
    }

    private ChartController hourChart() throws Exception {
        return hourChart(loader);
    }

    private ChartController hourChart(Executor historyReader) throws Exception {
        WorkstationHost host = new StubWorkstationHost() {
            @Override
            public void awaitStoredBars() {
                synchronized (stored) {
                    queued.forEach(stored::add);
                    queued.clear();
                }
            }

            @Override
            public StoredMinutes minuteHistory(Symbol symbol, int minutes) {
                reads.incrementAndGet();
                synchronized (stored) {
                    BarColumns copy = new BarColumns(stored.size());
                    copy.addAll(stored, stored.size());
                    return new StoredMinutes(copy, false);
                }
            }
        };
        // The next day: every bar of the history is over by this computer's clock.
        Clock nextDay = Clock.fixed(Instant.ofEpochMilli(FIRST).plusSeconds(86_400), ZoneOffset.UTC);
        return onFx(() -> {
            ChartController controller = new ChartController(host, historyReader, IndicatorParameters.DEFAULTS,
                    ZoneId.of("UTC"), Timeframe.ONE_MINUTE, range -> { }, nextDay);
            PrimaryStage.show(stage.stage(), new Scene(controller.node(), 1200, 800));
            controller.show(SYMBOL, Timeframe.ONE_HOUR, null);
            return controller;
        });
    }

    /** Hands {@code bars} to the chart as closed minutes, as the frame loop hands over the feed's update. */
    private static void feed(ChartController chart, List<Bar> bars) throws Exception {
        onFx(() -> {
            chart.apply(new MarketUpdate(Map.of(), Map.of(SYMBOL, bars), Map.of(), Map.of(), null, null, Long.MAX_VALUE));
            return null;
        });
    }

    /** Index of the chart's bar opening at {@code time}, if it has one. */
    private static OptionalInt barAt(ChartController chart, long time) {
        return chart.model().flatMap(ChartModel::series).map(series -> {
            for (int i = 0; i < series.size(); i++) {
                if (series.time(i) == time) {
                    return OptionalInt.of(i);
                }
            }
            return OptionalInt.empty();
        }).orElse(OptionalInt.empty());
    }

    private static IndicatorSeriesView series(ChartController chart) {
        return chart.model().flatMap(ChartModel::series).orElseThrow();
    }

    private static void awaitBarAt(ChartController chart, long time) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> barAt(chart, time).isPresent()));
    }

    /** {@link #awaitWholeHours(ChartController, int)} for a feed caught up to 15:10. */
    private static void awaitWholeHours(ChartController chart) throws Exception {
        awaitWholeHours(chart, CAUGHT_UP - 1);
    }

    /**
     * Waits until the chart's 14:00 bar holds every minute of its hour, and checks it and the 15:00
     * bar, which the feed has given up to minute {@code lastMinute}.
     */
    private static void awaitWholeHours(ChartController chart, int lastMinute) throws Exception {
        long fourteen = FIRST + 60 * MINUTE;
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> {
                OptionalInt bar = barAt(chart, fourteen);
                return bar.isPresent() && series(chart).high(bar.getAsInt()) == 151;
            }));
        } catch (TimeoutException shortBar) {
            String readout = onFx(() -> chart.viewProperty().get() == null ? "no chart"
                    : chart.viewProperty().get().readoutText());
            throw new AssertionError("the 14:00 bar never took its minutes after 14:20: " + readout, shortBar);
        }
        onFx(() -> {
            IndicatorSeriesView series = series(chart);
            int bar = barAt(chart, fourteen).getAsInt();
            assertThat(series.open(bar)).isEqualTo(minute(60).open());
            assertThat(series.close(bar)).as("the close of 14:59").isEqualTo(minute(119).close());
            assertThat(series.volume(bar)).as("sixty minutes").isEqualTo(600);
            assertThat(series.time(bar + 1)).isEqualTo(FIRST + 120 * MINUTE);
            assertThat(series.close(bar + 1)).as("15:00").isEqualTo(minute(Math.min(lastMinute, 179)).close());
            assertThat(chart.model().orElseThrow().refusedBars()).isZero();
            return null;
        });
    }

    @Test
    void aBackfillAfterARestartCompletesTheBarTheStoredHistoryStoppedIn() throws Exception {
        storeMinutes(0, STOPPED_AT);
        ChartController chart = hourChart();
        awaitBarAt(chart, FIRST + 60 * MINUTE);
        assertThat(onFx(() -> series(chart).hasFormingBar()))
                .as("the 14:00 bar is over by the clock").isFalse();

        List<Bar> backfill = storeMinutes(STOPPED_AT, CAUGHT_UP);
        feed(chart, backfill);

        awaitWholeHours(chart);
    }

    @Test
    void theLaterWindowsOfANewSymbolsBackfillCompleteTheBarItsFirstWindowStoppedIn() throws Exception {
        ChartController chart = hourChart();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> placeholderText(chart).startsWith("Waiting for the first bars")));

        List<Bar> firstWindow = storeMinutes(0, STOPPED_AT);
        feed(chart, firstWindow);
        awaitBarAt(chart, FIRST + 60 * MINUTE);
        List<Bar> secondWindow = storeMinutes(STOPPED_AT, CAUGHT_UP);
        feed(chart, secondWindow);

        awaitWholeHours(chart);
    }

    @Test
    void itsReloadReadsTheStoreOnceTheStoreWriterHasStoredWhatTheChartWasGiven() throws Exception {
        storeMinutes(0, STOPPED_AT);
        ChartController chart = hourChart();
        awaitBarAt(chart, FIRST + 60 * MINUTE);

        // 14:21 to 17:59, more than the chart takes again from its own recent minutes at a reload:
        // read before they are stored, the 14:00 bar would miss its high at 14:50.
        int lastMinute = 299;
        List<Bar> backfill = queueMinutes(STOPPED_AT, lastMinute + 1);
        feed(chart, backfill);

        awaitWholeHours(chart, lastMinute);
        onFx(() -> {
            assertThat(series(chart).close(series(chart).size() - 1)).as("17:00, up to 17:59")
                    .isEqualTo(minute(lastMinute).close());
            return null;
        });
    }

    @Test
    void minutesThatComeWhileTheHistoryLoadsGoIntoItsLastBarBeforeItIsJudgedOver() throws Exception {
        storeMinutes(0, STOPPED_AT);
        ConcurrentLinkedQueue<Runnable> loads = new ConcurrentLinkedQueue<>();
        ChartController chart = hourChart(loads::add);
        feed(chart, minutes(STOPPED_AT, CAUGHT_UP)); // held until the history is in
        loads.poll().run(); // reads the store up to 14:20: the writer has not stored the backfill yet
        storeMinutes(STOPPED_AT, CAUGHT_UP);

        awaitWholeHours(chart);
        assertThat(reads).as("one read of the store").hasValue(1);
        assertThat(loads).as("and no other load asked for").isEmpty();
    }

    private static String placeholderText(ChartController chart) {
        return ((Label) chart.node().lookup("#chartPlaceholder")).getText();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
