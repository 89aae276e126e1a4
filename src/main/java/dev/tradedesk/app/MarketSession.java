package dev.tradedesk.app;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.FeedMetrics;
import dev.tradedesk.feed.HttpClients;
import dev.tradedesk.feed.MarketDataProvider;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.PriceScheduler;
import dev.tradedesk.feed.ProviderHttp;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.alpaca.AlpacaProvider;
import dev.tradedesk.feed.binance.BinanceProvider;
import dev.tradedesk.feed.coinbase.CoinbaseProvider;
import dev.tradedesk.feed.sim.SimClock;
import dev.tradedesk.feed.sim.SimFaults;
import dev.tradedesk.feed.sim.SimulatedExchange;
import dev.tradedesk.feed.sim.SimulatedMarket;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.ui.live.MarketUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's live data: the provider (and, for {@code sim}, the simulated exchange it talks
 * to on loopback), the price scheduler on its own thread, the live pipeline into the indicator
 * engine, and the store writer. Used by the workstation and by {@code tradedesk record}. Owns its
 * threads ({@code tradedesk-scheduler-<provider>}, {@code tradedesk-store-writer},
 * {@code tradedesk-http}, {@code tradedesk-sim-http}); {@link #close()} stops them after the last
 * queued store write.
 */
public final class MarketSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MarketSession.class);

    public static final String BINANCE_URL = "https://api.binance.com";
    public static final String COINBASE_URL = "https://api.exchange.coinbase.com";

    /**
     * What to connect to and what to watch.
     *
     * @param lookback         how far back an empty series is backfilled
     * @param interval         time between cycle starts; empty for the provider's default
     * @param simulatedHistory how much history the simulated exchange serves (at least the look-back)
     * @param tuning           timeouts, retries and simulated faults ({@link SessionTuning#DEFAULTS})
     */
    public record Options(ProviderKind provider, List<Symbol> symbols, Timeframe timeframe, IndicatorParameters indicators,
            AlpacaSettings alpaca, SimulatorSettings simulator, Optional<String> baseUrl, Duration lookback,
            Optional<Duration> interval, Duration simulatedHistory, SessionTuning tuning) {

        public Options {
            if (simulatedHistory.compareTo(lookback) < 0) {
                simulatedHistory = lookback.plus(Duration.ofDays(1));
            }
        }

        public Options(ProviderKind provider, List<Symbol> symbols, Timeframe timeframe, IndicatorParameters indicators,
                AlpacaSettings alpaca, SimulatorSettings simulator, Optional<String> baseUrl, Duration lookback,
                Optional<Duration> interval, Duration simulatedHistory) {
            this(provider, symbols, timeframe, indicators, alpaca, simulator, baseUrl, lookback, interval, simulatedHistory,
                    SessionTuning.DEFAULTS);
        }

        public static Options from(Settings settings) {
            Duration lookback = PriceScheduler.Config.defaults(Timeframe.ONE_MINUTE).lookback();
            return new Options(settings.provider(), settings.watchlist(), Timeframe.ONE_MINUTE, settings.indicators(),
                    settings.alpaca(), settings.simulator(), Optional.empty(), lookback, Optional.empty(),
                    Duration.ofDays(settings.simulator().historyDays()));
        }
    }

    private final ProviderKind kind;
    private final ManagedExecutors executors;
    private final OkHttpClient http;
    private final SimulatedExchange exchange;
    private final MarketDataProvider provider;
    private final PriceScheduler scheduler;
    private final StoreWriter storeWriter;
    private final FeedMetrics feedMetrics;
    private final LivePipeline live;

    private MarketSession(ProviderKind kind, ManagedExecutors executors, OkHttpClient http, SimulatedExchange exchange,
            MarketDataProvider provider, PriceScheduler scheduler, StoreWriter storeWriter, FeedMetrics feedMetrics,
            LivePipeline live) {
        this.kind = kind;
        this.executors = executors;
        this.http = http;
        this.exchange = exchange;
        this.provider = provider;
        this.scheduler = scheduler;
        this.storeWriter = storeWriter;
        this.feedMetrics = feedMetrics;
        this.live = live;
    }

    /**
     * Connects and starts the first cycle.
     *
     * @param publisher receives market updates for the UI (may discard them, as {@code record} does)
     * @throws IllegalArgumentException if the provider cannot be configured (no Alpaca key, bad URL)
     */
    public static MarketSession start(Options options, HistoryStore store, PipelineMetrics pipeline,
            Consumer<MarketUpdate> publisher, HostEnvironment host, Clock wallClock) {
        return start(options, store, pipeline, publisher, host, wallClock, CompletableFuture.completedFuture(null));
    }

    /**
     * As {@link #start(Options, HistoryStore, PipelineMetrics, Consumer, HostEnvironment, Clock)},
     * with backfill and repair held back until {@code historyGate} completes (live bars stream at once).
     */
    public static MarketSession start(Options options, HistoryStore store, PipelineMetrics pipeline,
            Consumer<MarketUpdate> publisher, HostEnvironment host, Clock wallClock, CompletionStage<?> historyGate) {
        ManagedExecutors executors = new ManagedExecutors(Duration.ofSeconds(10));
        try {
            SessionTuning tuning = options.tuning();
            OkHttpClient http = httpClient(options.provider(), executors.cachedPool("http"), tuning.readTimeout());
            FeedMetrics feedMetrics = new FeedMetrics(options.provider());
            SimulatedExchange exchange = null;
            Clock marketClock = wallClock;
            MarketDataProvider provider;
            if (options.provider() == ProviderKind.SIM) {
                Instant now = wallClock.instant();
                SimClock simClock = tuning.simClockAnchor()
                        .map(anchor -> new SimClock(wallClock, anchor, anchor, options.simulator().speed()))
                        .orElseGet(() -> new SimClock(wallClock, now, continuedSimulatedTime(store, now),
                                options.simulator().speed()));
                Instant historyStart = SimulatedHistoryStart.resolve(store, options.symbols(), options.simulator().seed(),
                        options.simulatedHistory(), simClock.millis());
                SimulatedMarket market = new SimulatedMarket(options.simulator().seed(), historyStart, simClock,
                        options.symbols(), true);
                exchange = startExchange(market, executors, tuning.faults());
                marketClock = simClock.asClock();
                provider = new AlpacaProvider(httpFor(http, ProviderKind.SIM, ProviderHttp.Access.KEYED, feedMetrics, pipeline,
                        marketClock), HttpUrl.get(exchange.baseUrl().toString()), Secret.empty(), Secret.empty(), "iex",
                        ProviderKind.SIM);
            } else {
                provider = realProvider(options, http, feedMetrics, pipeline, host, wallClock);
            }
            StoreWriter storeWriter = new StoreWriter(store, executors.singleThread("store-writer"), pipeline, marketClock,
                    publisher);
            LivePipeline live = new LivePipeline(options.indicators(), storeWriter,
                    (series, count) -> recentBars(store, series, count), publisher, pipeline,
                    options.provider().tradingDayZone());
            PriceScheduler.Config config = schedulerConfig(options);
            PriceScheduler scheduler = new PriceScheduler(provider, executors.scheduled("scheduler-" + options.provider().label()),
                    new StoreBarHistory(store), live, marketClock, wallClock, tuning.backoff(), pipeline, feedMetrics, config,
                    options.symbols());
            scheduler.holdHistoryUntil(historyGate);
            scheduler.start();
            return new MarketSession(options.provider(), executors, http, exchange, provider, scheduler, storeWriter,
                    feedMetrics, live);
        } catch (RuntimeException failure) {
            executors.close();
            throw failure;
        }
    }

    /**
     * Where a simulated clock starting now begins: now, or, when stored simulated bars run ahead of
     * the wall clock (an earlier session ran faster than real time), just after the newest of them,
     * so the simulated timeline goes on where it stopped. Started at the wall clock, the exchange
     * would serve only bars older than those stored until the clock caught up: nothing new recorded,
     * the watchlist empty, for as long as the earlier session had run ahead. Every series stored
     * counts, not only the session's: one recorded ahead on its own ({@code record --symbols IBM
     * --speed 600}) and added to the watchlist later stayed empty, its chart frozen, while the status
     * said live. "Just after" is a minute, the shortest bar, past the newest open: a minute bar's
     * end; a longer bar is still forming then, and its end (tomorrow, for today's daily bar stored at
     * real time) would move ahead a timeline that never ran ahead.
     */
    static Instant continuedSimulatedTime(HistoryStore store, Instant now) {
        long continued = now.toEpochMilli();
        for (SeriesKey series : store.seriesKeys()) {
            OptionalLong last = store.lastTime(series);
            if (last.isPresent()) {
                continued = Math.max(continued, last.getAsLong() + Timeframe.ONE_MINUTE.millis());
            }
        }
        if (continued == now.toEpochMilli()) {
            return now;
        }
        log.info("Simulated time goes on at {}, after the newest stored simulated bar ({} ahead of the wall clock)",
                Instant.ofEpochMilli(continued), Duration.ofMillis(continued - now.toEpochMilli()).truncatedTo(ChronoUnit.SECONDS));
        return Instant.ofEpochMilli(continued);
    }

    /** The simulated exchange answers in plain HTTP on this machine: its session's client sets up no TLS. */
    static OkHttpClient httpClient(ProviderKind provider, ExecutorService dispatcherThreads, Duration readTimeout) {
        return provider == ProviderKind.SIM ? HttpClients.createCleartext(dispatcherThreads, readTimeout)
                : HttpClients.create(dispatcherThreads, readTimeout);
    }

    private static SimulatedExchange startExchange(SimulatedMarket market, ManagedExecutors executors, SimFaults faults) {
        try {
            // Stalls hold a thread each: with faults on, keep threads to spare for the other requests.
            return SimulatedExchange.start(market, 0, executors.fixedPool("sim-http", faults.active() ? 12 : 4), faults);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated exchange on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static MarketDataProvider realProvider(Options options, OkHttpClient http, FeedMetrics metrics,
            PipelineMetrics pipeline, HostEnvironment host, Clock clock) {
        return switch (options.provider()) {
            case ALPACA -> {
                Secret keyId = options.alpaca().keyId().isPresent() ? options.alpaca().keyId()
                        : Secret.of(host.variable(AppContext.ALPACA_KEY_ID_VARIABLE).orElse(""));
                Secret secret = options.alpaca().secretKey().isPresent() ? options.alpaca().secretKey()
                        : Secret.of(host.variable(AppContext.ALPACA_SECRET_VARIABLE).orElse(""));
                if (!keyId.isPresent() || !secret.isPresent()) {
                    throw new IllegalArgumentException("Alpaca needs an API key: enter it in Settings, or set "
                            + AppContext.ALPACA_KEY_ID_VARIABLE + " and " + AppContext.ALPACA_SECRET_VARIABLE);
                }
                yield new AlpacaProvider(httpFor(http, ProviderKind.ALPACA, ProviderHttp.Access.KEYED, metrics, pipeline, clock),
                        url(options.baseUrl().orElse(options.alpaca().baseUrl())), keyId, secret, options.alpaca().feed());
            }
            case BINANCE -> new BinanceProvider(httpFor(http, ProviderKind.BINANCE, ProviderHttp.Access.PUBLIC, metrics, pipeline, clock),
                    url(options.baseUrl().orElse(BINANCE_URL)));
            case COINBASE -> new CoinbaseProvider(httpFor(http, ProviderKind.COINBASE, ProviderHttp.Access.PUBLIC, metrics, pipeline, clock),
                    url(options.baseUrl().orElse(COINBASE_URL)));
            case SIM -> throw new IllegalStateException("the simulated exchange is started by the session itself");
        };
    }

    private static ProviderHttp httpFor(OkHttpClient http, ProviderKind kind, ProviderHttp.Access access, FeedMetrics metrics,
            PipelineMetrics pipeline, Clock clock) {
        return new ProviderHttp(http, kind.displayName(), access, metrics, pipeline, clock);
    }

    private static HttpUrl url(String text) {
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + text);
        }
        return url;
    }

    /** Public endpoints without a multi-symbol call pay per symbol: keep within their request budgets. */
    private static PriceScheduler.Config schedulerConfig(Options options) {
        PriceScheduler.Config defaults = PriceScheduler.Config.defaults(options.timeframe());
        double perSecond = switch (options.provider()) {
            case COINBASE -> 8;
            case BINANCE -> 20;
            default -> Double.POSITIVE_INFINITY;
        };
        Duration interval = options.interval().orElse(Duration.ofMillis((long) Math.max(defaults.interval().toMillis(),
                1000 * options.symbols().size() / perSecond)));
        // The simulated exchange's clock is the market clock: a bar is final on the server the moment it ends here.
        Duration settle = options.provider() == ProviderKind.SIM ? Duration.ZERO : PriceScheduler.Config.DEFAULT_SETTLE;
        return new PriceScheduler.Config(defaults.timeframe(), interval, defaults.minGap(), options.lookback(),
                defaults.windowBars(), settle);
    }

    private static BarColumns recentBars(HistoryStore store, dev.tradedesk.core.SeriesKey series, int count) {
        BarColumns bars = new BarColumns(0);
        store.latest(series, count).appendTo(bars);
        return bars;
    }

    /**
     * The indicator parameters to compute the quotes with from the next cycle on, for the series
     * held and those seen later: the settings dialog's preview (or its initial parameters again on
     * Cancel), or the settings' own after OK, which need no new session. Returns at once; any thread.
     */
    public void useIndicators(IndicatorParameters parameters) {
        live.useIndicators(parameters);
    }

    /** The indicator parameters last asked for by {@link #useIndicators} or the options; any thread. */
    public IndicatorParameters indicators() {
        return live.indicators();
    }

    /** The symbol on screen: backfilled and made live before the others. */
    public void setPriority(Symbol symbol) {
        scheduler.setPriority(symbol);
    }

    /** Watches these symbols from the next cycle on; the simulated exchange lists any it did not. */
    public void setSymbols(List<Symbol> symbols) {
        if (exchange != null) {
            symbols.forEach(exchange.market()::list);
        }
        scheduler.setSymbols(symbols);
    }

    /** The symbols watched from the next cycle on; any thread. */
    public List<Symbol> symbols() {
        return scheduler.symbols();
    }

    /** The provider chosen ({@code sim} even though the simulated exchange speaks Alpaca's API). */
    public ProviderKind provider() {
        return kind;
    }

    public FeedMetrics feedMetrics() {
        return feedMetrics;
    }

    /** Whether the scheduler has stopped for good (the provider rejected the API key twice in a row). */
    public boolean stopped() {
        return scheduler.state().status() == ConnectionState.Status.STOPPED;
    }

    /** {@link StoreWriter#awaitQueued}: waits, at most {@code timeout}, for the bars queued for the store so far. */
    boolean awaitStoreWrites(Duration timeout) {
        return storeWriter.awaitQueued(timeout);
    }

    /**
     * Bars written per symbol since start, a bar the store already held counted again each time it
     * is written again (a repair pass, an overlapping fetch): the store's MERGE does not say which.
     */
    public Map<Symbol, Long> writtenBySymbol() {
        return storeWriter.writtenBySymbol();
    }

    public long storeFailures() {
        return storeWriter.failures();
    }

    /** The simulated exchange, when the provider is {@code sim}. */
    public Optional<SimulatedExchange> simulatedExchange() {
        return Optional.ofNullable(exchange);
    }

    /** Stops the scheduler, lets queued store writes finish, and stops every thread of the session. */
    @Override
    public void close() {
        scheduler.close();
        // No call starts once the session closes: a history page's answer still asks for the next
        // page, from OkHttp's thread, which against the closing simulated exchange would fail and
        // be told as the provider's failure. Refused by the shut-down threads, it counts as given up.
        http.dispatcher().executorService().shutdown();
        HttpClients.close(http);
        if (exchange != null) {
            exchange.close();
        }
        executors.close();
    }
}
