package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.binance.BinanceProvider;
import dev.tradedesk.testing.LogCapture;
import dev.tradedesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A record dropped by validation in one symbol's answer, through the real scheduler and Binance
 * provider against MockWebServer, with a completeness ledger fed by what the scheduler hands over:
 * only that symbol's range stays missing and is fetched again. The reviewer's finding: the drop was
 * blamed on every request in flight, so the other symbols' ranges were fetched again too.
 */
class DroppedRecordSchedulingTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:30Z");
    private static final long MINUTE = 60_000;
    private static final long LOOKBACK_START = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(NOW);
    private final FeedMetrics metrics = new FeedMetrics(ProviderKind.BINANCE);
    private final CoverageLedger ledger = new CoverageLedger();
    /** The startTime of every history request, per symbol, in the order they came. */
    private final Map<String, List<Long>> historyStarts = new ConcurrentHashMap<>();
    private final AtomicBoolean badRecordServed = new AtomicBoolean();
    private ExecutorService httpThreads;
    private OkHttpClient client;
    private ScheduledExecutorService schedulerThread;
    private PriceScheduler scheduler;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new FakeBinance());
        server.start(0);
        httpThreads = Executors.newCachedThreadPool();
        client = HttpClients.create(httpThreads, Duration.ofSeconds(5));
        schedulerThread = Executors.newSingleThreadScheduledExecutor();
        logs = new LogCapture();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.close();
        }
        schedulerThread.shutdownNow();
        assertThat(schedulerThread.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        logs.close();
        HttpClients.close(client);
        httpThreads.shutdownNow();
        server.close();
    }

    @Test
    void aRecordDroppedFromOneSymbolsAnswerIsFetchedAgainForThatSymbolAlone() {
        BinanceProvider provider = new BinanceProvider(new ProviderHttp(client, "Binance", ProviderHttp.Access.PUBLIC,
                metrics, new PipelineMetrics(), clock), server.url("/"));
        PriceScheduler.Config config = new PriceScheduler.Config(Timeframe.ONE_MINUTE, Duration.ofMillis(20),
                Duration.ofMillis(5), Duration.ofHours(3), 60, Duration.ZERO);
        scheduler = new PriceScheduler(provider, schedulerThread, ledger, ledger, clock, clock,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0.5), new PipelineMetrics(), metrics,
                config, List.of(BTC, ETH));
        scheduler.start();

        long liveEdge = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        await(() -> ledger.missing(BTC, liveEdge).isEmpty() && ledger.missing(ETH, liveEdge).isEmpty());

        assertThat(metrics.droppedRecords()).isEqualTo(1);
        assertThat(starts(ETH)).as("ETHUSDT's first window, which lost a record, is fetched again")
                .filteredOn(start -> start == LOOKBACK_START).hasSize(2);
        assertThat(starts(BTC)).as("BTCUSDT's first window came back whole beside it, and is fetched once")
                .filteredOn(start -> start == LOOKBACK_START).hasSize(1);
        assertThat(ledger.coveredRanges(BTC)).containsExactly(new TimeRange(LOOKBACK_START, liveEdge));
    }

    private List<Long> starts(Symbol symbol) {
        return historyStarts.getOrDefault(symbol.value(), List.of());
    }

    /**
     * The store's completeness ledger as the scheduler sees it: tracking starts, and the ranges the
     * scheduler handed over as covered, live or repaired. No bar is stored, so every series starts
     * at the look-back.
     */
    private static final class CoverageLedger implements BarHistory, MarketDataListener {
        private final Map<SeriesKey, Long> trackedSince = new ConcurrentHashMap<>();
        private final Map<Symbol, List<TimeRange>> covered = new ConcurrentHashMap<>();

        @Override
        public OptionalLong lastBarTime(SeriesKey series) {
            return OptionalLong.empty();
        }

        @Override
        public OptionalLong trackedSince(SeriesKey series) {
            Long since = trackedSince.get(series);
            return since == null ? OptionalLong.empty() : OptionalLong.of(since);
        }

        @Override
        public void track(SeriesKey series, long since) {
            trackedSince.merge(series, since, Math::min);
        }

        @Override
        public List<TimeRange> missing(SeriesKey series, long from, long until) {
            Long since = trackedSince.get(series);
            return since == null ? List.of() : gaps(series.symbol(), Math.max(from, since), until);
        }

        List<TimeRange> missing(Symbol symbol, long until) {
            return gaps(symbol, LOOKBACK_START, until);
        }

        private List<TimeRange> gaps(Symbol symbol, long from, long until) {
            List<TimeRange> gaps = new ArrayList<>();
            long at = from;
            for (TimeRange range : coveredRanges(symbol)) {
                if (range.from() > at && at < until) {
                    gaps.add(new TimeRange(at, Math.min(range.from(), until)));
                }
                at = Math.max(at, range.until());
            }
            if (at < until) {
                gaps.add(new TimeRange(at, until));
            }
            return gaps;
        }

        /** Covered ranges in time order, touching ones merged. */
        List<TimeRange> coveredRanges(Symbol symbol) {
            List<TimeRange> sorted = new ArrayList<>(covered.getOrDefault(symbol, List.of()));
            sorted.sort((a, b) -> Long.compare(a.from(), b.from()));
            List<TimeRange> merged = new ArrayList<>();
            for (TimeRange range : sorted) {
                TimeRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && range.from() <= last.until()) {
                    merged.set(merged.size() - 1, new TimeRange(last.from(), Math.max(last.until(), range.until())));
                } else {
                    merged.add(range);
                }
            }
            return merged;
        }

        @Override
        public void onBatch(CycleBatch batch) {
            cover(batch.covered());
        }

        @Override
        public void onRepair(Timeframe timeframe, Map<Symbol, BarColumns> bars, Map<Symbol, TimeRange> complete) {
            cover(complete);
        }

        private void cover(Map<Symbol, TimeRange> ranges) {
            ranges.forEach((symbol, range) -> covered.computeIfAbsent(symbol, key -> new CopyOnWriteArrayList<>()).add(range));
        }
    }

    /**
     * Binance's klines endpoint for BTCUSDT and ETHUSDT, a bar every minute until now; the first
     * answer for ETHUSDT's first backfill window carries one row whose close is not a decimal.
     */
    private final class FakeBinance extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String symbol = request.getUrl().queryParameter("symbol");
            long now = clock.millis() / MINUTE * MINUTE;
            int limit = Integer.parseInt(request.getUrl().queryParameter("limit"));
            String start = request.getUrl().queryParameter("startTime");
            String end = request.getUrl().queryParameter("endTime");
            if (start != null) {
                historyStarts.computeIfAbsent(symbol, key -> new CopyOnWriteArrayList<>()).add(Long.parseLong(start));
            }
            boolean spoilt = symbol.equals("ETHUSDT") && start != null && Long.parseLong(start) == LOOKBACK_START
                    && badRecordServed.compareAndSet(false, true);
            long first = start == null ? now - (limit - 1) * MINUTE : Long.parseLong(start) / MINUTE * MINUTE;
            long last = Math.min(now, end == null ? now : Long.parseLong(end));
            List<String> rows = new ArrayList<>();
            for (long open = first; open <= last && rows.size() < limit; open += MINUTE) {
                double close = 100 + (open / MINUTE) % 50;
                String closeText = spoilt && rows.size() == 30 ? "12,5" : decimal(close);
                rows.add("[" + open + ",\"" + decimal(close) + "\",\"" + decimal(close + 1) + "\",\"" + decimal(close - 1)
                        + "\",\"" + closeText + "\",\"12.5\"," + (open + MINUTE - 1) + ",\"1250\",30,\"6\",\"600\",\"0\"]");
            }
            return new MockResponse.Builder().code(200).body("[" + String.join(",", rows) + "]").build();
        }
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.8f", value);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
