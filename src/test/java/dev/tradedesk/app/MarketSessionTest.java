package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session over the real simulated exchange, provider, scheduler and store. */
class MarketSessionTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final SeriesKey AAPL_MINUTES = new SeriesKey(AAPL, Timeframe.ONE_MINUTE);
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;

    @Test
    void onlyARealProvidersSessionSetsUpTls() {
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            OkHttpClient simulated = MarketSession.httpClient(ProviderKind.SIM, threads, Duration.ofSeconds(5));
            assertThatThrownBy(simulated::sslSocketFactory).isInstanceOf(IllegalStateException.class);
            for (ProviderKind real : List.of(ProviderKind.ALPACA, ProviderKind.BINANCE, ProviderKind.COINBASE)) {
                assertThat(MarketSession.httpClient(real, threads, Duration.ofSeconds(5)).sslSocketFactory()).as(real.label())
                        .isNotNull();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aSimulatedSessionGoesOnAfterStoredBarsThatRunAheadOfTheWallClock() throws InterruptedException {
        // What an earlier session at 60x left behind: simulated bars an hour ahead of the wall clock.
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            long aheadBar = storeABarAnHourAhead(store, AAPL_MINUTES);
            try (MarketSession session = MarketSession.start(aheadOfTheWallClockOptions(), store, new PipelineMetrics(),
                    update -> { }, HostEnvironment.current(), Clock.systemUTC())) {
                // Started at the wall clock, the exchange would reach the stored bar only after 60 s.
                assertABarAfter(store, AAPL_MINUTES, aheadBar);
                assertThat(session.storeFailures()).isZero();
            }
        }
    }

    /** Stores one minute bar of {@code series} an hour ahead of the wall clock; returns its time. */
    private static long storeABarAnHourAhead(HistoryStore store, SeriesKey series) {
        long aheadBar = Math.floorDiv(Clock.systemUTC().millis(), MINUTE) * MINUTE + 60 * MINUTE;
        BarColumns ahead = new BarColumns(1);
        ahead.add(aheadBar, 100, 101, 99, 100.5, 1_000);
        store.write(series, ahead);
        return aheadBar;
    }

    /** AAPL on the simulator at 60x, backfill held back 250 ms. */
    private static MarketSession.Options aheadOfTheWallClockOptions() {
        return new MarketSession.Options(ProviderKind.SIM, List.of(AAPL), Timeframe.ONE_MINUTE,
                IndicatorParameters.DEFAULTS, AlpacaSettings.DEFAULTS, new SimulatorSettings(60, 42, 3), Optional.empty(),
                Duration.ofDays(1), Optional.of(Duration.ofMillis(250)), Duration.ofDays(2));
    }

    /** Waits up to 15 s for a bar of {@code series} after {@code bar} to be stored, which 60x brings in 1 s. */
    private static void assertABarAfter(HistoryStore store, SeriesKey series, long bar) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (store.lastTime(series).orElseThrow() <= bar && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(store.lastTime(series).orElseThrow()).as("newest stored bar of " + series).isGreaterThan(bar);
    }

    @Test
    void aSymbolAddedWhileTheSimulatorRunsIsListedAndRecorded() throws InterruptedException {
        Symbol added = Symbol.of("ZZNEW"); // in no catalogue: the exchange lists it only when asked
        SeriesKey addedMinutes = new SeriesKey(added, Timeframe.ONE_MINUTE);
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            MarketSession.Options options = new MarketSession.Options(ProviderKind.SIM, List.of(AAPL), Timeframe.ONE_MINUTE,
                    IndicatorParameters.DEFAULTS, AlpacaSettings.DEFAULTS, new SimulatorSettings(60, 42, 3), Optional.empty(),
                    Duration.ofHours(2), Optional.of(Duration.ofMillis(250)), Duration.ofDays(1));
            List<ProviderKind> sources = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (MarketSession session = MarketSession.start(options, store, new PipelineMetrics(), update -> {
                if (update.connection() != null) {
                    sources.add(update.connection().provider());
                }
            }, HostEnvironment.current(), Clock.systemUTC())) {
                session.setSymbols(List.of(AAPL, added));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (store.lastTime(addedMinutes).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(store.lastTime(addedMinutes)).as("bars of the added symbol").isPresent();
                assertThat(session.simulatedExchange().orElseThrow().market().lists(added)).isTrue();
                assertThat(sources).as("the simulator, not the Alpaca API it speaks").isNotEmpty()
                        .containsOnly(ProviderKind.SIM);
            }
        }
    }

    @Test
    void aSymbolRecordedAheadOnItsOwnAndAddedLaterIsRecordedAtOnce() throws InterruptedException {
        // What record --provider sim --symbols IBM --speed 600 left behind: IBM an hour ahead, AAPL not.
        Symbol recordedAlone = Symbol.of("IBM");
        SeriesKey recordedMinutes = new SeriesKey(recordedAlone, Timeframe.ONE_MINUTE);
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            long aheadBar = storeABarAnHourAhead(store, recordedMinutes);
            try (MarketSession session = MarketSession.start(aheadOfTheWallClockOptions(), store, new PipelineMetrics(),
                    update -> { }, HostEnvironment.current(), Clock.systemUTC())) {
                session.setSymbols(List.of(AAPL, recordedAlone));
                // On a clock started at the wall clock, IBM's next bar would come after 60 s: until then
                // its watchlist row stayed empty and its chart frozen while the status said live.
                assertABarAfter(store, recordedMinutes, aheadBar);
                assertThat(session.storeFailures()).isZero();
            }
        }
    }

    @Test
    void theSimulatedClockGoesOnAfterTheNewestBarOfEverySeriesStored() {
        Instant now = Instant.parse("2026-03-02T15:00:30Z");
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            BarColumns today = new BarColumns(1);
            today.add(Instant.parse("2026-03-02T05:00:00Z").toEpochMilli(), 100, 101, 99, 100.5, 1_000);
            store.write(new SeriesKey(AAPL, Timeframe.ONE_DAY), today);
            assertThat(MarketSession.continuedSimulatedTime(store, now)).as("today's daily bar, still forming at real time")
                    .isEqualTo(now);

            BarColumns aheadHour = new BarColumns(1);
            aheadHour.add(Instant.parse("2026-03-02T17:00:00Z").toEpochMilli(), 100, 101, 99, 100.5, 1_000);
            store.write(new SeriesKey(Symbol.of("MSFT"), Timeframe.ONE_HOUR), aheadHour);
            assertThat(MarketSession.continuedSimulatedTime(store, now)).as("a minute into the hour bar ahead, of another symbol")
                    .isEqualTo(Instant.parse("2026-03-02T17:01:00Z"));

            BarColumns aheadMinute = new BarColumns(1);
            aheadMinute.add(Instant.parse("2026-03-02T20:14:00Z").toEpochMilli(), 100, 101, 99, 100.5, 1_000);
            store.write(new SeriesKey(Symbol.of("IBM"), Timeframe.ONE_MINUTE), aheadMinute);
            assertThat(MarketSession.continuedSimulatedTime(store, now)).as("after the newest minute bar ahead")
                    .isEqualTo(Instant.parse("2026-03-02T20:15:00Z"));
        }
    }

    @Test
    void aSimulatedClockStartsAtTheWallClockWhenNothingStoredIsAhead() {
        Instant now = Instant.parse("2026-03-02T15:00:30Z");
        try (HistoryStore store = HistoryStore.open(StoreOptions.defaults(dir))) {
            assertThat(MarketSession.continuedSimulatedTime(store, now)).as("nothing stored").isEqualTo(now);

            BarColumns closed = new BarColumns(1);
            closed.add(now.toEpochMilli() - 90_000, 100, 101, 99, 100.5, 1_000);
            store.write(AAPL_MINUTES, closed);
            assertThat(MarketSession.continuedSimulatedTime(store, now)).as("only past bars").isEqualTo(now);

            BarColumns ahead = new BarColumns(1);
            ahead.add(now.toEpochMilli() + 30 * MINUTE - 30_000, 100, 101, 99, 100.5, 1_000);
            store.write(AAPL_MINUTES, ahead);
            assertThat(MarketSession.continuedSimulatedTime(store, now)).as("after the bar ahead")
                    .isEqualTo(now.plus(Duration.ofMinutes(31)).minusSeconds(30));
        }
    }
}
