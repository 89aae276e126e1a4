package dev.tradedesk.feed.sim;

import dev.tradedesk.core.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated stock market: a deterministic price and volume model per listed symbol
 * ({@link SimSymbolModel}), history from {@code historyStart} up to the simulated clock's now, and
 * the forming bar of the current minute. The same seed and history start always give the same
 * bars, whenever and however they are read, so the market is also the ground truth that tests and
 * {@code verify-sim} compare a database against.
 *
 * <p>Thread-safe: HTTP handler threads read it concurrently.
 */
public final class SimulatedMarket {

    private static final long MINUTE = 60_000L;

    /** Well-known tickers the simulator lists by default, with plausible price levels. */
    static final Map<String, Double> CATALOGUE = Map.ofEntries(
            Map.entry("AAPL", 190.0), Map.entry("MSFT", 410.0), Map.entry("NVDA", 120.0), Map.entry("AMZN", 180.0),
            Map.entry("GOOGL", 165.0), Map.entry("META", 500.0), Map.entry("TSLA", 240.0), Map.entry("SPY", 520.0),
            Map.entry("QQQ", 445.0), Map.entry("IWM", 205.0), Map.entry("DIA", 400.0), Map.entry("BRK.B", 410.0),
            Map.entry("JPM", 200.0), Map.entry("V", 275.0), Map.entry("MA", 460.0), Map.entry("UNH", 520.0),
            Map.entry("XOM", 115.0), Map.entry("CVX", 155.0), Map.entry("JNJ", 155.0), Map.entry("WMT", 65.0),
            Map.entry("PG", 165.0), Map.entry("HD", 350.0), Map.entry("KO", 62.0), Map.entry("PEP", 170.0),
            Map.entry("ABBV", 170.0), Map.entry("AVGO", 170.0), Map.entry("COST", 800.0), Map.entry("MRK", 125.0),
            Map.entry("ADBE", 500.0), Map.entry("CRM", 270.0), Map.entry("NFLX", 650.0), Map.entry("AMD", 160.0),
            Map.entry("INTC", 30.0), Map.entry("ORCL", 140.0), Map.entry("CSCO", 48.0), Map.entry("DIS", 100.0),
            Map.entry("BAC", 38.0), Map.entry("WFC", 58.0), Map.entry("T", 19.0), Map.entry("VZ", 40.0),
            Map.entry("NKE", 90.0), Map.entry("MCD", 290.0), Map.entry("GLD", 215.0), Map.entry("TLT", 92.0),
            Map.entry("F", 12.0), Map.entry("PLTR", 25.0), Map.entry("UBER", 70.0), Map.entry("SHOP", 75.0),
            Map.entry("COIN", 220.0), Map.entry("PYPL", 65.0));

    /** The tickers listed by default. */
    public static Set<String> catalogue() {
        return CATALOGUE.keySet();
    }

    private final long seed;
    private final long anchorMillis;
    private final SimClock clock;
    private final Map<Symbol, SimSymbolModel> models = new ConcurrentHashMap<>();

    /**
     * @param historyStart    the first minute with bars (rounded down to the minute)
     * @param listedSymbols   symbols listed besides the built-in catalogue
     * @param listCatalogue   whether the built-in catalogue of well-known tickers is listed
     */
    public SimulatedMarket(long seed, Instant historyStart, SimClock clock, Collection<Symbol> listedSymbols,
            boolean listCatalogue) {
        this.seed = seed;
        this.anchorMillis = Math.floorDiv(historyStart.toEpochMilli(), MINUTE) * MINUTE;
        this.clock = clock;
        if (listCatalogue) {
            CATALOGUE.keySet().forEach(symbol -> list(Symbol.of(symbol)));
        }
        listedSymbols.forEach(this::list);
    }

    /** A market whose history covers {@code historyLength} before the clock's start. */
    public static SimulatedMarket withHistory(long seed, SimClock clock, Duration historyLength,
            Collection<Symbol> listedSymbols, boolean listCatalogue) {
        return new SimulatedMarket(seed, clock.instant().minus(historyLength), clock, listedSymbols, listCatalogue);
    }

    /**
     * A market whose history starts on a fixed grid of 32-day blocks at least {@code historyLength}
     * before the clock's start. Every run started within the same block sees the same prices for the
     * same minutes, so history stored by one run of the app continues seamlessly in the next.
     */
    public static SimulatedMarket anchoredOnGrid(long seed, SimClock clock, Duration historyLength,
            Collection<Symbol> listedSymbols, boolean listCatalogue) {
        return new SimulatedMarket(seed, gridStart(clock.millis(), historyLength), clock, listedSymbols, listCatalogue);
    }

