package dev.tradedesk.app;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.FeedMetrics;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.sim.FaultKind;
import dev.tradedesk.feed.sim.SimulatedExchange;
import dev.tradedesk.feed.sim.SimulatedMarket;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.SeriesLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end proof behind {@code tradedesk verify-sim}: records from the simulated exchange
 * (with faults) through the real Alpaca provider, scheduler, live pipeline and store, exactly as
 * {@code record} does; then freezes the simulated market, lets the session catch up, and compares
 * the database with the market's ground truth.
 *
 * <p>What is expected, per symbol: every one-minute bar the market has from the series' tracking
 * start (recorded in the ledger before its first fetch, so no fault can move it) up to, not
 * including, the minute the frozen clock is in. Those bars are final by the market clock, which is
 * how the scheduler decides (it fetches a bar as closed once the clock has left its minute; the
 * simulator's clock is the market clock, with no settling delay), so the last of them is expected
 * even when nothing has traded yet in the frozen minute. The bar of that minute is forming and is
 * left out, by definition, not by tolerance. Not thread-safe: one run at a time.
 */
public final class SimVerification {

    private static final Logger log = LoggerFactory.getLogger(SimVerification.class);

    /**
     * One verification run.
     *
     * @param symbols  how many symbols (the simulator's catalogue, alphabetically; more are invented)
     * @param speed    simulated minutes per real minute
     * @param seed     the price model's seed
     * @param duration how long to record before the market freezes
     * @param lookback how far back a new series is backfilled
     * @param interval time between scheduler cycles; empty for the default
     * @param catchUp  how long to wait, after the freeze, for the ledger to show nothing missing
     * @param tuning   faults, simulated clock anchor, timeouts and retries
     */
    public record Run(int symbols, double speed, long seed, Duration duration, Duration lookback,
            Optional<Duration> interval, Duration catchUp, SessionTuning tuning) {

        public Run {
            if (symbols < 1 || symbols > 500) {
                throw new IllegalArgumentException("symbols must be between 1 and 500, was " + symbols);
            }
        }
    }

    /** The comparison of a database with the ground truth; {@link #clean()} when nothing is missing, duplicated or wrong. */
    public record Report(long expected, long stored, long missing, long duplicated, long wrong, long ledgerMissingRanges,
            List<String> samples) {

        public Report {
            samples = List.copyOf(samples);
        }

        public boolean clean() {
            return missing == 0 && duplicated == 0 && wrong == 0;
        }
    }

    /**
     * A run's report with what the session went through.
     *
     * @param lowestCompleteness the lowest completeness the session last published for a symbol (what
     *                           the watchlist would show), NaN if none was published
     */
    public record Result(Report report, Map<FaultKind, Long> faults, long requests, long retries, long failures,
            long droppedRecords, long storeFailures, boolean caughtUp, Duration catchUpTime, String finalState,
            double lowestCompleteness) {
    }

    private SimVerification() {
    }

    /** The {@code count} symbols a run watches. */
    public static List<Symbol> symbols(int count) {
        List<Symbol> symbols = new ArrayList<>();
        SimulatedMarket.catalogue().stream().sorted().limit(count).map(Symbol::of).forEach(symbols::add);
        for (int i = symbols.size(); i < count; i++) {
            symbols.add(Symbol.of(String.format("SIM%03d", i)));
        }
        return symbols;
    }

    /** Records into {@code store}, freezes the market, catches up, and compares. */
    public static Result run(Run run, HistoryStore store, HostEnvironment host, Clock wallClock) throws InterruptedException {
        List<Symbol> symbols = symbols(run.symbols());
        MarketSession.Options options = new MarketSession.Options(ProviderKind.SIM, symbols, Timeframe.ONE_MINUTE,
                IndicatorParameters.DEFAULTS, AlpacaSettings.DEFAULTS,
                new SimulatorSettings(run.speed(), run.seed(), SimulatorSettings.DEFAULTS.historyDays()), Optional.empty(),
                run.lookback(), run.interval(), run.lookback().plusDays(1), run.tuning());
        AtomicReference<ConnectionState> state = new AtomicReference<>();
        Map<Symbol, Double> completeness = new ConcurrentHashMap<>();
        MarketSession session = MarketSession.start(options, store, new PipelineMetrics(), update -> {
            if (update.connection() != null) {
                state.set(update.connection());
            }
            completeness.putAll(update.completeness());
        }, host, wallClock);
        boolean caughtUp;
        long catchUpStarted;
        SimulatedMarket market;
        Map<FaultKind, Long> faults;
        try {
            SimulatedExchange exchange = session.simulatedExchange().orElseThrow();
            market = exchange.market();
            TimeUnit.MILLISECONDS.sleep(run.duration().toMillis());
            long frozenAt = market.clock().freeze();
            log.info("verify-sim: market frozen at {}; catching up", Instant.ofEpochMilli(frozenAt));
            catchUpStarted = System.nanoTime();
            caughtUp = awaitNothingMissing(store, market, symbols, run.catchUp());
            faults = exchange.faultsInjected();
        } finally {
            session.close(); // lets queued store writes finish
        }
        Duration catchUpTime = Duration.ofNanos(System.nanoTime() - catchUpStarted);
        Report report = compare(store, market, symbols);
        FeedMetrics feed = session.feedMetrics();
        ConnectionState last = state.get();
        return new Result(report, faults, feed.requests(), feed.retries(), feed.failures(), feed.droppedRecords(),
                session.storeFailures(), caughtUp, catchUpTime, last == null ? "none" : last.status().name(),
                completeness.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
    }

    private static boolean awaitNothingMissing(HistoryStore store, SimulatedMarket market, List<Symbol> symbols,
            Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (missingRanges(store, market, symbols) == 0) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return false;
    }

    private static long missingRanges(HistoryStore store, SimulatedMarket market, List<Symbol> symbols) {
        long missing = 0;
        for (Symbol symbol : symbols) {
            SeriesKey key = new SeriesKey(symbol, Timeframe.ONE_MINUTE);
            long cutoff = finalBarsEnd(market);
            SeriesLedger ledger = store.ledger(key, Long.MIN_VALUE, cutoff);
            if (ledger.trackedSince().isEmpty()) {
                missing++;
            } else if (ledger.trackedSince().getAsLong() < cutoff) {
                missing += ledger.missing(ledger.trackedSince().getAsLong(), cutoff).size();
            }
        }
        return missing;
    }

    /**
     * Compares the stored one-minute bars of {@code symbols} with {@code market}'s ground truth, from
     * each series' tracking start up to the minute the market clock is in (see the class comment). A series
     * never tracked counts all the market's bars of the last two days as missing.
     */
    public static Report compare(HistoryStore store, SimulatedMarket market, List<Symbol> symbols) {
        long expected = 0;
        long stored = 0;
        long missing = 0;
        long duplicated = 0;
        long wrong = 0;
        long missingRanges = 0;
        List<String> samples = new ArrayList<>();
        for (Symbol symbol : symbols) {
            SeriesKey key = new SeriesKey(symbol, Timeframe.ONE_MINUTE);
            long cutoff = finalBarsEnd(market);
            SeriesLedger ledger = store.ledger(key, Long.MIN_VALUE, cutoff);
            long since = ledger.trackedSince().orElse(cutoff - Duration.ofDays(2).toMillis());
            if (ledger.trackedSince().isEmpty()) {
                sample(samples, symbol + ": never tracked");
            }
            missingRanges += since < cutoff ? ledger.missing(since, cutoff).size() : 0;
            BarColumns truth = new BarColumns(0);
            market.closedMinuteBars(symbol, since, cutoff - 1, truth);
            BarColumns actual = new BarColumns(0);
            // Everything from the start on: a bar at or after the cutoff was stored before it closed.
            store.readRange(key, since, Long.MAX_VALUE, actual);
            expected += truth.size();
            stored += actual.size();
            int t = 0;
            for (int a = 0; a < actual.size(); a++) {
                long time = actual.time(a);
                if (a > 0 && actual.time(a - 1) == time) {
                    duplicated++;
                    sample(samples, symbol + " " + Instant.ofEpochMilli(time) + ": stored twice");
                    continue;
                }
                while (t < truth.size() && truth.time(t) < time) {
                    missing++;
                    sample(samples, symbol + " " + Instant.ofEpochMilli(truth.time(t)) + ": missing");
                    t++;
                }
                if (t < truth.size() && truth.time(t) == time) {
                    if (!sameValues(truth, t, actual, a)) {
                        wrong++;
                        sample(samples, symbol + " " + Instant.ofEpochMilli(time) + ": stored " + actual.bar(a)
                                + ", served " + truth.bar(t));
                    }
                    t++;
                } else {
                    wrong++;
                    sample(samples, symbol + " " + Instant.ofEpochMilli(time) + ": stored but never served as closed");
                }
            }
            for (; t < truth.size(); t++) {
                missing++;
                sample(samples, symbol + " " + Instant.ofEpochMilli(truth.time(t)) + ": missing");
            }
        }
        return new Report(expected, stored, missing, duplicated, wrong, missingRanges, samples);
    }

    /** Bars opening before this time are final by the (frozen) market clock: the start of its minute. */
    private static long finalBarsEnd(SimulatedMarket market) {
        return Timeframe.ONE_MINUTE.gridStart(market.nowMillis());
    }

    private static boolean sameValues(BarColumns a, int i, BarColumns b, int j) {
        return Double.compare(a.open(i), b.open(j)) == 0 && Double.compare(a.high(i), b.high(j)) == 0
                && Double.compare(a.low(i), b.low(j)) == 0 && Double.compare(a.close(i), b.close(j)) == 0
                && Double.compare(a.volume(i), b.volume(j)) == 0;
    }

    private static void sample(List<String> samples, String problem) {
        if (samples.size() < 10) {
            samples.add(problem);
        }
    }
}
