package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.store.HistoryStore;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import dev.tradedesk.store.StoreOptions;
import dev.tradedesk.ui.workstation.StoredMinutes;
import java.time.Duration;
import java.util.Map;
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
        AppPaths paths = new AppPaths(dir.resolve("settings.json"), dir.resolve("data"));
        try (AppContext context = AppContext.open(paths, new BuildInfo("test"), new HostEnvironment("Linux", dir, Map.of()))) {
            TradeDesk desk = new TradeDesk(context);
            Path file = paths.dataDir().resolve("history.mv.db");
            assertThat(file).as("not opened before it is needed").doesNotExist();

            HistoryStore store = desk.historyStore();
            assertThat(desk.historyStore()).isSameAs(store);
            assertThat(store.databaseFile()).isEqualTo(file).exists();
            assertThat(store.readCacheStarted()).as("commands leave the read cache unbuilt").isFalse();
            BarColumns bars = new BarColumns(1);
            bars.add(new Bar(0, 1, 2, 0.5, 1.5, 10));
            store.write(SeriesKey.of("AAPL", Timeframe.ONE_DAY), bars);

            desk.close();

            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
                assertThat(lock).as("closing the app closed the database").isNotNull();
            }
            assertThatThrownBy(desk::historyStore).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theWorkstationBuildsTheReadCacheOnlyAfterItsFirstLiveFrameOrTheHoldLimit() throws Exception {
        AppPaths paths = new AppPaths(dir.resolve("settings.json"), dir.resolve("data"));
        try (AppContext context = AppContext.open(paths, new BuildInfo("test"), new HostEnvironment("Linux", dir, Map.of()));
                TradeDesk desk = new TradeDesk(context)) {
            long started = System.nanoTime();
            desk.prepareWorkstation();
            HistoryStore store = desk.historyStore();
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
        AppPaths paths = new AppPaths(dir.resolve("settings.json"), dir.resolve("data"));
        try (AppContext context = AppContext.open(paths, new BuildInfo("test"), new HostEnvironment("Linux", dir, Map.of()));
                TradeDesk desk = new TradeDesk(context)) {
            Symbol symbol = Symbol.of("ZZTEST"); // in no watchlist, so the feed writes none of its bars
            BarColumns minutes = new BarColumns(10);
            long start = 1_780_000_020L * 60_000;
            for (int i = 0; i < 10; i++) {
                minutes.add(new Bar(start + i * 60_000L, 10 + i, 11 + i, 9 + i, 10.5 + i, 100));
            }
            desk.historyStore().write(new SeriesKey(symbol, Timeframe.ONE_MINUTE), minutes);
            desk.prepareWorkstation();

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
    void theWindowSideNeverWaitsForTheStoreToOpen() throws Exception {
        AppPaths paths = new AppPaths(dir.resolve("settings.json"), dir.resolve("data"));
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (AppContext context = AppContext.open(paths, new BuildInfo("test"), new HostEnvironment("Linux", dir, Map.of()))) {
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
}
