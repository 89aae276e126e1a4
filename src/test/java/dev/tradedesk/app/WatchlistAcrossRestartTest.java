package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import dev.tradedesk.testing.Poll;
import dev.tradedesk.ui.workstation.StoredMinutes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watchlist edits, indicator previews and the market session's restarts (a provider change takes
 * seconds): each edit or preview reaches the session that runs after it, and a session never polls
 * another provider's list. Over the
 * real simulated exchange, without a window; a restart is held where it switches history, by
 * the opening of that history's store.
 */
class WatchlistAcrossRestartTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    /** In no catalogue: the simulator lists it only when a session is started with it or given it. */
    private static final Symbol UNCATALOGUED = Symbol.of("ZZOLD");
    /** Keyed, so that its session starts; on a loopback port nothing listens on, so it never reaches a network. */
    private static final AlpacaSettings UNREACHABLE_ALPACA =
            new AlpacaSettings(Secret.of("test-key"), Secret.of("test-secret"), "http://127.0.0.1:1", "iex");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Other than the defaults the sessions start with. */
    private static final IndicatorParameters PREVIEWED = new IndicatorParameters(2, 2, 1, 1, 2, 2, 20, 80, 0.5, 2);

    @TempDir
    Path dir;

    private final CountDownLatch opening = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /**
     * A desk with {@code initial} settings whose history in {@code heldDir} opens once released,
     * through {@code heldOpener}: a restart switching to it is held there, its old session closed.
     */
    private TradeDesk deskHolding(AppContext context, Settings initial, Path heldDir, Function<Path, HistoryStore> heldOpener) {
        TradeDesk desk = new TradeDesk(context, initial, dataDir -> {
            if (!dataDir.equals(heldDir)) {
                return HistoryStore.open(StoreOptions.defaults(dataDir));
            }
            opening.countDown();
            try {
                release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return heldOpener.apply(dataDir);
        });
        desk.prepareWorkstation();
        return desk;
    }

    @Test
    void anEditMadeWhileARestartIsInFlightIsTheNewSessionsWatchlistFromItsStart() throws Exception {
        switchFromAlpacaToTheSimulator(List.of(AAPL, UNCATALOGUED),
                workstation -> workstation.watchlistChanged(List.of(AAPL)),
                (desk, simulated) -> {
                    Poll.untilTrue(() -> !simulated.symbols().contains(UNCATALOGUED), PATIENCE);
                    assertThat(simulated.symbols()).as("the new session's watchlist").containsExactly(AAPL);
                    // The simulator never unlists a symbol: listed, it was in the list the session started with.
                    assertThat(simulated.simulatedExchange().orElseThrow().market().lists(UNCATALOGUED))
                            .as("the simulator lists the symbol removed").isFalse();
                    assertThat(desk.settings().watchlist()).as("saved").containsExactly(AAPL);
                });
    }

    @Test
    void anIndicatorPreviewMadeWhileARestartIsInFlightReachesTheNewSession() throws Exception {
        // The dialog opened again while the restart runs: its typing pause previews other parameters.
        switchFromAlpacaToTheSimulator(List.of(AAPL), workstation -> workstation.indicatorsPreviewed(PREVIEWED),
                (desk, simulated) -> {
                    Poll.untilTrue(() -> simulated.indicators().equals(PREVIEWED), PATIENCE);
                    assertThat(simulated.indicators()).as("the new session's parameters").isEqualTo(PREVIEWED);
                    assertThat(desk.settings().indicators()).as("a preview is no setting")
                            .isEqualTo(IndicatorParameters.DEFAULTS);
                });
    }

    @Test
    void aChartReadAskedForWhileTheSwitchIsUnderWayReadsTheNewProvidersHistory() throws Exception {
        // A minute only the real providers' history holds, of a day the simulator never backfills.
        long marker = Instant.parse("2020-01-02T15:00:00Z").toEpochMilli();
        AtomicReference<CompletableFuture<StoredMinutes>> read = new AtomicReference<>();
        switchFromAlpacaToTheSimulator(List.of(AAPL), desk -> {
            BarColumns real = new BarColumns(1);
            real.add(new Bar(marker, 12.0, 12.5, 11.5, 12.25, 100));
            desk.historyStore(ProviderKind.ALPACA).write(new SeriesKey(AAPL, Timeframe.ONE_MINUTE), real);
        }, workstation -> {
            // As the chart's loader reads for the list OK shows, on its own thread.
            read.set(CompletableFuture.supplyAsync(() -> workstation.minuteHistory(AAPL, 10_000_000)));
        }, (desk, simulated) -> {
            BarColumns bars = read.get().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).bars();
            assertThat(bars.timesArray())
                    .as("the minutes read: the simulated history's, not the real providers'").doesNotContain(marker);
        });
    }

    /** What a test checks once the restart is over: the desk and the simulated session it started. */
    private interface AfterRestart {
        void check(TradeDesk desk, MarketSession simulated) throws Exception;
    }

    /**
     * Starts a desk on Alpaca with {@code watchlist}, has OK switch it to the simulator, runs
     * {@code duringRestart} while the switch is held opening the simulated history, then lets it
     * finish and hands {@code afterRestart} the simulated session.
     */
    private void switchFromAlpacaToTheSimulator(List<Symbol> watchlist, Consumer<WorkstationSession> duringRestart,
            AfterRestart afterRestart) throws Exception {
        switchFromAlpacaToTheSimulator(watchlist, desk -> { }, duringRestart, afterRestart);
    }

    /** As above, with {@code beforeSwitch} run on the desk on Alpaca before OK. */
    private void switchFromAlpacaToTheSimulator(List<Symbol> watchlist, Consumer<TradeDesk> beforeSwitch,
            Consumer<WorkstationSession> duringRestart, AfterRestart afterRestart) throws Exception {
        Settings onAlpaca = Settings.DEFAULTS.withConnection(ProviderKind.ALPACA, UNREACHABLE_ALPACA).withWatchlist(watchlist);
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = deskHolding(context, onAlpaca, context.paths().simulatedHistoryDir(),
                        dataDir -> HistoryStore.open(StoreOptions.defaults(dataDir)))) {
            try {
                WorkstationSession workstation = desk.workstation();
                MarketSession alpaca = Poll.until(workstation::market, PATIENCE);
                beforeSwitch.accept(desk);

                Settings onSimulator = onAlpaca.withConnection(ProviderKind.SIM, onAlpaca.alpaca());
                desk.updateSettings(settings -> onSimulator);
                workstation.settingsApplier().applyToMarket(onAlpaca, onSimulator);
                assertThat(opening.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                        .as("the restart is switching to the simulated history").isTrue();

                duringRestart.accept(workstation);
                release.countDown();
                MarketSession simulated =
                        Poll.until(() -> workstation.market() == alpaca ? null : workstation.market(), PATIENCE);
                assertThat(simulated.provider()).isEqualTo(ProviderKind.SIM);
                afterRestart.check(desk, simulated);
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void theSessionOfTheProviderLeftNeverWatchesTheNewProvidersList() throws Exception {
        // Refused, so that no Binance session starts and nothing reaches the network.
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = deskHolding(context, Settings.DEFAULTS.withWatchlist(List.of(AAPL)), context.paths().dataDir(),
                        dataDir -> {
                            throw new IllegalStateException("no real providers' history in this test");
                        })) {
            release.countDown();
            WorkstationSession workstation = desk.workstation();
            MarketSession simulated = Poll.until(workstation::market, PATIENCE);

            // OK as the window applies it: the settings, the market side, then the watchlist shows
            // the new provider's list (which tells the host).
            Settings before = desk.settings();
            Settings onBinance = before.withConnection(ProviderKind.BINANCE, before.alpaca());
            desk.updateSettings(settings -> onBinance);
            workstation.settingsApplier().applyToMarket(before, onBinance);
            workstation.watchlistChanged(onBinance.watchlist());
            assertThat(opening.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .as("the restart has stopped the simulated session").isTrue();

            assertThat(simulated.symbols()).as("the simulated session's watchlist").containsExactly(AAPL);
            Symbol pair = onBinance.watchlist().get(0);
            assertThat(simulated.simulatedExchange().orElseThrow().market().lists(pair)).as("the simulator lists %s", pair)
                    .isFalse();
        }
    }
}
