package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import dev.tradedesk.ui.chart.ChartModel;
import dev.tradedesk.ui.chart.LiveBarRouter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code snapshot} charts from the store: the stored minutes, as the workstation's chart
 * reads them, after the older bars stored of the timeframe itself (an imported daily history,
 * placed on its trading days), or those alone where no minute is stored.
 */
class SnapshotStoredHistoryTest {

    private static final Symbol DAYS = Symbol.of("DAYS");
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 2, 18);

    @TempDir
    Path dir;

    /** Daily bars of three trading days from {@link #FIRST_DAY}, opening at midnight in {@code zone}. */
    private static BarColumns dailyBars(java.time.ZoneId zone) {
        BarColumns days = new BarColumns(3);
        for (int i = 0; i < 3; i++) {
            long open = FIRST_DAY.plusDays(i).atStartOfDay(zone).toInstant().toEpochMilli();
            days.add(open, 100 + i, 102 + i, 99 + i, 101 + i, 1_000);
        }
        return days;
    }

    /** What the snapshot's chart loads of {@code history}. */
    private static BarColumns charted(SnapshotCommand.ChartHistory history, Timeframe timeframe) {
        ChartModel model = new ChartModel(new SeriesKey(DAYS, timeframe));
        return new LiveBarRouter(timeframe, BarAggregator.NEW_YORK, model).historyFor(history.stored(), history.minutes());
    }

    private static long[] times(BarColumns bars) {
        return Arrays.copyOf(bars.timesArray(), bars.size());
    }

    @Test
    void aSymbolWithOnlyDailyBarsStoredIsChartedFromThem() {
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            BarColumns days = dailyBars(BarAggregator.NEW_YORK);
            store.write(new SeriesKey(DAYS, Timeframe.ONE_DAY), days);

            SnapshotCommand.ChartHistory history = SnapshotCommand.storedHistory(store, DAYS, Timeframe.ONE_DAY, BarAggregator.NEW_YORK, 300);

            assertThat(history.minutes().isEmpty()).isTrue();
            assertThat(times(history.stored())).containsExactly(times(days));
            assertThat(history.stored().close(2)).isEqualTo(103);
            assertThat(times(charted(history, Timeframe.ONE_DAY))).as("the chart is the daily bars").containsExactly(times(days));
            assertThat(SnapshotCommand.storedHistory(store, DAYS, Timeframe.ONE_MINUTE, BarAggregator.NEW_YORK, 300).isEmpty())
                    .as("no minute chart is made of daily bars").isTrue();
        }
    }

    @Test
    void storedMinutesAreChartedAsTheWorkstationChartsThemAfterTheOlderStoredDailyBars() {
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            store.write(new SeriesKey(DAYS, Timeframe.ONE_DAY), dailyBars(BarAggregator.NEW_YORK));
            BarColumns minutes = new BarColumns(2);
            long open = Instant.parse("2025-02-21T14:30:00Z").toEpochMilli();
            minutes.add(open, 10, 11, 9, 10.5, 100);
            minutes.add(open + 60_000, 10.5, 11, 10, 10.8, 100);
            store.write(new SeriesKey(DAYS, Timeframe.ONE_MINUTE), minutes);

            SnapshotCommand.ChartHistory history = SnapshotCommand.storedHistory(store, DAYS, Timeframe.ONE_DAY, BarAggregator.NEW_YORK, 300);

            assertThat(times(history.minutes())).containsExactly(times(minutes));
            assertThat(times(history.stored())).as("the daily bars, of which the chart takes those before the minutes")
                    .containsExactly(times(dailyBars(BarAggregator.NEW_YORK)));
        }
    }

    /** Daily bars stored opening at midnight in {@code stampedIn}, as charted for a market trading in {@code tradingDayZone}'s days. */
    private BarColumns chartedDays(java.time.ZoneId stampedIn, java.time.ZoneId tradingDayZone) {
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            store.write(new SeriesKey(DAYS, Timeframe.ONE_DAY), dailyBars(stampedIn));
            return SnapshotCommand.storedHistory(store, DAYS, Timeframe.ONE_DAY, tradingDayZone, 300).stored();
        }
    }

    @Test
    void dailyBarsImportedAsUtcDaysAreChartedOnTheirTradingDaysInNewYork() {
        BarColumns charted = chartedDays(ZoneOffset.UTC, BarAggregator.NEW_YORK);

        assertThat(times(charted)).containsExactly(times(dailyBars(BarAggregator.NEW_YORK)));
        assertThat(SnapshotCommand.newestBarName(Timeframe.ONE_DAY, charted.time(2), BarAggregator.NEW_YORK)).isEqualTo("2025-02-20");
    }

    /** A crypto market's daily history, which Binance and Coinbase stamp at UTC's midnights, stays on them. */
    @Test
    void dailyBarsOfAMarketTradingInUtcDaysAreChartedOnThem() {
        BarColumns charted = chartedDays(ZoneOffset.UTC, ZoneOffset.UTC);

        assertThat(times(charted)).containsExactly(times(dailyBars(ZoneOffset.UTC)));
        assertThat(SnapshotCommand.newestBarName(Timeframe.ONE_DAY, charted.time(2), ZoneOffset.UTC)).isEqualTo("2025-02-20");
    }

    /** Daily bars imported as New York's days for a market trading in UTC's are moved to the UTC days of the same dates. */
    @Test
    void dailyBarsImportedAsNewYorkDaysAreChartedOnTheSameDatesInUtc() {
        assertThat(times(chartedDays(BarAggregator.NEW_YORK, ZoneOffset.UTC))).containsExactly(times(dailyBars(ZoneOffset.UTC)));
    }
}
