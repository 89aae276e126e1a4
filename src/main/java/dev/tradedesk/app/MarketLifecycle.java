package dev.tradedesk.app;

import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreException;
import dev.tradedesk.ui.live.MarketHandOff;
import dev.tradedesk.ui.live.MarketUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's market session from start to stop: opens the history store the session records
 * into, starts the session, replaces it when the settings ask for another provider, connection or
 * simulator speed (switching to the other history when they switch between the simulator and a
 * real provider), hands it the watchlist's edits and other indicator parameters, and stops it.
 * A history that another process holds open (another window, a {@code record} command) is tried
 * again every {@link #REOPEN_PERIOD} until it opens, and the session starts then.
 *
 * <p>Thread-safety: {@link #restart}, {@link #watchLatestList} and {@link #useIndicators} run on
 * the workstation's control thread (one at a time, in the order queued), which also opens the
 * first store ({@link #start}); {@link #askRestart} is called where the restart is asked for (the
 * JavaFX thread, at OK) and returns the restart to queue; {@link #chartShowing}, {@link #market},
 * the store's accessors and the read cache's switch may be called from any thread, and never wait
 * but {@link #openedStore}. {@link #close} may be called from any thread and waits for a restart in
 * progress.
 */
final class MarketLifecycle implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MarketLifecycle.class);
    /** How often a history that another process holds open is tried again. */
    static final Duration REOPEN_PERIOD = Duration.ofSeconds(5);

    private final TradeDesk desk;
    private final Function<ProviderKind, HistoryStore> stores;
    private final Executor control;
    private final MarketHandOff handOff;
    private final PipelineMetrics pipeline;
    private final StartHold startHold;
    private final Runnable historySwitched;
    /**
     * The history the session's provider records into: the simulated exchange's or the real
     * providers' ({@link AppPaths#simulatedHistoryDir}). Replaced on the control thread when the settings
     * switch between the two. Control thread.
     */
    private CompletableFuture<HistoryStore> history;
    /**
     * The history the chart reads: {@link #history}, or, from an OK that switches provider until its
     * restart has run, one that completes as the history that restart leaves.
     */
    private final AtomicReference<CompletableFuture<HistoryStore>> store = new AtomicReference<>();
    /** Those of {@link #store}'s waits whose restart has not run yet: failed at close, which no restart follows. */
    private final Queue<CompletableFuture<HistoryStore>> switchesAhead = new ConcurrentLinkedQueue<>();
    private boolean storeSimulated; // control thread
    /** The days the session's market trades in, which its daily bars span: read by the chart's loader. */
    private volatile ZoneId tradingDayZone;
    private volatile boolean readCacheWanted = true;
    private final Object lifecycle = new Object();
    private volatile MarketSession market;
    private volatile Symbol chartSymbol;
    private boolean closed; // guarded by lifecycle
    /** Restarts so far: a reopen waiting since an earlier one gives way to the later one. Guarded by lifecycle. */
    private int restarts;
    /** The parameters last asked for, kept while no session runs, for the one a reopen starts. Control thread. */
    private IndicatorParameters indicators;
    private final Executor reopenLater;
    private final CompletableFuture<Void> reopened = new CompletableFuture<>();

    /**
     * @param control         the workstation's control thread
     * @param startHold       released once the first live frame is shown: backfill and the read
     *                        cache wait for it
     * @param historySwitched told on the control thread when a restart switched history, or the
     *                        trading days bars are built over, so that what shows the old history
     *                        reloads
     */
    MarketLifecycle(TradeDesk desk, Function<ProviderKind, HistoryStore> stores, Executor control, MarketHandOff handOff,
            PipelineMetrics pipeline, StartHold startHold, Runnable historySwitched) {
        this.desk = desk;
        this.stores = stores;
        this.control = control;
        this.handOff = handOff;
        this.pipeline = pipeline;
        this.startHold = startHold;
        this.historySwitched = historySwitched;
        this.reopenLater = CompletableFuture.delayedExecutor(REOPEN_PERIOD.toMillis(), TimeUnit.MILLISECONDS, control);
    }

    /**
     * Opens the history store and starts the session for the settings in effect, on the control
     * thread; returns at once. The store's read cache starts once the first live frame is shown:
     * until then the chart's reads go to the database, as Ehcache's cold start is CPU the first
     * frame needs. Call once.
     */
    void start() {
        Settings settings = desk.settings();
        storeSimulated = settings.provider() == ProviderKind.SIM;
        tradingDayZone = settings.provider().tradingDayZone();
        CompletableFuture<HistoryStore> first =
                CompletableFuture.supplyAsync(() -> stores.apply(settings.provider()), control);
        history = first;
        store.set(first);
        Consumer<MarketUpdate> publisher = handOff.publisherForSession();
        control.execute(() -> restart(settings, publisher));
        startHold.released().thenCompose(shown -> first).thenAcceptAsync(HistoryStore::startReadCache, control);
    }

    /**
     * The store the chart reads, waiting for it to open, and for the restart of a provider switch
     * asked for ({@link #askRestart}) to have switched it; throws what kept it from opening (its own
     * exception, not the future's wrapper, so that the message is the store's). Not on the JavaFX thread.
     */
    HistoryStore openedStore() {
        return opened(store.get());
    }

    private static HistoryStore opened(CompletableFuture<HistoryStore> history) {
        try {
            return history.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /** The store once open; empty while opening or if it could not be opened. */
    Optional<HistoryStore> openStore() {
        CompletableFuture<HistoryStore> store = this.store.get();
        return store.isDone() && !store.isCompletedExceptionally() ? Optional.of(store.join()) : Optional.empty();
    }

    /** Completes when a history another process held was opened after all (control thread). */
    CompletionStage<Void> reopened() {
        return reopened;
    }

    /** The store in use, opened or opening. */
    CompletionStage<HistoryStore> store() {
        return store.get();
    }

    /**
     * The zone whose calendar days the provider's market trades in (ProviderKind#tradingDayZone):
     * what the chart's daily bars span. Any thread.
     */
    ZoneId tradingDayZone() {
        return tradingDayZone;
    }

    /** The running session; {@code null} before it starts, while it restarts, or if it could not start. */
    MarketSession market() {
        return market;
    }

    /**
     * Waits, at most {@code timeout}, until the running session's store writer has stored the bars
     * queued so far (those the UI has been given); at once if no session runs. Not on the JavaFX thread.
     */
    void awaitStoreWrites(Duration timeout) {
        MarketSession current = market;
        if (current != null && !current.awaitStoreWrites(timeout)) {
            log.debug("A history read goes ahead after {} ms with bars still queued for the store", timeout.toMillis());
        }
    }

    /** Whether the running session has stopped for good (its key rejected twice). Any thread. */
    boolean marketStopped() {
        MarketSession current = market;
        return current != null && current.stopped();
    }

    /** The chart shows {@code symbol} (or nothing): this session and the ones started later fetch it first. */
    void chartShowing(Symbol symbol) {
        chartSymbol = symbol;
        MarketSession current = market;
        if (current != null) {
            current.setPriority(symbol);
        }
    }

    /**
     * Control thread: the running session, if any, watches the settings' latest list for its own
     * provider. Read from the settings, not carried by the edit: OK switching provider shows (and
     * saves) the new provider's list before its restart runs, and the session still running for
     * the old provider must not poll that list (the simulator would list its symbols).
     */
    void watchLatestList() {
        MarketSession current = market;
        if (current != null) {
            current.setSymbols(desk.settings().watchlists().of(current.provider()));
        }
    }

    /** Control thread: the running session, if any, computes with {@code parameters} from its next cycle on. */
    void useIndicators(IndicatorParameters parameters) {
        indicators = parameters;
        MarketSession current = market;
        if (current != null) {
            current.useIndicators(parameters);
        }
    }

    /**
     * Where a restart is asked for (the JavaFX thread, at OK): returns the restart, to be queued on
     * the control thread. One that switches provider may switch the history and its trading days
     * too, so from now until it has run the chart's reads wait for it: the chart of the new
     * provider's list, loaded as OK shows that list, is never read from the old history.
     *
     * @param switchesProvider whether the restart is to another provider than the one asked for last
     * @param publisher        the new session's, as for {@link #restart}
     */
    Runnable askRestart(Settings settings, boolean switchesProvider, Consumer<MarketUpdate> publisher) {
        if (!switchesProvider) {
            return () -> restart(settings, publisher);
        }
        CompletableFuture<HistoryStore> switched = new CompletableFuture<>();
        switchesAhead.add(switched);
        store.set(switched);
        return () -> {
            try {
                restart(settings, publisher);
            } finally {
                CompletableFuture<HistoryStore> left = history; // done: each history is opened on this thread
                try {
                    switched.complete(opened(left));
                } catch (RuntimeException failed) {
                    switched.completeExceptionally(failed);
                }
                switchesAhead.remove(switched);
                store.compareAndSet(switched, left); // unless a later OK's switch waits there already
            }
        };
    }

    /**
     * Control thread: replaces the market session, so the JavaFX thread never waits for the old one to stop.
     *
     * @param publisher the new session's, taken from the hand-off when the restart was asked for
     *                  ({@link MarketHandOff#publisherForSession}): taken here, after a later OK had
     *                  ended the session asked for, it would publish as the one the window shows
     */
    void restart(Settings settings, Consumer<MarketUpdate> publisher) {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            restarts++;
            indicators = settings.indicators();
            MarketSession old = market;
            market = null;
            if (old != null) {
                old.close();
            }
            boolean storeSwitched = switchHistory(settings.provider());
            ZoneId days = settings.provider().tradingDayZone();
            boolean daysSwitched = !days.equals(tradingDayZone); // Binance's after Alpaca's: UTC's days, not New York's
            tradingDayZone = days;
            // The list as last edited: an edit made after OK took these settings is saved, not in them.
            market = startMarket(settings.withWatchlist(desk.settings().watchlists().of(settings.provider())), publisher);
            if (storeSwitched || daysSwitched) {
                historySwitched.run();
            }
            if (market != null) {
                log.info("Market data from {}", settings.provider());
            } else if (heldElsewhere(history)) {
                int asked = restarts;
                reopenLater.execute(() -> reopen(asked, settings, publisher));
            }
        }
    }

    /**
     * Control thread: tries again to open the history {@code settings}' provider records into, which
     * another process held, unless a restart came since (it tries for itself); starts the session
     * once it opens, and has the chart read it. Each try that finds it still held is logged at DEBUG
     * only: the first was told as an error, and the status bar says it is tried again.
     */
    private void reopen(int asked, Settings settings, Consumer<MarketUpdate> publisher) {
        synchronized (lifecycle) {
            if (closed || asked != restarts) {
                return;
            }
            HistoryStore opened;
            try {
                opened = stores.apply(settings.provider());
            } catch (StoreException failed) {
                useHistory(CompletableFuture.failedFuture(failed));
                if (failed.inUseElsewhere()) {
                    log.debug("Still in use elsewhere: {}", failed.getMessage());
                    reopenLater.execute(() -> reopen(asked, settings, publisher));
                } else {
                    log.error("Market data not started: {}", failed.getMessage());
                    publisher.accept(MarketUpdate.ofConnection(ConnectionState.stopped(settings.provider(), failed.getMessage())));
                }
                return;
            }
            opened.setReadCacheEnabled(readCacheWanted);
            startHold.released().thenAcceptAsync(shown -> opened.startReadCache(), control);
            useHistory(CompletableFuture.completedFuture(opened));
            log.info("The history database is no longer in use elsewhere: market data starts");
            reopened.complete(null);
            Settings latest = settings.withWatchlist(desk.settings().watchlists().of(settings.provider()))
                    .withIndicators(indicators);
            market = startMarket(latest, publisher);
            historySwitched.run();
            if (market != null) {
                log.info("Market data from {}", settings.provider());
            }
        }
    }

    /** Whether {@code history} could not be opened because another process holds it open. */
    private static boolean heldElsewhere(CompletableFuture<HistoryStore> history) {
        if (!history.isCompletedExceptionally()) {
            return false;
        }
        try {
            history.join();
            return false;
        } catch (CompletionException failed) {
            return failed.getCause() instanceof StoreException cause && cause.inUseElsewhere();
        }
    }

    /** Starts the session for {@code settings}; a configuration problem is shown, not thrown. Control thread. */
    private MarketSession startMarket(Settings settings, Consumer<MarketUpdate> publisher) {
        try {
            MarketSession session = MarketSession.start(MarketSession.Options.from(settings), opened(history), pipeline,
                    publisher, desk.context().host(), Clock.systemUTC(), startHold.released());
            Symbol shown = chartSymbol;
            if (shown != null) {
                session.setPriority(shown);
            }
            return session;
        } catch (RuntimeException cannotStart) {
            log.error("Market data not started: {}", cannotStart.getMessage());
            String reason = cannotStart instanceof StoreException held && held.inUseElsewhere()
                    ? cannotStart.getMessage() + "; tried again every " + REOPEN_PERIOD.toSeconds() + " s"
                    : cannotStart.getMessage();
            publisher.accept(MarketUpdate.ofConnection(ConnectionState.stopped(settings.provider(), reason)));
            return null;
        }
    }

    /**
     * Control thread: makes {@link #store} the history {@code provider} records into; true if that
     * changed. The history left stays open until the app closes (the commands may share it).
     */
    private boolean switchHistory(ProviderKind provider) {
        boolean simulated = provider == ProviderKind.SIM;
        if (simulated == storeSimulated) {
            return false;
        }
        storeSimulated = simulated;
        CompletableFuture<HistoryStore> switched = new CompletableFuture<>();
        try {
            HistoryStore opened = stores.apply(provider);
            opened.setReadCacheEnabled(readCacheWanted);
            opened.startReadCache();
            switched.complete(opened);
        } catch (RuntimeException cannotOpen) {
            switched.completeExceptionally(cannotOpen); // startMarket logs it and shows it
        }
        useHistory(switched);
        // A flip of the read-cache switch between the read above and this assignment went to the
        // history left behind: apply the wish again. Both fields are volatile, so either this read
        // or setReadCache's read of the store sees the other's write.
        switched.thenAccept(opened -> opened.setReadCacheEnabled(readCacheWanted));
        log.info("Bars now go to and come from the {} history", simulated ? "simulated exchange's" : "real providers'");
        return true;
    }

    /** Turns the store's read cache on or off, this store's and the next one's. */
    void setReadCache(boolean enabled) {
        readCacheWanted = enabled;
        store.get().thenAccept(opened -> opened.setReadCacheEnabled(enabled));
    }

    /**
     * Control thread: {@code next} is the history from now on, and the chart's too unless it waits
     * for a provider switch asked for since, whose restart (queued after this) tells it.
     */
    private void useHistory(CompletableFuture<HistoryStore> next) {
        CompletableFuture<HistoryStore> previous = history;
        history = next;
        store.compareAndSet(previous, next);
    }

    boolean readCacheEnabled() {
        return openStore().map(HistoryStore::readCacheEnabled).orElse(true);
    }

    /** Stops the session (the last store write finishes first); no restart starts one after. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
            MarketSession current = market;
            market = null;
            if (current != null) {
                current.close();
            }
            // Their restarts may never run now: a chart read waiting for one gives up.
            for (CompletableFuture<HistoryStore> waiting; (waiting = switchesAhead.poll()) != null; ) {
                waiting.cancel(false);
            }
        }
    }
}
