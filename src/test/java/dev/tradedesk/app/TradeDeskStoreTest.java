package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.store.HistoryStore;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import dev.tradedesk.store.StoreOptions;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.workstation.StoredMinutes;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root opens the history store in the data dir on first use and closes it. */
class TradeDeskStoreTest {

    @TempDir
    Path dir;

    @Test
    void historyStoreOpensLazilyInTheDataDirAndClosesWithTheApp() throws Exception {
        try (AppContext context = TestContexts.in(dir)) {
            TradeDesk desk = new TradeDesk(context);
            Path file = context.paths().dataDir().resolve("history.mv.db");
            assertThat(file).as("not opened before it is needed").doesNotExist();

            HistoryStore store = desk.historyStore();
            assertThat(desk.historyStore()).isSameAs(store);
            assertThat(store.databaseFile()).isEqualTo(file).exists();
            assertThat(store.readCacheStarted()).as("commands leave the read cache unbuilt").isFalse();
            BarColumns bars = new BarColumns(1);
            bars.add(new Bar(0, 1, 2, 0.5, 1.5, 10));
            store.write(SeriesKey.of("AAPL", Timeframe.ONE_DAY), bars);

            HistoryStore simulated = desk.simulatedHistoryStore();
            Path simulatedFile = context.paths().dataDir().resolve("simulated").resolve("history.mv.db");
            assertThat(simulated.databaseFile()).as("the simulated exchange's bars, apart").isEqualTo(simulatedFile).exists();
            assertThat(desk.historyStore(ProviderKind.SIM)).isSameAs(simulated);
            assertThat(desk.historyStore(ProviderKind.BINANCE)).isSameAs(store);
            assertThat(simulated.lastTime(SeriesKey.of("AAPL", Timeframe.ONE_DAY))).as("real bars stay out").isEmpty();

            desk.close();

            for (Path closedFile : new Path[] {file, simulatedFile}) {
                try (FileChannel channel = FileChannel.open(closedFile, StandardOpenOption.WRITE);
                        FileLock lock = channel.tryLock()) {
                    assertThat(lock).as("closing the app closed %s", closedFile).isNotNull();
                }
            }
            assertThatThrownBy(desk::historyStore).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(desk::simulatedHistoryStore).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theWorkstationBuildsTheReadCacheOnlyAfterItsFirstLiveFrameOrTheHoldLimit() throws Exception {
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = new TradeDesk(context)) {
            long started = System.nanoTime();
            desk.prepareWorkstation();
            HistoryStore store = desk.simulatedHistoryStore(); // the default settings' provider is the simulator
            // No window here, so no live frame: the cache waits for the 10 s limit.
            assertThat(store.readCacheStarted()).isFalse();
            while (!store.readCacheStarted() && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30)) {
                Thread.sleep(50);
            }
            assertThat(store.readCacheStarted()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void theWorkstationReadsARecentWindowOfMinutesAndSaysWhetherOlderOnesAreStored() throws Exception {
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = new TradeDesk(context)) {
            Symbol symbol = Symbol.of("ZZTEST"); // in no watchlist, so the feed writes none of its bars
            BarColumns minutes = new BarColumns(10);
            long start = 1_780_000_020L * 60_000;
            for (int i = 0; i < 10; i++) {
                minutes.add(new Bar(start + i * 60_000L, 10 + i, 11 + i, 9 + i, 10.5 + i, 100));
            }
            desk.simulatedHistoryStore().write(new SeriesKey(symbol, Timeframe.ONE_MINUTE), minutes);
            Symbol real = Symbol.of("ZZREAL");
            desk.historyStore().write(new SeriesKey(real, Timeframe.ONE_MINUTE), minutes);
            desk.prepareWorkstation();
            assertThat(desk.workstation().minuteHistory(real, 4).bars().isEmpty())
                    .as("a workstation on the simulator reads no real provider's bars").isTrue();

            StoredMinutes recent = desk.workstation().minuteHistory(symbol, 4);
            assertThat(recent.bars().size()).isEqualTo(4);
            assertThat(recent.bars().time(0)).isEqualTo(start + 6 * 60_000L);
            assertThat(recent.earlierStored()).isTrue();
            StoredMinutes exactlyAll = desk.workstation().minuteHistory(symbol, 10);
            assertThat(exactlyAll.bars().size()).isEqualTo(10);
            assertThat(exactlyAll.earlierStored()).isFalse();
            assertThat(desk.workstation().minuteHistory(symbol, 1_000_000).earlierStored()).isFalse();
            StoredMinutes unknown = desk.workstation().minuteHistory(Symbol.of("NOSUCH"), 4);
            assertThat(unknown.bars().isEmpty()).isTrue();
            assertThat(unknown.earlierStored()).isFalse();
        }
    }

    @Test
    void switchingBetweenTheSimulatorAndARealProviderSwitchesTheHistoryTheWorkstationReads() throws Exception {
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = new TradeDesk(context)) {
            Symbol symbol = Symbol.of("ZZTEST"); // in no watchlist, so the feed writes none of its bars
            SeriesKey key = new SeriesKey(symbol, Timeframe.ONE_MINUTE);
            long start = 1_780_000_020L * 60_000;
            BarColumns simulated = new BarColumns(2);
            simulated.add(new Bar(start, 10, 11, 9, 10.5, 100));
            simulated.add(new Bar(start + 60_000, 10, 11, 9, 10.5, 100));
            desk.simulatedHistoryStore().write(key, simulated);
            BarColumns real = new BarColumns(1);
            real.add(new Bar(start, 200, 201, 199, 200.5, 7));
            desk.historyStore().write(key, real);
            desk.prepareWorkstation();
            // The session's own first start runs on its control thread: until it has, a switch made
            // here could be undone by it (this test failed so once, on a loaded machine).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (desk.workstation().market() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(desk.workstation().market()).as("the simulated market started").isNotNull();
            assertThat(desk.workstation().minuteHistory(symbol, 10).bars().size()).as("on the simulator").isEqualTo(2);

            // Alpaca without a key does not start, but its history is the one in use.
            desk.workstation().restartMarket(desk.settings().withConnection(ProviderKind.ALPACA, AlpacaSettings.DEFAULTS));
            StoredMinutes onAlpaca = desk.workstation().minuteHistory(symbol, 10);
            assertThat(onAlpaca.bars().size()).isEqualTo(1);
            assertThat(onAlpaca.bars().close(0)).isEqualTo(200.5);

            desk.workstation().restartMarket(desk.settings());
            assertThat(desk.workstation().minuteHistory(symbol, 10).bars().size()).as("back on the simulator").isEqualTo(2);
        }
    }

    @Test
    void theWindowSideNeverWaitsForTheStoreToOpen() throws Exception {
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (AppContext context = TestContexts.in(dir)) {
            TradeDesk desk = new TradeDesk(context, context.settingsLoad().settings(), dataDir -> {
                opening.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS); // a slow open: migrations, recovery of a large file
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return HistoryStore.open(StoreOptions.defaults(dataDir));
            });
            try {
                desk.prepareWorkstation();
                assertThat(opening.await(10, TimeUnit.SECONDS)).as("the store is opening").isTrue();
                // What the JavaFX thread calls to open the window must not wait for it.
                Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                    desk.prepareWorkstation();
                    assertThat(desk.workstation()).isNotNull();
                });
            } finally {
                release.countDown();
                desk.close();
            }
        }
    }

    @Test
    void aHistoryDatabaseHeldByAnotherProcessStopsMarketDataSayingSoInTheStoresWordsLoggedOnceThoughTriedAgain() throws Exception {
        Path simulatedDir = dir.resolve("data").resolve("simulated");
        HistoryStore.open(StoreOptions.defaults(simulatedDir)).close();
        AppPaths paths;
        // Another process's H2 holds an OS lock on the file; in this JVM an OS lock stands in for it.
        try (FileChannel channel = FileChannel.open(simulatedDir.resolve("history.mv.db"), StandardOpenOption.WRITE);
                FileLock lock = channel.lock();
                AppContext context = TestContexts.in(dir);
                TradeDesk desk = new TradeDesk(context)) {
            paths = context.paths();
            desk.prepareWorkstation();
            ConnectionState state = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (state == null && System.nanoTime() < deadline) {
                MarketUpdate update = desk.workstation().handOff().take();
                state = update == null ? null : update.connection();
                Thread.sleep(20);
            }
            assertThat(state).isNotNull();
            assertThat(state.status()).isEqualTo(ConnectionState.Status.STOPPED);
            assertThat(state.reason()).startsWith("the history database " + simulatedDir.resolve("history.mv.db"))
                    .endsWith("is in use by another process (is TradeDesk already running?); tried again every 5 s");
            assertThat(desk.workstation().minuteHistory(Symbol.of("AAPL"), 10).bars().isEmpty()).isTrue();
            Thread.sleep(MarketLifecycle.REOPEN_PERIOD.toMillis() + 1_000); // a reopen that finds it still held
            assertThat(desk.workstation().market()).isNull();
        }
        String log = Files.readString(paths.logFile());
        assertThat(log.split("in use by another process", -1)).as("times the failure is logged: %s", log).hasSize(2);
    }
}
