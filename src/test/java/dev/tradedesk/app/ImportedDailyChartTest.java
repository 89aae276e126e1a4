package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.LightStage;
import dev.tradedesk.testing.PrimaryStage;
import dev.tradedesk.ui.chart.ChartModel;
import dev.tradedesk.ui.workstation.ChartController;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workstation's chart of a symbol whose only stored history is imported daily bars (import
 * --timeframe 1Day of a CSV dated by day), read through the real session from the real store, as
 * {@code snapshot} charts it: before, the chart read only minutes and waited for bars that never came.
 */
@ExtendWith(ApplicationExtension.class)
class ImportedDailyChartTest {

    /** In no watchlist, so the simulated feed stores no minute of it. */
    private static final Symbol DAYS = Symbol.of("ZZDAYS");
    private static final int TRADING_DAYS = 300;

    @TempDir
    Path dir;

    @RegisterExtension
    final LightStage stage = new LightStage();
    private final ExecutorService loader = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        loader.shutdownNow();
    }

    /** {@link #TRADING_DAYS} weekdays up to 2025-02-21, dated as import reads a CSV of dates: UTC midnights. */
    private static BarColumns importedDays() {
        BarColumns days = new BarColumns(TRADING_DAYS);
        LocalDate day = LocalDate.of(2025, 2, 21);
        for (int i = 0; i < TRADING_DAYS; i++) {
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.minusDays(1);
            }
            double close = 100 + 10 * Math.sin(i / 7.0);
            days.add(new Bar(day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), close, close + 1.5, close - 1.5,
                    close + 0.25, 1_000 + i));
            day = day.minusDays(1);
        }
        BarColumns oldestFirst = new BarColumns(TRADING_DAYS);
        for (int i = TRADING_DAYS - 1; i >= 0; i--) {
            oldestFirst.add(days.bar(i));
        }
        return oldestFirst;
    }

    /** The open of a trading day, as the chart places daily bars: midnight in New York. */
    private static long newYorkDay(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay(BarAggregator.NEW_YORK).toInstant().toEpochMilli();
    }

    /** A chart over the workstation session of {@code desk}, shown in the primary stage, of {@code symbol} at 1Day. */
    private ChartController dailyChart(TradeDesk desk, Symbol symbol) throws Exception {
        desk.prepareWorkstation();
        ChartController chart = onFx(() -> {
            ChartController controller = new ChartController(desk.workstation(), loader, IndicatorParameters.DEFAULTS,
                    ZoneId.of("UTC"), Timeframe.ONE_MINUTE, range -> { });
            PrimaryStage.show(stage.stage(), new Scene(controller.node(), 1200, 800));
            controller.show(symbol, Timeframe.ONE_DAY, null);
            return controller;
        });
        try {
            WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, () -> onFx(() -> !chart.loadingHistory()
                    && chart.viewProperty().get() != null && chart.viewProperty().get().drawnUpToDate()));
        } catch (TimeoutException noChart) {
            throw new AssertionError("no chart of " + symbol + " in 45 s; it says: "
                    + onFx(() -> ((Label) chart.node().lookup("#chartPlaceholder")).getText()), noChart);
        }
        return chart;
    }

    @Test
    void aSymbolWithOnlyImportedDailyBarsIsChartedFromThemOnTheirTradingDays(FxRobot robot) throws Exception {
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = new TradeDesk(context)) {
            BarColumns imported = importedDays();
            // The default settings' provider is the simulator: its workstation reads the simulated store.
            desk.simulatedHistoryStore().write(new SeriesKey(DAYS, Timeframe.ONE_DAY), imported);

            ChartController chart = dailyChart(desk, DAYS);

            onFx(() -> {
                IndicatorSeriesView series = chart.model().flatMap(ChartModel::series).orElseThrow();
                assertThat(series.size()).isEqualTo(TRADING_DAYS);
                long last = series.size() - 1;
                assertThat(series.time(last)).as("Friday 21 February, from its midnight in New York")
                        .isEqualTo(newYorkDay(2025, 2, 21));
                assertThat(series.close(last)).isEqualTo(imported.close(TRADING_DAYS - 1));
                assertThat(series.hasFormingBar()).as("a day long over").isFalse();
                assertThat(chart.viewProperty().get().readoutText().replace('\u00A0', ' ')).as("the latest bar, named by its trading day")
                        .startsWith("2025-02-21 Fri").doesNotContain("%K –");
                chart.setTimeframe(Timeframe.ONE_MINUTE);
                return null;
            });
            WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, () -> onFx(() ->
                    ((Label) chart.node().lookup("#chartPlaceholder")).getText().startsWith("Waiting for the first bars")));
            assertThat(onFx(chart::model)).as("no minute chart is made of daily bars").isEmpty();
        }
    }

    @Test
    void aSymbolWithStoredMinutesIsChartedFromThemAfterItsOlderImportedDailyBars(FxRobot robot) throws Exception {
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = new TradeDesk(context)) {
            BarColumns imported = importedDays();
            desk.simulatedHistoryStore().write(new SeriesKey(DAYS, Timeframe.ONE_DAY), imported);
            BarColumns minutes = new BarColumns(2);
            long open = Instant.parse("2025-02-24T14:30:00Z").toEpochMilli();
            minutes.add(new Bar(open, 10, 11, 9, 10.5, 100));
            minutes.add(new Bar(open + 60_000, 10.5, 12, 10, 10.8, 100));
            desk.simulatedHistoryStore().write(new SeriesKey(DAYS, Timeframe.ONE_MINUTE), minutes);

            ChartController chart = dailyChart(desk, DAYS);

            onFx(() -> {
                IndicatorSeriesView series = chart.model().flatMap(ChartModel::series).orElseThrow();
                assertThat(series.size()).as("the imported days, then the day of the two minutes").isEqualTo(TRADING_DAYS + 1);
                assertThat(series.time(TRADING_DAYS - 1)).as("Friday 21 February, imported")
                        .isEqualTo(newYorkDay(2025, 2, 21));
                assertThat(series.close(TRADING_DAYS - 1)).isEqualTo(imported.close(TRADING_DAYS - 1));
                assertThat(series.time(TRADING_DAYS)).as("Monday 24 February, made of its minutes")
                        .isEqualTo(newYorkDay(2025, 2, 24));
                assertThat(series.high(TRADING_DAYS)).isEqualTo(12);
                return null;
            });
        }
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