    /** The start of the 32-day grid block that holds {@code historyLength} before {@code nowMillis}. */
    public static Instant gridStart(long nowMillis, Duration historyLength) {
        long block = Duration.ofDays(32).toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(nowMillis - historyLength.toMillis(), block) * block);
    }

    /** Lists a symbol (idempotent). Unlisted symbols are unknown to the exchange. */
    public void list(Symbol symbol) {
        models.computeIfAbsent(symbol, this::newModel);
    }

    public boolean lists(Symbol symbol) {
        return models.containsKey(symbol);
    }

    public NavigableSet<Symbol> symbols() {
        return new TreeSet<>(models.keySet());
    }

    public long nowMillis() {
        return clock.millis();
    }

    public SimClock clock() {
        return clock;
    }

    public Instant historyStart() {
        return Instant.ofEpochMilli(anchorMillis);
    }

    /** Receives bars in time order; returns false to stop. */
    @FunctionalInterface
    interface BarVisitor {
        boolean visit(SimBar bar);
    }

    /**
     * Visits the closed bars of {@code symbol} at {@code timeframe} whose open time lies in
     * {@code [fromMillis, toMillis]}, in time order, until the visitor returns false.
     *
     * @return false if the visitor stopped early
     */
    boolean forEachClosedBar(Symbol symbol, SimTimeframe timeframe, long fromMillis, long toMillis, BarVisitor visitor) {
        SimSymbolModel model = models.get(symbol);
        if (model == null) {
            return true;
        }
        long now = clock.millis();
        long bucket = timeframe.bucketStart(Math.max(fromMillis, anchorMillis));
        if (bucket < fromMillis) {
            bucket = timeframe.nextBucket(bucket);
        }
        if (bucket > Math.min(toMillis, now)) {
            return true; // nothing closed in range; and never walk the model into the future
        }
        SimBar minuteBar = new SimBar();
        SimBar aggregate = new SimBar();
        long firstMinute = Math.max(0, minuteIndex(bucket));
        double logPrice = model.logPriceAt(firstMinute);
        long minute = firstMinute;
        for (; bucket <= toMillis; bucket = timeframe.nextBucket(bucket)) {
            long bucketEnd = timeframe.nextBucket(bucket);
            if (bucketEnd > now) {
                break;
            }
            boolean any = false;
            for (long end = minuteIndex(bucketEnd); minute < end; minute++) {
                double close = model.next(logPrice, minute);
                if (minute >= 0 && model.hasTrades(minute)) {
                    model.fillBar(minute, logPrice, close, SimSymbolModel.SECONDS, minuteBar);
                    if (any) {
                        aggregate.merge(minuteBar);
                    } else {
                        aggregate.copyFrom(minuteBar);
                        any = true;
                    }
                }
                logPrice = close;
            }
            if (any) {
                aggregate.time = bucket;
                if (!visitor.visit(aggregate)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Appends to {@code out} the closed one-minute bars of {@code symbol} with open times in
     * {@code [fromMillis, toMillis]}: the ground truth a database filled from this market must equal.
     */
    public void closedMinuteBars(Symbol symbol, long fromMillis, long toMillis, dev.tradedesk.core.BarColumns out) {
        forEachClosedBar(symbol, SimTimeframe.ONE_MINUTE, fromMillis, toMillis, bar -> {
            out.add(bar.time, bar.open, bar.high, bar.low, bar.close, bar.volume);
            return true;
        });
    }

    /**
     * The latest minute bar of {@code symbol} at the clock's now: the forming bar of the current
     * minute, or, if nothing has traded in it, the last closed bar.
     *
     * @return false if the symbol is not listed or has no bar yet
     */
    boolean latestMinuteBar(Symbol symbol, SimBar out) {
        SimSymbolModel model = models.get(symbol);
        if (model == null) {
            return false;
        }
        long now = clock.millis();
        long minute = minuteIndex(now);
        double elapsed = (now - anchorMillis - minute * MINUTE) / 1000.0;
        for (long m = minute; m >= 0 && m > minute - 24 * 60; m--) {
            if (model.hasTrades(m)) {
                double open = model.logPriceAt(m);
                model.fillBar(m, open, model.next(open, m), m == minute ? elapsed : SimSymbolModel.SECONDS, out);
                out.time = anchorMillis + m * MINUTE;
                return true;
            }
        }
        return false;
    }

    private long minuteIndex(long millis) {
        return Math.floorDiv(millis - anchorMillis, MINUTE);
    }

    private SimSymbolModel newModel(Symbol symbol) {
        long key = SimRandom.keyOf(seed, symbol.value());
        Double listedPrice = CATALOGUE.get(symbol.value());
        double basePrice = listedPrice != null ? listedPrice : 15 + 485 * SimRandom.uniform(key, 90, 0);
        double baseVolume = 2_000 + 60_000 * SimRandom.uniform(key, 91, 0) * Math.sqrt(200 / basePrice);
        return new SimSymbolModel(key, basePrice, baseVolume, Math.floorDiv(anchorMillis, MINUTE));
    }
}
