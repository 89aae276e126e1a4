package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeries;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.testing.Poll;
import dev.tradedesk.ui.live.MarketHandOff;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.live.Quote;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the settings dialog's OK does to the running market session: the workstation's market side
 * over the real simulated exchange, scheduler, pipeline and store, without a window.
 */
class SettingsOkTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    /** Far from the defaults, so that every figure of a quote differs from theirs. */
    private static final IndicatorParameters SHORT = new IndicatorParameters(2, 2, 1, 1, 2, 2, 20, 80, 0.5, 2);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static TradeDesk deskWatching(AppContext context, Symbol symbol) {
        TradeDesk desk = new TradeDesk(context, Settings.DEFAULTS.withWatchlist(List.of(symbol)));
        desk.prepareWorkstation();
        return desk;
    }

    /** OK as the window applies it to the market side: the settings in effect, then the session. */
    private static void ok(TradeDesk desk, Settings after) {
        Settings before = desk.settings();
        desk.updateSettings(settings -> after);
        desk.workstation().settingsApplier().applyToMarket(before, after);
    }

    @Test
    void newIndicatorParametersKeepTheSessionAndReachASymbolFirstSeenAfterwards() throws Exception {
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = deskWatching(context, AAPL)) {
            WorkstationSession workstation = desk.workstation();
            MarketSession running = Poll.until(workstation::market, PATIENCE);

            ok(desk, desk.settings().withIndicators(SHORT));
            Poll.untilTrue(() -> workstation.market() != running || running.indicators().equals(SHORT), PATIENCE);
            assertThat(workstation.market()).as("the session that ran before OK").isSameAs(running);
            assertThat(running.indicators()).isEqualTo(SHORT);

            // In no catalogue, so nothing of it is stored before it is watched: backfilled once the
            // start hold lets go (10 s without a window), then quoted at the live edge.
            Symbol added = Symbol.of("ZZNEW");
            workstation.watchlistChanged(List.of(AAPL, added));
            assertQuoteComputedWith(SHORT, firstQuoteWithItsBars(workstation.handOff(), added));
            assertThat(workstation.market()).isSameAs(running);
        }
    }

    @Test
    void okWithTheSettingsParametersUndoesAPreviewOfOthers() throws Exception {
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = deskWatching(context, AAPL)) {
            WorkstationSession workstation = desk.workstation();
            MarketSession running = Poll.until(workstation::market, PATIENCE);
            workstation.indicatorsPreviewed(SHORT);
            Poll.untilTrue(() -> running.indicators().equals(SHORT), PATIENCE); // on the control thread
            assertThat(running.indicators()).isEqualTo(SHORT);

            // OK pressed before the typing pause previewed the defaults typed back: the settings kept their parameters.
            ok(desk, desk.settings());
            Poll.untilTrue(() -> running.indicators().equals(IndicatorParameters.DEFAULTS), PATIENCE);
            assertThat(running.indicators()).as("the quotes' parameters").isEqualTo(IndicatorParameters.DEFAULTS);
            assertThat(workstation.market()).isSameAs(running);
        }
    }

    @Test
    void okStartsANewSessionWhenTheRunningOneStoppedOnARejectedKeyThoughNothingChanged() throws Exception {
        AtomicBoolean keyRejected = new AtomicBoolean(true);
        try (MockWebServer alpaca = new MockWebServer()) {
            alpaca.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return keyRejected.get()
                            ? new MockResponse.Builder().code(401).body("{\"message\":\"unauthorized.\"}").build()
                            : new MockResponse.Builder().code(200).body("{\"bars\":{},\"next_page_token\":null}").build();
                }
            });
            alpaca.start(0);
            Settings onAlpaca = Settings.DEFAULTS.withConnection(ProviderKind.ALPACA,
                    new AlpacaSettings(Secret.of("test-key"), Secret.of("test-secret"), alpaca.url("/").toString(), "iex"))
                    .withWatchlist(List.of(AAPL));
            try (AppContext context = TestContexts.in(dir);
                    TradeDesk desk = new TradeDesk(context, onAlpaca)) {
                desk.prepareWorkstation();
                WorkstationSession workstation = desk.workstation();
                MarketSession stopped = Poll.until(workstation::market, PATIENCE);
                Poll.untilTrue(stopped::stopped, PATIENCE);

                keyRejected.set(false); // the key was fixed on Alpaca's side, or its refusal passed
                ok(desk, desk.settings());
                MarketSession restarted =
                        Poll.until(() -> workstation.market() == stopped ? null : workstation.market(), PATIENCE);
                int answeredBefore = alpaca.getRequestCount();
                Poll.untilTrue(() -> alpaca.getRequestCount() > answeredBefore + 2, PATIENCE);
                assertThat(restarted.stopped()).as("the new session polls on").isFalse();

                ok(desk, desk.settings());
                Thread.sleep(1_500);
                assertThat(workstation.market()).as("OK with nothing changed keeps a running session").isSameAs(restarted);
            }
        }
    }

    @Test
    void aNewSimulatorSpeedStillStartsANewSessionWithTheNewParameters() throws Exception {
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = deskWatching(context, AAPL)) {
            WorkstationSession workstation = desk.workstation();
            MarketSession running = Poll.until(workstation::market, PATIENCE);
            Settings before = desk.settings();

            ok(desk, new Settings(before.watchlists(), before.timeframe(), before.provider(), before.alpaca(), SHORT,
                    before.theme(), before.timeZone(), before.simulator().withSpeed(2)));
            MarketSession restarted =
                    Poll.until(() -> workstation.market() == running ? null : workstation.market(), PATIENCE);
            assertThat(restarted.indicators()).isEqualTo(SHORT);
        }
    }

    @Test
    void whatTheOldSessionPublishesAfterTheWindowLeftItNeverReachesTheWindowAndTheNewSessionsUpdatesDo() throws Exception {
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = deskWatching(context, AAPL)) {
            WorkstationSession workstation = desk.workstation();
            MarketSession running = Poll.until(workstation::market, PATIENCE);
            firstQuoteWithItsBars(workstation.handOff(), AAPL);

            // The window's half of OK: from now on it shows the next session. The old one streams on
            // until the control thread stops it; here, for a few of its one-second cycles.
            workstation.handOff().endSession();
            Thread.sleep(3_000);
            assertThat(workstation.handOff().take()).as("what the old session published after the switch").isNull();

            ok(desk, atTwiceTheSpeed(desk.settings()));
            Poll.until(() -> workstation.market() == running ? null : workstation.market(), PATIENCE);
            assertThat(firstQuoteWithItsBars(workstation.handOff(), AAPL).quote().symbol())
                    .as("the new session's quotes reach the window").isEqualTo(AAPL);
        }
    }

    @Test
    void aSessionTheWindowLeftBeforeTheControlThreadStartedItNeverReachesTheWindow() throws Exception {
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = new TradeDesk(context, Settings.DEFAULTS.withWatchlist(List.of(AAPL)));
                ManagedExecutors executors = new ManagedExecutors(Duration.ofSeconds(5))) {
            ExecutorService control = executors.singleThread("test-control");
            // No store opens: each session then says so at once, on the control thread, in a
            // connection state that names its provider.
            try (WorkstationSession workstation = new WorkstationSession(desk, provider -> {
                throw new IllegalStateException("no history store in this test");
            }, control, executors.singleThread("test-loader"), executors.singleThread("test-import"),
                    executors.scheduled("test-metrics"),
                    WorkspaceStore.besideSettings(dir.resolve("settings.json")))) {
                MarketHandOff handOff = workstation.handOff();
                control.submit(() -> { }).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(handOff.take().connection().provider()).isEqualTo(ProviderKind.SIM);

                // OK switches to Binance, then to Coinbase, while the control thread is busy: Binance's
                // session starts after the window has moved on to Coinbase.
                CountDownLatch busy = new CountDownLatch(1);
                CountDownLatch binanceDone = new CountDownLatch(1);
                CountDownLatch coinbaseMayStart = new CountDownLatch(1);
                control.execute(() -> awaitQuietly(busy));
                okInTheWindow(desk, workstation, ProviderKind.BINANCE);
                control.execute(() -> {
                    binanceDone.countDown();
                    awaitQuietly(coinbaseMayStart);
                });
                okInTheWindow(desk, workstation, ProviderKind.COINBASE);
                busy.countDown();
                assertThat(binanceDone.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
                assertThat(handOff.take()).as("what Binance's session published under Coinbase's name").isNull();

                coinbaseMayStart.countDown();
                control.submit(() -> { }).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(handOff.take().connection().provider()).isEqualTo(ProviderKind.COINBASE);
            }
        }
    }

    /** OK switching to {@code provider} as the window applies it: its session ended, then the market side. */
    private static void okInTheWindow(TradeDesk desk, WorkstationSession workstation, ProviderKind provider) {
        Settings before = desk.settings();
        Settings after = before.withConnection(provider, before.alpaca());
        desk.updateSettings(settings -> after);
        workstation.settingsApplier().applyToMarket(before, after);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aNewSessionOfTheSameProviderLetsTheOldOnesLastUpdatesThrough() throws Exception {
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = deskWatching(context, AAPL)) {
            WorkstationSession workstation = desk.workstation();
            MarketSession running = Poll.until(workstation::market, PATIENCE);
            firstQuoteWithItsBars(workstation.handOff(), AAPL);
            // Not taken, as by a window busy for a few of the session's one-second cycles: a bar the
            // old session closed now is one the chart has to get, since the new one does not say it again.
            Thread.sleep(2_500);

            ok(desk, atTwiceTheSpeed(desk.settings()));
            assertThat(workstation.handOff().take()).as("what the simulator's session published before OK").isNotNull();
            Poll.until(() -> workstation.market() == running ? null : workstation.market(), PATIENCE);
        }
    }

    private static Settings atTwiceTheSpeed(Settings settings) {
        return new Settings(settings.watchlists(), settings.timeframe(), settings.provider(), settings.alpaca(),
                settings.indicators(), settings.theme(), settings.timeZone(), settings.simulator().withSpeed(2));
    }

    private record QuoteWithBars(Quote quote, List<Bar> closed, Bar forming) {
    }

    /** Takes updates as the window would until one quotes {@code symbol}; the bars it had then, the engine's. */
    private static QuoteWithBars firstQuoteWithItsBars(MarketHandOff handOff, Symbol symbol) throws InterruptedException {
        List<Bar> closed = new ArrayList<>();
        Bar forming = null;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            MarketUpdate update = handOff.take();
            if (update == null) {
                Thread.sleep(20);
                continue;
            }
            closed.addAll(update.closedBars().getOrDefault(symbol, List.of()));
            forming = update.formingBars().getOrDefault(symbol, forming);
            Quote quote = update.quotes().get(symbol);
            if (quote != null) {
                return new QuoteWithBars(quote, closed, forming);
            }
        }
        throw new AssertionError("no quote of " + symbol + " within " + PATIENCE);
    }

    private static void assertQuoteComputedWith(IndicatorParameters parameters, QuoteWithBars seen) {
        Quote quote = seen.quote();
        IndicatorSeries expected = new IndicatorSeries(new SeriesKey(quote.symbol(), Timeframe.ONE_MINUTE), parameters,
                LivePipeline.LIVE_CAPACITY);
        seen.closed().forEach(expected::append);
        if (seen.forming() != null && (expected.size() == 0 || seen.forming().time() > expected.time(expected.size() - 1))) {
            expected.update(seen.forming());
        }
        long last = expected.size() - 1;
        assertThat(quote.time()).as("the quote's bar is the last one published").isEqualTo(expected.time(last));
        assertThat(quote.rsi()).isNotNaN().isEqualTo(expected.value(Indicator.RSI, last));
        // Boxed, so that a value still warming up (NaN in both) compares equal; RSI above is never NaN.
        assertThat(quote.stochK()).as("%K").isEqualTo(Double.valueOf(expected.value(Indicator.STOCH_K, last)));
        assertThat(quote.bandLower()).as("lower band")
                .isEqualTo(Double.valueOf(expected.value(Indicator.BAND_LOWER, last)));
        assertThat(quote.bandUpper()).as("upper band")
                .isEqualTo(Double.valueOf(expected.value(Indicator.BAND_UPPER, last)));
        long lastClosed = expected.hasFormingBar() ? last - 1 : last;
        assertThat(quote.relativeVolume()).as("relative volume, of the last closed bar")
                .isEqualTo(Double.valueOf(expected.value(Indicator.RELATIVE_VOLUME, lastClosed)));
    }
}
