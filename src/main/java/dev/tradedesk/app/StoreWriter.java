package dev.tradedesk.app;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.RepeatingFailures;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.feed.PipelineMetrics;
import dev.tradedesk.feed.PipelineStage;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreException;
import dev.tradedesk.ui.live.MarketUpdate;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes closed bars to the history store on its own thread ({@code tradedesk-store-writer}), one
 * transaction per batch for all series, together with the ranges of the completeness ledger they
 * complete, so the scheduler never waits on the disk. A failed write is counted and logged, once
 * while it repeats (then a summary a minute); the bars are not kept, and not lost for good: their
 * range stays missing in the ledger, and the scheduler's repair passes fetch it again once the store
 * takes writes (a store whose disk filled up reopens itself when it has room). A write the store
 * committed but the device refused to flush ({@link StoreException#committed()}) is counted and told
 * as such, and otherwise taken as stored: its bars and ranges are read back. The completeness read
 * back after a good write is no part of it: when that read fails, the read is told (once while it
 * repeats), and the write still counts as done. Thread-safe.
 */
final class StoreWriter implements LivePipeline.ClosedBarWriter {

    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);

    private final HistoryStore store;
    private final ExecutorService thread;
    private final PipelineMetrics pipeline;
    private final Map<Symbol, LongAdder> writtenBySymbol = new ConcurrentHashMap<>();
    private final LongAdder failures = new LongAdder();
    private final RepeatingFailures repeating = RepeatingFailures.everyMinute();
    private final RepeatingFailures failedReads = RepeatingFailures.everyMinute();
    private final RepeatingFailures notForced = RepeatingFailures.everyMinute();
    private final Clock marketClock;
    private final Consumer<MarketUpdate> publisher;

    /**
     * @param marketClock what time it is for bars: completeness is measured up to now
     * @param publisher   told each written series' completeness (from the writer thread)
     */
    StoreWriter(HistoryStore store, ExecutorService thread, PipelineMetrics pipeline, Clock marketClock,
            Consumer<MarketUpdate> publisher) {
        this.store = store;
        this.thread = thread;
        this.pipeline = pipeline;
        this.marketClock = marketClock;
        this.publisher = publisher;
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

    /**
     * Like {@link #write}; once the bars are stored, the UI is told which symbols' history they
     * changed, so that a chart showing one reloads it.
     */
    @Override
    public void writeRepair(Map<SeriesKey, BarColumns> batch, Map<SeriesKey, List<TimeRange>> covered) {
        try {
            thread.execute(() -> {
                Set<Symbol> changed = symbolsChangedBy(batch);
                if (writeNow(batch, covered) && !changed.isEmpty()) {
                    publisher.accept(MarketUpdate.ofRepairedHistory(changed));
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            log.warn("Repaired bars of {} series not stored: shutting down; they will be repaired at the next start", batch.size());
        }
    }

    /**
     * The symbols of {@code batch} whose bars the store does not hold already, as they are. A range
     * stored but never recorded as covered (imported minutes inside the look-back, say) is fetched
     * again by the repair passes and brings the same bars: a chart reloaded for them, 100,000 bars
     * read and computed again, would show what it shows. A series the store cannot read counts as
     * changed. Writer thread, before the write.
     */
    private Set<Symbol> symbolsChangedBy(Map<SeriesKey, BarColumns> batch) {
        Set<Symbol> changed = new HashSet<>();
        batch.forEach((series, bars) -> {
            if (!bars.isEmpty() && !storedAlready(series, bars)) {
                changed.add(series.symbol());
            }
        });
        return changed;
    }

    private boolean storedAlready(SeriesKey series, BarColumns bars) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < bars.size(); i++) {
            first = Math.min(first, bars.time(i));
            last = Math.max(last, bars.time(i));
        }
        BarColumns stored = new BarColumns(bars.size());
        try {
            store.readRange(series, first, last, stored);
        } catch (RuntimeException unreadable) {
            return false; // the chart's reload reads the store itself, and says what it finds
        }
        if (stored.size() != bars.size()) {
            return false;
        }
        for (int i = 0; i < bars.size(); i++) {
            if (!stored.bar(i).equals(bars.bar(i))) {
                return false; // a bar the provider corrected, or the batch out of time order
            }
        }
        return true;
    }

    /**
     * Waits until the writes queued before this call are done (stored or failed), for at most
     * {@code timeout}. The UI gets closed bars only after they are queued here, so a history read
     * after this sees every bar the UI has been given. False if the wait timed out or was
     * interrupted (the interrupt kept); true if the writer is shut down.
     */
    boolean awaitQueued(Duration timeout) {
        Future<?> marker;
        try {
            marker = thread.submit(() -> { });
        } catch (RejectedExecutionException shuttingDown) {
            return true;
        }
        try {
            marker.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException slow) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException cannotFail) {
            return true;
        }
    }

    /** Whether the batch was stored. */
    private boolean writeNow(Map<SeriesKey, BarColumns> batch, Map<SeriesKey, List<TimeRange>> covered) {
        long started = System.nanoTime();
        try {
            if (!store(batch, covered)) {
                return false;
            }
            publishCompleteness(batch.size(), covered.keySet());
            return true;
        } finally {
            pipeline.record(PipelineStage.STORE_WRITE, System.nanoTime() - started);
        }
    }

    private boolean store(Map<SeriesKey, BarColumns> batch, Map<SeriesKey, List<TimeRange>> covered) {
        try {
            store.writeAll(batch, covered);
        } catch (StoreException failure) {
            return failure.committed() ? storedNotForced(batch, failure) : failed(batch, failure);
        } catch (RuntimeException failure) {
            return failed(batch, failure);
        }
        long notForcedBefore = notForced.succeeded();
        if (notForcedBefore > 0) {
            log.info("Stored bars are flushed to the device again, after {} writes that were not", notForcedBefore);
        }
        stored(batch);
        return true;
    }

    /** A write that stored nothing: counted and told, and its ranges stay missing in the ledger. */
    private boolean failed(Map<SeriesKey, BarColumns> batch, RuntimeException failure) {
        failures.increment();
        repeating.report(failure, () -> log.error("Could not store the bars of {} series; their ranges stay missing"
                + " and are fetched again once the store takes writes: {}", batch.size(), failure.getMessage()),
                repeats -> log.error("Still cannot store bars: {} more writes failed the same way: {}", repeats,
                        failure.getMessage()));
        return false;
    }

    /**
     * A write committed that the device refused to flush: a failure, counted and told, but its bars
     * and the ranges they complete are in the store and read back, so they are not fetched again.
     */
    private boolean storedNotForced(Map<SeriesKey, BarColumns> batch, StoreException failure) {
        failures.increment();
        notForced.report(failure, () -> log.error("Stored the bars of {} series and the ranges they complete, but the"
                + " device refused to flush them (check the disk): {}", batch.size(), failure.getMessage()),
                repeats -> log.error("Still cannot flush stored bars to the device: {} more writes failed the same way: {}",
                        repeats, failure.getMessage()));
        stored(batch);
        return true;
    }

    private void stored(Map<SeriesKey, BarColumns> batch) {
        long failedBefore = repeating.succeeded();
        if (failedBefore > 0) {
            log.info("Bars are stored again, after {} failed writes", failedBefore);
        }
        batch.forEach((series, bars) ->
                writtenBySymbol.computeIfAbsent(series.symbol(), key -> new LongAdder()).add(bars.size()));
    }

    /**
     * Tells the UI the written series' completeness, read back from the ledger. The bars are stored
     * whatever this read does: a failure here is told as a failed read, not counted as a failed write.
     */
    private void publishCompleteness(int seriesWritten, Set<SeriesKey> written) {
        if (written.isEmpty()) {
            return;
        }
        long now = marketClock.millis();
        Map<Symbol, Double> completeness = new HashMap<>();
        try {
            for (SeriesKey series : written) {
                long until = series.timeframe().gridStart(now);
                completeness.put(series.symbol(), store.ledger(series, Long.MIN_VALUE, until).completeness(until));
            }
        } catch (RuntimeException failure) {
            failedReads.report(failure, () -> log.warn("Stored the bars of {} series, but could not read their completeness"
                    + " back; the watchlist shows it after the next write whose read succeeds: {}", seriesWritten,
                    failure.getMessage()),
                    repeats -> log.warn("Still cannot read the completeness of stored bars: {} more reads failed the same"
                            + " way: {}", repeats, failure.getMessage()));
            return;
        }
        failedReads.succeeded();
        publisher.accept(MarketUpdate.ofCompleteness(completeness));
    }

    /** Bars written per symbol since start, sorted by symbol; a bar written again counts again. */
    Map<Symbol, Long> writtenBySymbol() {
        Map<Symbol, Long> copy = new TreeMap<>();
        writtenBySymbol.forEach((symbol, count) -> copy.put(symbol, count.sum()));
        return copy;
    }

    long failures() {
        return failures.sum();
    }
}
