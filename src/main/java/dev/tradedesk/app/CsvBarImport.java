package dev.tradedesk.app;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.store.BarCsvException;
import dev.tradedesk.store.BarCsvSource;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreException;
import dev.tradedesk.store.UnusableInput;
import dev.tradedesk.ui.workstation.BarImport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's import of a bar CSV ({@code tradedesk import}'s format and rules) into a history
 * store, in one transaction, run by {@link #run} on a background thread: progress by the bytes of
 * the file read, a stop that rolls back, and an outcome or a one-line reason. Told in the log once,
 * here; the window shows the same words.
 */
final class CsvBarImport implements BarImport {

    private static final Logger log = LoggerFactory.getLogger(CsvBarImport.class);
    /** Skipped rows named one by one; the rest are counted. */
    static final int LISTED_SKIPS = 20;

    private final Path file;
    private final SeriesKey series;
    private final ZoneId localTimes;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private volatile long fileSize;
    private volatile long bytesRead; // written by the importing thread only
    private volatile boolean cancelled;

    CsvBarImport(Path file, SeriesKey series, ZoneId localTimes) {
        this.file = Objects.requireNonNull(file, "file");
        this.series = Objects.requireNonNull(series, "series");
        this.localTimes = Objects.requireNonNull(localTimes, "localTimes");
    }

    @Override
    public SeriesKey series() {
        return series;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public double fraction() {
        long size = fileSize;
        return size <= 0 ? 0 : Math.min(1, (double) bytesRead / size);
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public CompletionStage<Outcome> outcome() {
        return outcome;
    }

    /** Fails the import without running it: its store could not be opened ({@code reason}). */
    void failBeforeStart(String reason) {
        fail(reason);
    }

    /**
     * Imports the file into {@code store} and completes the outcome; returns when it is complete.
     *
     * @param charted   whether {@code store} is the history the chart shows (told in the outcome)
     * @param nowMillis bars opening after this are skipped as in the future
     */
    void run(HistoryStore store, boolean charted, long nowMillis) {
        List<String> skippedLines = new ArrayList<>();
        long[] rowsRead = {0};
        BarCsvSource source;
        try {
            source = open((line, reason) -> {
                if (skippedLines.size() < LISTED_SKIPS) {
                    skippedLines.add("line " + line + ": " + reason);
                    log.info("Import of {}: skipped line {}: {}", file, line, reason);
                }
            }).onlyBarsOf(series.timeframe(), nowMillis).localTimesIn(localTimes);
        } catch (IOException unusable) {
            fail(UnusableInput.reason(file, unusable));
            return;
        }
        try (source) {
            source.dailyBarsBeside(store.lastTime(series));
            long imported = store.write(series, (chunk, limit) -> {
                // Also at the end, with nothing left to read: a stop asked for then still rolls back.
                if (cancelled) {
                    throw new Stopped();
                }
                source.fill(chunk, limit);
                rowsRead[0] += chunk.size();
            });
            if (imported >= HistoryStore.BULK_WRITE_BARS) {
                store.compactOnClose();
            }
            long skipped = source.skipped();
            if (imported == 0 && skipped > 0) {
                fail("no valid bars in " + file + " (" + skipped + (skipped == 1 ? " row" : " rows")
                        + " skipped, the first at " + skippedLines.get(0) + "); nothing was imported");
                return;
            }
            log.info("Imported {} into {}: {} bars, {} rows skipped", file, series, imported, skipped);
            outcome.complete(new Outcome(imported, skipped, skippedLines, charted));
        } catch (StoreException failed) {
            if (failed.getCause() instanceof Stopped || cancelled && !failed.committed()) {
                String stopped = "import of " + file + " stopped after " + rowsRead[0] + " rows: nothing was imported";
                log.info("{}", stopped);
                outcome.completeExceptionally(new CancellationException(stopped));
            } else if (failed.getCause() instanceof BarCsvException unusable) {
                fail(unusable.getMessage() + "; nothing was imported");
            } else {
                fail(failed.getMessage());
            }
        } catch (IOException | RuntimeException failed) {
            fail("cannot import " + file + ": " + failed.getMessage());
        } finally {
            bytesRead = fileSize;
        }
    }

    /** The file as a bar CSV, its header checked, read through a channel that counts its bytes. */
    private BarCsvSource open(BarCsvSource.RejectListener rejects) throws IOException {
        FileChannel channel = FileChannel.open(file);
        try {
            fileSize = channel.size();
        } catch (IOException unreadable) {
            channel.close();
            throw unreadable;
        }
        return BarCsvSource.open(file, new CountingChannel(channel), rejects); // closes the channel if it throws
    }

    private void fail(String reason) {
        log.warn("Import of {} into {} failed: {}", file, series, reason);
        outcome.completeExceptionally(new CompletionException(reason, null));
    }

    /** Thrown into the store's write to roll it back once a stop is asked for. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("the import was stopped", null, false, false);
        }
    }

    /** The file's channel, counting the bytes read for {@link #fraction()}. */
    private final class CountingChannel implements ReadableByteChannel {

        private final ReadableByteChannel in;

        CountingChannel(ReadableByteChannel in) {
            this.in = in;
        }

        @Override
        public int read(ByteBuffer into) throws IOException {
            int read = in.read(into);
            if (read > 0) {
                bytesRead += read;
            }
            return read;
        }

        @Override
        public boolean isOpen() {
            return in.isOpen();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
