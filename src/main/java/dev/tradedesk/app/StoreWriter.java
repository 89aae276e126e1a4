package dev.tradedesk.app;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import java.util.List;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.PipelineStage;
import dev.tradedesk.store.HistoryStore;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes closed bars to the history store on its own thread ({@code tradedesk-store-writer}), one
 * transaction per batch for all series, together with the ranges of the completeness ledger they
 * complete, so the scheduler never waits on the disk. A failed write is logged and counted; the bars
 * are not lost for good: their range stays missing in the ledger, and the scheduler's next repair
 * pass fetches it again. Thread-safe.
 */
final class StoreWriter implements LivePipeline.ClosedBarWriter {

    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);

    private final HistoryStore store;
    private final ExecutorService thread;
    private final PipelineMetrics pipeline;
    private final Map<Symbol, LongAdder> storedBySymbol = new ConcurrentHashMap<>();
    private final LongAdder failures = new LongAdder();

    StoreWriter(HistoryStore store, ExecutorService thread, PipelineMetrics pipeline) {
        this.store = store;
        this.thread = thread;
        this.pipeline = pipeline;
    }

    /** Queues one transaction for the whole batch and its covered ranges; the batch now belongs to the writer. */
    @Override
    public void write(Map<SeriesKey, BarColumns> batch, Map<SeriesKey, List<TimeRange>> covered) {
        try {
            thread.execute(() -> writeNow(batch, covered));
        } catch (RejectedExecutionException shuttingDown) {
            log.warn("Bars of {} series not stored: shutting down; they will be backfilled at the next start", batch.size());
        }
    }

    private void writeNow(Map<SeriesKey, BarColumns> batch, Map<SeriesKey, List<TimeRange>> covered) {
        long started = System.nanoTime();
        try {
            store.writeAll(batch, covered);
            batch.forEach((series, bars) ->
                    storedBySymbol.computeIfAbsent(series.symbol(), key -> new LongAdder()).add(bars.size()));
        } catch (RuntimeException failure) {
            failures.increment();
            log.error("Could not store the bars of {} series; they will be backfilled at the next start: {}", batch.size(),
                    failure.getMessage());
        } finally {
            pipeline.record(PipelineStage.STORE_WRITE, System.nanoTime() - started);
        }
    }

    /** Bars written per symbol since start, sorted by symbol. */
    Map<Symbol, Long> storedBySymbol() {
        Map<Symbol, Long> copy = new TreeMap<>();
        storedBySymbol.forEach((symbol, count) -> copy.put(symbol, count.sum()));
        return copy;
    }

    long failures() {
        return failures.sum();
    }
}
