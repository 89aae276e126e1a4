package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.awaitility.Awaitility;
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
    private static final long LOOKBACK_START = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");

    private final CoverageLedger ledger = new CoverageLedger();
    /** The startTime of every history request, per symbol, in the order they came. */
    private final Map<String, List<Long>> historyStarts = new ConcurrentHashMap<>();
    private final AtomicBoolean badRecordServed = new AtomicBoolean();
    private BinanceSchedulingRig rig;

    @BeforeEach
    void start() throws IOException {
        rig = new BinanceSchedulingRig(NOW, new FakeBinance());
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        rig.close();
    }

    @Test
    void aRecordDroppedFromOneSymbolsAnswerIsFetchedAgainForThatSymbolAlone() {
        rig.start(ledger, ledger, Duration.ofHours(3), List.of(BTC, ETH));

        long liveEdge = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(5))
                .until(() -> ledger.missing(BTC, liveEdge).isEmpty() && ledger.missing(ETH, liveEdge).isEmpty());

        assertThat(rig.metrics.droppedRecords()).isEqualTo(1);
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
        public void track(SeriesKey series, long since, ZoneId tradingDayZone) {
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
            String start = request.getUrl().queryParameter("startTime");
            if (start != null) {
                historyStarts.computeIfAbsent(symbol, key -> new CopyOnWriteArrayList<>()).add(Long.parseLong(start));
            }
            boolean spoilt = symbol.equals("ETHUSDT") && start != null && Long.parseLong(start) == LOOKBACK_START
                    && badRecordServed.compareAndSet(false, true);
            long spoiltOpen = LOOKBACK_START + 30 * BinanceSchedulingRig.MINUTE;
            return rig.klines(request, open -> spoilt && open == spoiltOpen ? "12,5" : BinanceSchedulingRig.closeText(open));
        }
    }
}
