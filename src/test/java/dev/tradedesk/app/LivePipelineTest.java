package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorBatch;
import dev.tradedesk.core.IndicatorColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeries;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.CycleBatch;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.PipelineStage;
import dev.tradedesk.feed.ProviderException;
import dev.tradedesk.feed.sim.SimClock;
import dev.tradedesk.feed.sim.SimulatedMarket;
import dev.tradedesk.testing.MutableClock;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.live.Quote;
import dev.tradedesk.ui.watchlist.WatchlistRow;
import dev.tradedesk.ui.watchlist.WatchlistViewModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LivePipelineTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Instant NOW = Instant.parse("2026-03-02T18:00:00Z");
    private final SimulatedMarket market = SimulatedMarket.withHistory(5, new SimClock(new MutableClock(NOW), NOW, 1),
            Duration.ofHours(10), Set.of(), true);
    private final Map<SeriesKey, BarColumns> stored = new HashMap<>();
    private final List<MarketUpdate> published = new ArrayList<>();
    private final PipelineMetrics metrics = new PipelineMetrics();

    private BarColumns bars(long from, long to) {
        BarColumns bars = new BarColumns(0);
        market.closedMinuteBars(AAPL, from, to, bars);
        return bars;
    }

    private LivePipeline pipeline(BarColumns history) {
        return pipeline(history, BarAggregator.NEW_YORK);
    }

    private LivePipeline pipeline(BarColumns history, ZoneId sessionZone) {
        return new LivePipeline(IndicatorParameters.DEFAULTS,
                (batch, covered) -> batch.forEach((series, bars) -> {
                    BarColumns target = stored.computeIfAbsent(series, key -> new BarColumns(0));
                    for (int i = 0; i < bars.size(); i++) {
                        target.add(bars.bar(i));
                    }
                }),
                (series, count) -> history, published::add, metrics, sessionZone);
    }

    private static CycleBatch batch(Map<Symbol, BarColumns> closed, Map<Symbol, Bar> forming) {
        return new CycleBatch(1, Timeframe.ONE_MINUTE, closed, forming, Set.of(), Map.of(), 42);
    }

    @Test
    void aBackfillWindowShortOfTheLiveEdgeGoesToTheChartAndTheStoreButMakesNoQuote() {
        long from = NOW.minus(Duration.ofHours(10)).toEpochMilli();
        long middle = NOW.minus(Duration.ofHours(5)).toEpochMilli();
        LivePipeline pipeline = pipeline(new BarColumns(0));
        BarColumns older = bars(from, middle - 1);
        pipeline.onBatch(new CycleBatch(1, Timeframe.ONE_MINUTE, Map.of(AAPL, older), Map.of(), Set.of(), Map.of(),
                Long.MAX_VALUE, Map.of(), Set.of(AAPL)));
        assertThat(published).hasSize(1);
        assertThat(published.get(0).quotes()).as("a five-hour-old close is no last price").isEmpty();
        assertThat(published.get(0).closedBars().get(AAPL)).hasSize(older.size());
        assertThat(stored.get(new SeriesKey(AAPL, Timeframe.ONE_MINUTE)).size()).isEqualTo(older.size());

        BarColumns newer = bars(middle, NOW.toEpochMilli() - 1);
        pipeline.onBatch(new CycleBatch(1, Timeframe.ONE_MINUTE, Map.of(AAPL, newer), Map.of(), Set.of(), Map.of(),
                Long.MAX_VALUE, Map.of(), Set.of()));
        assertThat(published.get(1).quotes().get(AAPL).last()).isEqualTo(newer.close(newer.size() - 1));
    }

    @Test
    void liveValuesEqualTheBatchOverStoredHistoryPlusTheNewBars() {
        long t0 = NOW.minus(Duration.ofHours(10)).toEpochMilli();
        long split = NOW.minus(Duration.ofHours(2)).toEpochMilli();
        BarColumns history = bars(t0, split - 1);
        LivePipeline pipeline = pipeline(history);
        BarColumns fresh = bars(split, NOW.toEpochMilli() - 1);
        pipeline.onBatch(batch(Map.of(AAPL, fresh), Map.of()));

        BarColumns all = bars(t0, NOW.toEpochMilli() - 1);
        IndicatorColumns expected = IndicatorBatch.compute(all, IndicatorParameters.DEFAULTS);
        Quote quote = published.get(0).quotes().get(AAPL);
        int last = all.size() - 1;
        assertThat(quote.last()).isEqualTo(all.close(last));
        assertThat(quote.rsi()).isEqualTo(expected.get(Indicator.RSI, last));
        assertThat(quote.stochK()).isEqualTo(expected.get(Indicator.STOCH_K, last));
        assertThat(quote.bandLower()).isEqualTo(expected.get(Indicator.BAND_LOWER, last));
        assertThat(quote.relativeVolume()).isEqualTo(expected.get(Indicator.RELATIVE_VOLUME, last));
        assertThat(published.get(0).closedBars().get(AAPL)).hasSize(fresh.size());
        assertThat(published.get(0).oldestResponseNanos()).isEqualTo(42);
        assertThat(metrics.total(PipelineStage.INDICATORS).getTotalCount()).isEqualTo(1);
    }

    @Test
    void barsAlreadyClosedAreNeitherAppendedNorStoredTwice() {
        long t0 = NOW.minus(Duration.ofHours(1)).toEpochMilli();
        BarColumns first = bars(t0, t0 + 30 * 60_000 - 1);
        LivePipeline pipeline = pipeline(new BarColumns(0));
        pipeline.onBatch(batch(Map.of(AAPL, first), Map.of()));
        BarColumns overlapping = bars(t0 + 20 * 60_000, t0 + 40 * 60_000 - 1);
        pipeline.onBatch(batch(Map.of(AAPL, overlapping), Map.of()));
        assertThat(published.get(1).closedBars().get(AAPL)).hasSize(10);
        BarColumns storedBars = stored.get(new SeriesKey(AAPL, Timeframe.ONE_MINUTE));
        assertThat(storedBars.size()).isEqualTo(first.size() + 10);
        for (int i = 1; i < storedBars.size(); i++) {
            assertThat(storedBars.time(i)).isGreaterThan(storedBars.time(i - 1));
        }
    }

    @Test
    void theFormingBarUpdatesTheQuoteAndAStaleFormingBarIsIgnored() {
        long t0 = NOW.minus(Duration.ofHours(1)).toEpochMilli();
        BarColumns closed = bars(t0, NOW.toEpochMilli() - 60_001);
        LivePipeline pipeline = pipeline(new BarColumns(0));
        pipeline.onBatch(batch(Map.of(AAPL, closed), Map.of()));
        Bar last = closed.bar(closed.size() - 1);
        Bar forming = new Bar(last.time() + 60_000, last.close(), last.close() + 1, last.close() - 1, last.close() + 0.5, 10);
        pipeline.onBatch(batch(Map.of(), Map.of(AAPL, forming)));
        assertThat(published.get(1).quotes().get(AAPL).last()).isEqualTo(forming.close());
        assertThat(published.get(1).formingBars()).containsEntry(AAPL, forming);
        pipeline.onBatch(batch(Map.of(), Map.of(AAPL, last)));
        assertThat(published).hasSize(2).as("a forming bar at or before the last closed bar changes nothing");
    }

    @Test
    void theRelativeVolumeQuotedIsTheLastClosedBarsNotTheFormingBarsVolumeSoFar() {
        long t0 = NOW.minus(Duration.ofHours(1)).toEpochMilli();
        BarColumns closed = bars(t0, NOW.toEpochMilli() - 60_001);
        LivePipeline pipeline = pipeline(new BarColumns(0));
        pipeline.onBatch(batch(Map.of(AAPL, closed), Map.of()));
        IndicatorColumns expected = IndicatorBatch.compute(closed, IndicatorParameters.DEFAULTS);
        double lastClosedRatio = expected.get(Indicator.RELATIVE_VOLUME, closed.size() - 1);
        assertThat(published.get(0).quotes().get(AAPL).relativeVolume()).isEqualTo(lastClosedRatio);

        Bar last = closed.bar(closed.size() - 1);
        Bar formingAtItsStart = new Bar(last.time() + 60_000, last.close(), last.close(), last.close(), last.close(), 0);
        pipeline.onBatch(batch(Map.of(), Map.of(AAPL, formingAtItsStart)));
        Quote quote = published.get(1).quotes().get(AAPL);
        assertThat(quote.last()).isEqualTo(formingAtItsStart.close());
        assertThat(quote.relativeVolume()).as("the forming bar's 0 / average would read 0.00")
                .isNotZero().isEqualTo(lastClosedRatio);
    }

    @Test
    void previewedParametersRequoteEverySeriesAtTheNextBatchAndTheFirstOnesComeBack() {
        Symbol msft = Symbol.of("MSFT");
        long t0 = NOW.minus(Duration.ofHours(10)).toEpochMilli();
        BarColumns aapl = bars(t0, NOW.toEpochMilli() - 60_001);
        BarColumns msftBars = new BarColumns(0);
        market.closedMinuteBars(msft, t0, NOW.toEpochMilli() - 60_001, msftBars);
        LivePipeline pipeline = pipeline(new BarColumns(0));
        pipeline.onBatch(batch(Map.of(AAPL, aapl, msft, msftBars), Map.of()));
        Bar last = aapl.bar(aapl.size() - 1);
        Bar forming = new Bar(last.time() + 60_000, last.close(), last.close() + 1, last.close() - 1, last.close() + 0.5, 10);
        pipeline.onBatch(batch(Map.of(), Map.of(AAPL, forming)));
        Quote before = published.get(1).quotes().get(AAPL);

        IndicatorParameters previewed = new IndicatorParameters(7, 7, 2, 2, 10, 10, 20, 80, 0.5, 10);
        pipeline.useIndicators(previewed);
        pipeline.onBatch(batch(Map.of(), Map.of()));

        assertThat(published).as("an empty cycle after the preview quotes every series").hasSize(3);
        Map<Symbol, Quote> quotes = published.get(2).quotes();
        assertThat(quotes).as("MSFT had no news this cycle, but its %K changed").containsOnlyKeys(AAPL, msft);
        assertQuoteComputedWith(quotes.get(AAPL), previewed, aapl, forming);
        assertQuoteComputedWith(quotes.get(msft), previewed, msftBars, null);
        assertThat(quotes.get(AAPL).stochK()).isNotEqualTo(before.stochK());

        pipeline.useIndicators(IndicatorParameters.DEFAULTS);
        pipeline.onBatch(batch(Map.of(), Map.of()));
        assertThat(published.get(3).quotes().get(AAPL)).as("Cancel: the settings' values again").isEqualTo(before);
    }

    private static void assertQuoteComputedWith(Quote quote, IndicatorParameters parameters, BarColumns closed, Bar forming) {
        IndicatorSeries expected = new IndicatorSeries(new SeriesKey(quote.symbol(), Timeframe.ONE_MINUTE), parameters,
                LivePipeline.LIVE_CAPACITY);
        expected.appendAll(closed);
        if (forming != null) {
            expected.update(forming);
        }
        long last = expected.size() - 1;
        assertThat(quote.last()).isEqualTo(expected.close(last));
        assertThat(quote.stochK()).isEqualTo(expected.value(Indicator.STOCH_K, last));
        assertThat(quote.bandLower()).isEqualTo(expected.value(Indicator.BAND_LOWER, last));
        assertThat(quote.bandUpper()).isEqualTo(expected.value(Indicator.BAND_UPPER, last));
        assertThat(quote.rsi()).isEqualTo(expected.value(Indicator.RSI, last));
    }

    @Test
    void changeIsMeasuredFromTheSessionsFirstBar() {
        long sessionStart = Instant.parse("2026-03-02T05:00:00Z").toEpochMilli(); // midnight in New York
        BarColumns history = bars(NOW.minus(Duration.ofHours(10)).toEpochMilli(), NOW.toEpochMilli() - 1);
        pipeline(new BarColumns(0)).onBatch(batch(Map.of(AAPL, history), Map.of()));
        assertThat(published.get(0).quotes().get(AAPL).changePercent())
                .isCloseTo(changeSince(history, sessionStart), org.assertj.core.data.Offset.offset(1e-9));
    }

    /** A crypto market's session is the UTC day, as its exchange's daily candle: not New York's. */
    @Test
    void changeIsMeasuredFromTheFirstBarOfTheMarketsTradingDay() {
        long utcMidnight = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
        BarColumns history = new BarColumns(0); // traded around the clock, rising a cent a minute
        for (long time = NOW.minus(Duration.ofHours(20)).toEpochMilli(); time < NOW.toEpochMilli(); time += 60_000) {
            double open = 100 + history.size() * 0.01;
            history.add(time, open, open + 0.02, open - 0.01, open + 0.01, 10);
        }
        assertThat(history.time(0)).isLessThan(utcMidnight);
        pipeline(new BarColumns(0), ZoneOffset.UTC).onBatch(batch(Map.of(AAPL, history), Map.of()));
        double change = published.get(0).quotes().get(AAPL).changePercent();
        assertThat(change).isCloseTo(changeSince(history, utcMidnight), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(change).isNotCloseTo(changeSince(history, Instant.parse("2026-03-02T05:00:00Z").toEpochMilli()),
                org.assertj.core.data.Offset.offset(1e-9));
    }

    /** The change in percent from the open of {@code history}'s first bar at or after {@code sessionStart} to its last close. */
    private static double changeSince(BarColumns history, long sessionStart) {
        int first = 0;
        while (history.time(first) < sessionStart) {
            first++;
        }
        double open = history.open(first);
        double close = history.close(history.size() - 1);
        return (close - open) / open * 100;
    }

    /**
     * A series warmed from the store at the end of New York's longest day (25 hours: its clocks fall
     * back) takes the day's first bar as the session's open: the warm-up reaches back that far.
     */
    @Test
    void aSeriesWarmedFromTheStoreMeasuresChangeFromTheLongestDaysFirstBar() {
        Instant lastMinute = Instant.parse("2026-11-02T04:59:00Z"); // 23:59 EST on Sunday 1 November
        long sessionStart = Instant.parse("2026-11-01T04:00:00Z").toEpochMilli(); // midnight EDT
        Instant clockNow = lastMinute.plus(Duration.ofMinutes(1));
        SimulatedMarket fallBackMarket = SimulatedMarket.withHistory(5, new SimClock(new MutableClock(clockNow), clockNow, 1),
                Duration.ofDays(3), Set.of(), true);
        BarColumns storedMinutes = new BarColumns(0);
        fallBackMarket.closedMinuteBars(AAPL, clockNow.minus(Duration.ofDays(3)).toEpochMilli(),
                lastMinute.toEpochMilli() - 1, storedMinutes);
        BarColumns newest = new BarColumns(0);
        fallBackMarket.closedMinuteBars(AAPL, lastMinute.toEpochMilli(), clockNow.toEpochMilli() - 1, newest);
        assertThat(newest.size()).isEqualTo(1);
        LivePipeline pipeline = new LivePipeline(IndicatorParameters.DEFAULTS, (batch, covered) -> { },
                (series, count) -> latest(storedMinutes, count), published::add, metrics, BarAggregator.NEW_YORK);

        pipeline.onBatch(batch(Map.of(AAPL, newest), Map.of()));

        int first = 0;
        while (storedMinutes.time(first) < sessionStart) {
            first++;
        }
        double open = storedMinutes.open(first);
        double close = newest.close(0);
        assertThat(published.get(0).quotes().get(AAPL).changePercent()).isCloseTo((close - open) / open * 100,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    /** The last {@code count} bars of {@code bars}, as the store's recent-bars read gives them. */
    private static BarColumns latest(BarColumns bars, int count) {
        BarColumns last = new BarColumns(count);
        for (int i = Math.max(0, bars.size() - count); i < bars.size(); i++) {
            last.add(bars.bar(i));
        }
        return last;
    }

    @Test
    void symbolsWithoutDataAndFailuresBecomeProblems() {
        LivePipeline pipeline = pipeline(new BarColumns(0));
        pipeline.onBatch(new CycleBatch(1, Timeframe.ONE_MINUTE, Map.of(), Map.of(), Set.of(Symbol.of("NOPE")),
                Map.of(Symbol.of("ETH"), new ProviderException(ProviderException.Kind.TIMEOUT, "Binance did not answer in time", null)),
                1));
        assertThat(published.get(0).problems()).containsEntry(Symbol.of("NOPE"), "No data from the provider: unknown symbol?")
                .containsEntry(Symbol.of("ETH"), "Binance did not answer in time");
    }

    @Test
    void aSymbolWaitingForTheStoreSaysSoInItsWatchlistRowUntilItsFirstQuote() {
        Symbol nvda = Symbol.of("NVDA");
        String reason = "cannot record since when NVDA 1Min is tracked: the history database is closed: H2 could not use"
                + " its file (No space left on device)";
        WatchlistViewModel watchlist = new WatchlistViewModel(List.of(AAPL, nvda), symbols -> { });
        LivePipeline pipeline = pipeline(new BarColumns(0));

        // Its latest bar came, but none is handed over before the store answers: the row showed nothing, with no reason.
        pipeline.onBatch(new CycleBatch(1, Timeframe.ONE_MINUTE, Map.of(), Map.of(), Set.of(), Map.of(), 42, Map.of(),
                Set.of(), Map.of(nvda, reason)));
        published.forEach(watchlist::apply);
        WatchlistRow row = watchlist.row(nvda).orElseThrow();
        assertThat(row.problemProperty().get()).startsWith("Waiting for the history store").endsWith(" says: " + reason);
        assertThat(row.lastProperty().get()).isNaN();
        assertThat(watchlist.row(AAPL).orElseThrow().problemProperty().get()).isEmpty();

        // Once the store answered: backfilled, then quoted.
        BarColumns backfill = bars(NOW.minus(Duration.ofHours(1)).toEpochMilli(), NOW.toEpochMilli() - 1);
        published.clear();
        pipeline.onBatch(new CycleBatch(2, Timeframe.ONE_MINUTE, Map.of(nvda, backfill), Map.of(), Set.of(), Map.of(),
                Long.MAX_VALUE));
        published.forEach(watchlist::apply);
        assertThat(row.problemProperty().get()).isEmpty();
        assertThat(row.lastProperty().get()).isEqualTo(backfill.close(backfill.size() - 1));
    }

    @Test
    void theBatchSayingTheStoreAnsweredClearsTheWaitFromTheRowBeforeAnyQuote() {
        Symbol nvda = Symbol.of("NVDA");
        WatchlistViewModel watchlist = new WatchlistViewModel(List.of(AAPL, nvda), symbols -> { });
        LivePipeline pipeline = pipeline(new BarColumns(0));
        pipeline.onBatch(new CycleBatch(1, Timeframe.ONE_MINUTE, Map.of(), Map.of(), Set.of(), Map.of(), 42, Map.of(),
                Set.of(), Map.of(nvda, "the history database is closed")));
        published.forEach(watchlist::apply);
        WatchlistRow row = watchlist.row(nvda).orElseThrow();
        assertThat(row.problemProperty().get()).startsWith("Waiting for the history store");

        // The store answered: its backfill is still to come, and its price after that.
        published.clear();
        pipeline.onBatch(new CycleBatch(2, Timeframe.ONE_MINUTE, Map.of(), Map.of(), Set.of(), Map.of(), 43, Map.of(),
                Set.of(), Map.of(), Set.of(nvda)));
        assertThat(published).singleElement().satisfies(update -> {
            assertThat(update.problemsOver()).containsExactly(nvda);
            assertThat(update.quotes()).isEmpty();
        });
        published.forEach(watchlist::apply);
        assertThat(row.problemProperty().get()).isEmpty();
        assertThat(row.lastProperty().get()).isNaN();
    }

    @Test
    void aProviderFailureOrAnUnknownSymbolInTheBatchThatEndsTheWaitIsShownInsteadOfNothing() {
        Symbol eth = Symbol.of("ETH");
        Symbol sol = Symbol.of("SOL");
        WatchlistViewModel watchlist = new WatchlistViewModel(List.of(eth, sol), symbols -> { });
        LivePipeline pipeline = pipeline(new BarColumns(0));
        pipeline.onBatch(new CycleBatch(1, Timeframe.ONE_MINUTE, Map.of(), Map.of(), Set.of(), Map.of(), 42, Map.of(),
                Set.of(), Map.of(eth, "the history database is closed", sol, "the history database is closed")));
        pipeline.onBatch(new CycleBatch(2, Timeframe.ONE_MINUTE, Map.of(), Map.of(), Set.of(sol),
                Map.of(eth, new ProviderException(ProviderException.Kind.TIMEOUT, "Binance did not answer in time", null)),
                43, Map.of(), Set.of(), Map.of(), Set.of(eth, sol)));
        watchlist.apply(published.get(0).merge(published.get(1)));
        assertThat(watchlist.row(eth).orElseThrow().problemProperty().get()).isEqualTo("Binance did not answer in time");
        assertThat(watchlist.row(sol).orElseThrow().problemProperty().get())
                .isEqualTo("No data from the provider: unknown symbol?");
    }

    @Test
    void aRowWhoseWaitEndsWhileTheProviderIsDownSaysTheProvidersProblemUntilItAnswersAgain() {
        Symbol nvda = Symbol.of("NVDA");
        WatchlistViewModel watchlist = new WatchlistViewModel(List.of(AAPL, nvda), symbols -> { });
        LivePipeline pipeline = pipeline(new BarColumns(0));
        pipeline.onBatch(new CycleBatch(1, Timeframe.ONE_MINUTE, Map.of(), Map.of(), Set.of(), Map.of(), 42, Map.of(),
                Set.of(), Map.of(nvda, "the history database is closed")));
        // The scheduler's batch for a cycle whose latest request failed after the store answered.
        pipeline.onBatch(new CycleBatch(2, Timeframe.ONE_MINUTE, Map.of(), Map.of(), Set.of(),
                Map.of(nvda, new ProviderException(ProviderException.Kind.NETWORK, "Alpaca request failed: connection refused",
                        null)), Long.MAX_VALUE, Map.of(), Set.of(), Map.of(), Set.of(nvda)));
        published.forEach(watchlist::apply);
        WatchlistRow row = watchlist.row(nvda).orElseThrow();
        assertThat(row.problemProperty().get()).isEqualTo("Alpaca request failed: connection refused");

        // The provider's next latest answer names it answered once more, without a problem: its backfill follows.
        published.clear();
        pipeline.onBatch(new CycleBatch(3, Timeframe.ONE_MINUTE, Map.of(), Map.of(), Set.of(), Map.of(), 43, Map.of(),
                Set.of(), Map.of(), Set.of(nvda)));
        published.forEach(watchlist::apply);
        assertThat(row.problemProperty().get()).isEmpty();
        assertThat(watchlist.row(AAPL).orElseThrow().problemProperty().get()).isEmpty();
    }

    @Test
    void aRowWhoseFailureIsOverStopsSayingSoBeforeItsFirstPrice() {
        Symbol eth = Symbol.of("ETH");
        WatchlistViewModel watchlist = new WatchlistViewModel(List.of(AAPL, eth), symbols -> { });
        LivePipeline pipeline = pipeline(new BarColumns(0));
        pipeline.onBatch(new CycleBatch(1, Timeframe.ONE_MINUTE, Map.of(), Map.of(), Set.of(),
                Map.of(eth, new ProviderException(ProviderException.Kind.TIMEOUT, "Binance did not answer in time", null)), 42));
        published.forEach(watchlist::apply);
        WatchlistRow row = watchlist.row(eth).orElseThrow();
        assertThat(row.problemProperty().get()).isEqualTo("Binance did not answer in time");

        // The provider answered for it again, while its backfill is still to come.
        published.clear();
        pipeline.onBatch(new CycleBatch(2, Timeframe.ONE_MINUTE, Map.of(), Map.of(), Set.of(), Map.of(), 43, Map.of(),
                Set.of(), Map.of(), Set.of(), Set.of(eth)));
        assertThat(published).singleElement().satisfies(update -> assertThat(update.problemsOver()).containsExactly(eth));
        published.forEach(watchlist::apply);
        assertThat(row.problemProperty().get()).isEmpty();
        assertThat(row.lastProperty().get()).isNaN();
    }

    @Test
    void aProviderFailureSaysMoreThanTheWaitAndTheWaitMoreThanAGuessAtAnUnknownSymbol() {
        Symbol eth = Symbol.of("ETH");
        Symbol sol = Symbol.of("SOL");
        LivePipeline pipeline = pipeline(new BarColumns(0));
        pipeline.onBatch(new CycleBatch(1, Timeframe.ONE_MINUTE, Map.of(), Map.of(), Set.of(sol),
                Map.of(eth, new ProviderException(ProviderException.Kind.TIMEOUT, "Binance did not answer in time", null)),
                1, Map.of(), Set.of(), Map.of(eth, "the history database is closed", sol, "the history database is closed")));
        assertThat(published.get(0).problems()).containsEntry(eth, "Binance did not answer in time");
        assertThat(published.get(0).problems().get(sol)).startsWith("Waiting for the history store")
                .endsWith(" says: the history database is closed");
    }

    /** RSI over 3,000 bars: more than a live series holds, so its first value needs older stored bars. */
    private static final IndicatorParameters LONG_RSI = new IndicatorParameters(3_000, 14, 3, 3, 14, 20, 35, 100, 0.7, 20);

    /** The store's newest {@code count} bars of {@code history}, as the history store gives them. */
    private static LivePipeline.HistoryLoader newest(BarColumns history) {
        return (series, count) -> {
            BarColumns newest = new BarColumns(0);
            for (int i = Math.max(0, history.size() - count); i < history.size(); i++) {
                newest.add(history.bar(i));
            }
            return newest;
        };
    }

    private BarColumns threeDaysOfMinutes() {
        SimulatedMarket longer = SimulatedMarket.withHistory(5, new SimClock(new MutableClock(NOW), NOW, 1),
                Duration.ofDays(3), Set.of(), true);
        BarColumns bars = new BarColumns(0);
        longer.closedMinuteBars(AAPL, NOW.minus(Duration.ofDays(3)).toEpochMilli(), NOW.toEpochMilli() - 1, bars);
        return bars;
    }

    private static Quote expectedOver(BarColumns bars, int from, IndicatorParameters parameters) {
        IndicatorSeries expected = new IndicatorSeries(new SeriesKey(AAPL, Timeframe.ONE_MINUTE), parameters, bars.size());
        for (int i = from; i < bars.size(); i++) {
            expected.append(bars.bar(i));
        }
        long last = expected.size() - 1;
        return new Quote(AAPL, expected.time(last), expected.close(last), Double.NaN, expected.value(Indicator.RSI, last),
                expected.value(Indicator.STOCH_K, last), Double.NaN, Double.NaN, Double.NaN);
    }

    @Test
    void aSeriesIsWarmedWithAsManyStoredBarsAsItsIndicatorsNeedWhenThatIsMoreThanItHolds() {
        BarColumns all = threeDaysOfMinutes();
        int split = all.size() - 10;
        BarColumns history = new BarColumns(0);
        BarColumns fresh = new BarColumns(0);
        for (int i = 0; i < all.size(); i++) {
            (i < split ? history : fresh).add(all.bar(i));
        }
        LivePipeline pipeline = new LivePipeline(LONG_RSI, (batch, covered) -> { }, newest(history), published::add,
                metrics, BarAggregator.NEW_YORK);
        pipeline.onBatch(batch(Map.of(AAPL, fresh), Map.of()));

        int read = LivePipeline.barsToWarm(LONG_RSI);
        assertThat(read).as("the warm-up of RSI 3,000 and %K over it").isGreaterThan(LivePipeline.LIVE_CAPACITY);
        Quote quote = published.get(0).quotes().get(AAPL);
        Quote expected = expectedOver(all, split - read, LONG_RSI);
        assertThat(quote.rsi()).as("an RSI of period 3,000 in the watchlist, not a blank").isEqualTo(expected.rsi());
        assertThat(quote.stochK()).isEqualTo(expected.stochK()).isNotNaN();
    }

    @Test
    void parametersWhoseWarmUpExceedsTheRingAreComputedAgainFromTheStoredBarsBeforeIt() {
        BarColumns all = threeDaysOfMinutes();
        BarColumns last = new BarColumns(0);
        last.add(all.bar(all.size() - 1));
        BarColumns stored = new BarColumns(0);
        for (int i = 0; i < all.size() - 1; i++) {
            stored.add(all.bar(i));
        }
        LivePipeline pipeline = new LivePipeline(IndicatorParameters.DEFAULTS, (batch, covered) -> { }, newest(stored),
                published::add, metrics, BarAggregator.NEW_YORK);
        pipeline.onBatch(batch(Map.of(AAPL, last), Map.of()));
        assertThat(published.get(0).quotes().get(AAPL).stochK()).isNotNaN();

        pipeline.useIndicators(LONG_RSI);
        pipeline.onBatch(batch(Map.of(), Map.of()));

        Quote quote = published.get(1).quotes().get(AAPL);
        Quote expected = expectedOver(all, all.size() - LivePipeline.barsToWarm(LONG_RSI), LONG_RSI);
        assertThat(quote.rsi()).as("replayed over the stored bars before the ring's, then the ring's").isEqualTo(expected.rsi());
        assertThat(quote.stochK()).isEqualTo(expected.stochK()).isNotNaN();
    }
}
