package dev.tradedesk.app;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorPipeline;
import dev.tradedesk.core.IndicatorSeries;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.BackfillProgress;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.CycleBatch;
import dev.tradedesk.feed.MarketDataListener;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.PipelineStage;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.live.Quote;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the scheduler's batches go: every closed bar into the series' indicator engine and, in one
 * batched write per cycle, into the store; every forming bar into the engine's forming-bar path;
 * and one {@link MarketUpdate} per batch to the UI (quotes with indicator values, the closed and
 * forming bars, problems). A series is warmed from stored history the first time it is seen.
 *
 * <p>Other indicator parameters ({@link #useIndicators}: the settings dialog's preview, or the
 * settings' own after OK) reach the next batch: every series' engine is computed again over the
 * bars it holds (after the stored ones before them, when the new warm-up is longer than its ring),
 * series seen later are built with them, and the batch quotes every series, so the watchlist's %K
 * and its bands follow the chart's.
 *
 * <p>Runs on the scheduler thread (one call at a time); owns the live {@link IndicatorSeries}.
 * {@link #useIndicators} and {@link #indicators} may be called from any thread. The store writer
 * and the publisher must not block.
 */
final class LivePipeline implements MarketDataListener {

    private static final Logger log = LoggerFactory.getLogger(LivePipeline.class);

    /**
     * Bars kept per live series, and read from the store to warm it: 34 hours of minutes, a whole
     * New York day for the session's change whatever the hour, and ample for the indicators to
     * converge (replayed over them after new parameters, an RSI of period 14 keeps a weight of
     * e^-152 on where the replay began; of period 100, e^-20). Not 4,096: its ring, 4,096 rows of
     * 16 doubles, is 512 KB plus the array's header, which G1 (1 MB regions at a heap of 1 GB)
     * stores as a humongous object in a region of its own, 1 MB a symbol (651 MB after a full GC
     * with 500 symbols, 410 MB of it live objects). 2,048 rows are 256 KB, allocated as any other.
     */
    static final int LIVE_CAPACITY = 2_048;
    /**
     * A new symbol's problem while the store cannot say where its history ends or record its tracking
     * start (a full disk), followed by the store's reason; cleared once the store answers for it.
     */
    static final String WAITING_FOR_STORE = "Waiting for the history store; its history and prices follow once it answers."
            + " The store says: ";
    /**
     * Receives one cycle's closed bars of every series and the ranges they complete, to store in
     * one transaction; returns at once (the write happens on its own thread).
     */
    interface ClosedBarWriter {
        void write(Map<SeriesKey, BarColumns> batch, Map<SeriesKey, List<TimeRange>> covered);

        /**
         * Writes repaired bars (older than the newest stored); a writer that can tell the UI once
         * they are stored, so that a chart of them reloads, does. By default, like any batch.
         */
        default void writeRepair(Map<SeriesKey, BarColumns> batch, Map<SeriesKey, List<TimeRange>> covered) {
            write(batch, covered);
        }
    }

    /** Reads the most recent stored bars of a series, oldest first, to warm its indicators. */
    interface HistoryLoader {
        BarColumns recentBars(SeriesKey series, int count);
    }

    /** The parameters the engines compute with; scheduler thread only. */
    private IndicatorParameters parameters;
    /** The parameters asked for, by the settings or the settings dialog's preview. */
    private volatile IndicatorParameters requested;
    private final ClosedBarWriter store;
    private final HistoryLoader history;
    private final Consumer<MarketUpdate> publisher;
    private final PipelineMetrics pipeline;
    /** A session is a calendar day in this zone, the market's trading day, which a daily bar spans. */
    private final ZoneId sessionZone;
    private final Map<Symbol, LiveSeries> series = new HashMap<>();

    /** One symbol's live state: its engine and where its session opened (a day of the pipeline's {@link #sessionZone}). */
    private final class LiveSeries {
        final SeriesKey key;
        IndicatorSeries engine;
        long sessionStart = Long.MIN_VALUE;
        /** Where the next session starts: until then a bar needs no calendar arithmetic. */
        long sessionEnd = Long.MIN_VALUE;
        double sessionOpen = Double.NaN;

        LiveSeries(SeriesKey key, IndicatorSeries engine) {
            this.key = key;
            this.engine = engine;
        }

        long lastClosedTime() {
            long closed = engine.hasFormingBar() ? engine.size() - 1 : engine.size();
            return closed == 0 ? Long.MIN_VALUE : engine.time(closed - 1);
        }

        void trackSession(long time, double open) {
            if (time >= sessionStart && time < sessionEnd) {
                return; // same session: the usual case, on every tick
            }
            long start = BarAggregator.dayStartOf(time, sessionZone);
            if (start > sessionStart) {
                sessionStart = start;
                sessionEnd = BarAggregator.nextDayStartOf(time, sessionZone);
                sessionOpen = open;
            }
        }
    }

    /** @param sessionZone the zone whose calendar days are the market's sessions: its trading day */
    LivePipeline(IndicatorParameters parameters, ClosedBarWriter store, HistoryLoader history,
            Consumer<MarketUpdate> publisher, PipelineMetrics pipeline, ZoneId sessionZone) {
        this.parameters = parameters;
        this.sessionZone = Objects.requireNonNull(sessionZone, "sessionZone");
        this.requested = parameters;
        this.store = store;
        this.history = history;
        this.publisher = publisher;
        this.pipeline = pipeline;
    }

    /**
     * Computes the indicators with {@code asked} from the next batch on: the settings dialog's live
     * preview, its initial parameters again on Cancel, or the settings' parameters after OK; any
     * thread. The last call wins, and holds for every series seen later too.
     */
    void useIndicators(IndicatorParameters asked) {
        requested = Objects.requireNonNull(asked);
    }

    /** The parameters last asked for (the next batch computes with them); any thread. */
    IndicatorParameters indicators() {
        return requested;
    }

    @Override
    public void onBatch(CycleBatch batch) {
        long started = System.nanoTime();
        boolean recomputed = recomputeIfAsked();
        if (batch.responseNanos() != Long.MAX_VALUE) {
            pipeline.record(PipelineStage.TICK_TO_ENGINE, started - batch.responseNanos());
        }
        Map<Symbol, List<Bar>> closedForUi = new HashMap<>();
        Map<SeriesKey, BarColumns> toStore = new HashMap<>();
        batch.closed().forEach((symbol, bars) -> {
            LiveSeries live = seriesFor(symbol, batch.timeframe());
            BarColumns fresh = appendClosed(live, bars, closedForUi, symbol);
            if (!fresh.isEmpty()) {
                toStore.put(live.key, fresh);
            }
        });
        Map<SeriesKey, List<TimeRange>> covered = batch.covered().isEmpty() ? Map.of() : new HashMap<>();
        batch.covered().forEach((symbol, range) -> covered.put(new SeriesKey(symbol, batch.timeframe()), List.of(range)));
        if (!toStore.isEmpty() || !covered.isEmpty()) {
            store.write(toStore, covered);
        }
        Map<Symbol, Bar> formingForUi = new HashMap<>();
        batch.forming().forEach((symbol, bar) -> {
            LiveSeries live = seriesFor(symbol, batch.timeframe());
            if (bar.time() > live.lastClosedTime()) {
                live.engine.update(bar);
                live.trackSession(bar.time(), bar.open());
                formingForUi.put(symbol, bar);
            }
        });
        long computed = System.nanoTime();
        pipeline.record(PipelineStage.INDICATORS, computed - started);

        Map<Symbol, Quote> quotes = new HashMap<>();
        // A backfill window short of the live edge would show an hours-old price as the last one.
        for (Symbol symbol : closedForUi.keySet()) {
            if (!batch.behind().contains(symbol)) {
                quotes.put(symbol, quoteOf(symbol, series.get(symbol)));
            }
        }
        formingForUi.keySet().forEach(symbol -> quotes.computeIfAbsent(symbol, key -> quoteOf(key, series.get(key))));
        if (recomputed) {
            // Series without news this cycle too: their %K and bands changed with the parameters.
            series.forEach((symbol, live) -> {
                if (live.engine.size() > 0 && !batch.behind().contains(symbol)) {
                    quotes.computeIfAbsent(symbol, key -> quoteOf(key, live));
                }
            });
        }
        Map<Symbol, String> problems = problemsOf(batch);
        // A symbol the store answered for waits for it no more, though its first price may be a backfill away (or never
        // come, if the provider fails), and one the provider answered for again is past its failure: its row stops
        // saying so now, not at that price.
        Set<Symbol> problemsOver = problemsOverIn(batch);
        if (!quotes.isEmpty() || !problems.isEmpty() || !closedForUi.isEmpty() || !problemsOver.isEmpty()) {
            publisher.accept(new MarketUpdate(quotes, closedForUi, formingForUi, problems, null, null, batch.responseNanos(),
                    Map.of(), System.nanoTime(), Set.of(), problemsOver));
        }
        pipeline.record(PipelineStage.PUBLISH, System.nanoTime() - computed);
    }

    private static Set<Symbol> problemsOverIn(CycleBatch batch) {
        if (batch.answeredAgain().isEmpty()) {
            return batch.storeAnswered();
        }
        if (batch.storeAnswered().isEmpty()) {
            return batch.answeredAgain();
        }
        Set<Symbol> over = new HashSet<>(batch.storeAnswered());
        over.addAll(batch.answeredAgain());
        return over;
    }

    /**
     * Why symbols of {@code batch} have no live values, in the watchlist's words. A symbol waiting
     * for the store may have no latest bar either: the wait is certain, while "unknown symbol?" is a
     * guess; a failure the provider reported says more than either.
     */
    private static Map<Symbol, String> problemsOf(CycleBatch batch) {
        if (batch.withoutData().isEmpty() && batch.failures().isEmpty() && batch.waitingForStore().isEmpty()) {
            return Map.of();
        }
        Map<Symbol, String> problems = new HashMap<>();
        batch.withoutData().forEach(symbol -> problems.put(symbol, "No data from the provider: unknown symbol?"));
        batch.waitingForStore().forEach((symbol, reason) -> problems.put(symbol, WAITING_FOR_STORE + reason));
        batch.failures().forEach((symbol, failure) -> problems.put(symbol, failure.getMessage()));
        return problems;
    }

    /**
     * Repaired bars are older than the live ones: straight to the store, with the ranges they
     * complete (the store tells the UI once they are written; the engines never see them).
     */
    @Override
    public void onRepair(Timeframe timeframe, Map<Symbol, BarColumns> bars, Map<Symbol, TimeRange> covered) {
        Map<SeriesKey, BarColumns> toStore = new HashMap<>();
        bars.forEach((symbol, columns) -> toStore.put(new SeriesKey(symbol, timeframe), columns));
        Map<SeriesKey, List<TimeRange>> ranges = new HashMap<>();
        covered.forEach((symbol, range) -> ranges.put(new SeriesKey(symbol, timeframe), List.of(range)));
        if (!toStore.isEmpty() || !ranges.isEmpty()) {
            store.writeRepair(toStore, ranges);
        }
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        publisher.accept(MarketUpdate.ofConnection(state));
    }

    @Override
    public void onBackfillProgress(BackfillProgress progress) {
        publisher.accept(MarketUpdate.ofBackfill(progress));
    }

    /**
     * Appends the bars newer than the series' last closed bar; returns them (for the store). The
     * batch's columns are the receiver's and in time order, so when all are new (the usual case)
     * they go to the store as they are, uncopied.
     */
    private BarColumns appendClosed(LiveSeries live, BarColumns bars, Map<Symbol, List<Bar>> forUi, Symbol symbol) {
        long lastClosed = live.lastClosedTime();
        int first = 0;
        while (first < bars.size() && bars.time(first) <= lastClosed) {
            first++;
        }
        if (first == bars.size()) {
            return new BarColumns(0);
        }
        BarColumns fresh = first == 0 ? bars : new BarColumns(bars.size() - first);
        List<Bar> uiBars = new ArrayList<>(bars.size() - first);
        for (int i = first; i < bars.size(); i++) {
            long time = bars.time(i);
            live.engine.append(time, bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
            live.trackSession(time, bars.open(i));
            if (fresh != bars) {
                fresh.add(time, bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
            }
            uiBars.add(bars.bar(i));
        }
        forUi.put(symbol, uiBars);
        return fresh;
    }

    /** Scheduler thread: computes every engine again if other parameters were asked for; whether it did. */
    private boolean recomputeIfAsked() {
        IndicatorParameters asked = requested;
        if (asked.equals(parameters)) {
            return false;
        }
        parameters = asked;
        int wanted = barsToWarm(asked);
        series.values().forEach(live -> live.engine = recomputed(live.engine, asked, wanted));
        return true;
    }

    /**
     * A new engine with {@code asked} over the bars {@code engine} holds, its forming bar still
     * forming. When the ring holds fewer bars than those parameters' warm-up ({@code wanted}, {@link
     * #barsToWarm}: periods in the thousands), the stored bars before its first are replayed first, so
     * the latest values are defined where the store has the history for them.
     */
    private IndicatorSeries recomputed(IndicatorSeries engine, IndicatorParameters asked, int wanted) {
        IndicatorSeries again = new IndicatorSeries(engine.key(), asked, LIVE_CAPACITY);
        long closedEnd = engine.hasFormingBar() ? engine.size() - 1 : engine.size();
        long held = closedEnd - engine.firstIndex();
        if (held > 0 && wanted > held) {
            replayStoredBefore(again, engine.time(engine.firstIndex()), (int) (wanted - held));
        }
        for (long i = engine.firstIndex(); i < closedEnd; i++) {
            again.append(engine.time(i), engine.open(i), engine.high(i), engine.low(i), engine.close(i), engine.volume(i));
        }
        if (engine.hasFormingBar()) {
            long i = engine.size() - 1;
            again.update(engine.time(i), engine.open(i), engine.high(i), engine.low(i), engine.close(i), engine.volume(i));
        }
        return again;
    }

    private LiveSeries seriesFor(Symbol symbol, Timeframe timeframe) {
        return series.computeIfAbsent(symbol, key -> {
            SeriesKey seriesKey = new SeriesKey(symbol, timeframe);
            LiveSeries live = new LiveSeries(seriesKey, new IndicatorSeries(seriesKey, parameters, LIVE_CAPACITY));
            try {
                BarColumns stored = history.recentBars(seriesKey, barsToWarm(parameters));
                live.engine.appendAll(stored);
                for (int i = 0; i < stored.size(); i++) {
                    live.trackSession(stored.time(i), stored.open(i));
                }
            } catch (RuntimeException unreadable) {
                log.warn("Could not warm {} from stored history; its indicators start cold: {}", seriesKey, unreadable.toString());
            }
            return live;
        });
    }

    /**
     * Stored bars read to warm a series: the ring's worth, or as many as the indicators need before
     * their first values when that is more. Those go through the engine and out of its ring again: the
     * engine's state (Wilder averages, rolling windows) keeps what they gave, so an RSI of period 5,000
     * shows in the watchlist once the store holds 5,001 bars, not never.
     */
    static int barsToWarm(IndicatorParameters parameters) {
        return Math.max(LIVE_CAPACITY, new IndicatorPipeline(parameters).barsUntilAllDefined());
    }

    /** Appends to {@code engine} up to {@code count} of the newest stored bars older than {@code before}. */
    private void replayStoredBefore(IndicatorSeries engine, long before, int count) {
        BarColumns stored;
        try {
            stored = history.recentBars(engine.key(), count + LIVE_CAPACITY);
        } catch (RuntimeException unreadable) {
            log.warn("Could not read the stored history of {} to warm its indicators; they warm up from the bars held: {}",
                    engine.key(), unreadable.toString());
            return;
        }
        int end = 0;
        while (end < stored.size() && stored.time(end) < before) {
            end++;
        }
        for (int i = Math.max(0, end - count); i < end; i++) {
            engine.append(stored.time(i), stored.open(i), stored.high(i), stored.low(i), stored.close(i), stored.volume(i));
        }
    }

    private static Quote quoteOf(Symbol symbol, LiveSeries live) {
        IndicatorSeries engine = live.engine;
        long last = engine.size() - 1;
        double close = engine.close(last);
        double change = Double.isNaN(live.sessionOpen) ? Double.NaN : (close - live.sessionOpen) / live.sessionOpen * 100;
        // A forming bar's volume grows from zero through its minute, so its ratio to a whole bar's
        // average fell to 0.00 on every row at each minute's start: a column to scan for unusual
        // volume shows the last closed bar's.
        long lastClosed = engine.hasFormingBar() ? last - 1 : last;
        double relativeVolume = lastClosed >= engine.firstIndex()
                ? engine.value(Indicator.RELATIVE_VOLUME, lastClosed) : Double.NaN;
        return new Quote(symbol, engine.time(last), close, change, engine.value(Indicator.RSI, last),
                engine.value(Indicator.STOCH_K, last), engine.value(Indicator.BAND_LOWER, last),
                engine.value(Indicator.BAND_UPPER, last), relativeVolume);
    }
}
