package dev.tradedesk.cli;

import dev.tradedesk.app.AppContext;
import dev.tradedesk.app.LogMarkers;
import dev.tradedesk.app.TradeDesk;
import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.store.BarCsvWriter;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreException;
import dev.tradedesk.store.TimeframeHistory;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tradedesk export}: writes a stored series, or a time range of it, as a bar CSV that
 * {@code tradedesk import} reads back as the same bars. Streams in chunks from one consistent
 * snapshot into a temporary file of its own next to the target ({@link OutputTarget#temporaryBeside}),
 * then moves it into place, so a failed export never leaves a partial file under the target's name
 * nor a temporary one beside it. An export that finds no bar (a
 * mistyped symbol, a range before the history) writes nothing, leaves an existing file as it was
 * and exits 1: the file may hold an earlier export that a header-only file would have replaced.
 * With {@code --out -} the CSV is streamed to standard output ({@link StandardOutputWriter}) and
 * the count goes to stderr, so that the output piped on is the CSV alone.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export stored bars to a CSV file that 'import' reads back.",
                "Header: timestamp,open,high,low,close,volume; timestamps ISO-8601 UTC. Without --from and --to,"
                        + " the whole series.",
                "With no stored bar in the range, nothing is written: an existing file is left as it was."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the bars were written",
            "1:there was no stored bar to export (nothing written), or the export failed (said on stderr)",
            "2:a usage error, or an output refused before any work (a missing folder, a directory, TradeDesk's own"
                    + " files)"})
final class ExportCommand implements Callable<Integer> {

    private static final int CHUNK = 8_192;

    @ParentCommand
    private TradeDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SymbolOption symbol;

    // Unlike import's, which says what a file holds, a default here only picks what to read, as
    // snapshot's and gaps' do.
    @Option(names = "--timeframe", paramLabel = "TIMEFRAME", defaultValue = "1Min",
            converter = SeriesOptions.TimeframeConverter.class,
            description = "Bar timeframe: 1Min, 5Min, 15Min, 1Hour or 1Day (default: ${DEFAULT-VALUE}).")
    private Timeframe timeframe;

    @Mixin
    private HistoryChoice source;

    @Mixin
    private TimeSpanOptions span;

    @Mixin
    private TradingDayOption tradingDays;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The CSV file to write (its contents replaced if it exists and bars were found; a link is"
                    + " followed), or - for standard output (the count then goes to stderr).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        TimeSpanOptions.Span asked = span.span(spec.commandLine());
        long first = asked.first();
        long last = asked.last();
        AppContext context = root.contextOfStoredData(spec.commandLine());
        Logger log = LoggerFactory.getLogger(ExportCommand.class);
        PrintWriter err = spec.commandLine().getErr();
        boolean toStandardOutput = StandardOutputWriter.isNamedBy(out);
        Path target = null;
        if (!toStandardOutput) {
            try {
                target = OutputTarget.resolveCsv(out, root.paths());
            } catch (OutputTarget.Refused refused) {
                err.println("tradedesk: " + refused.getMessage());
                log.warn(LogMarkers.TOLD_ON_CONSOLE, "Export refused: {}", refused.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
        }
        SeriesKey key = new SeriesKey(symbol.symbol(), timeframe);
        ProviderKind market = source.simulated() ? ProviderKind.SIM : context.settingsLoad().settings().provider();
        long exported;
        try {
            exported = toStandardOutput ? exportToStandardOutput(context, key, market, first, last)
                    : export(context, key, market, first, last, target);
        } catch (StandardOutputWriter.Closed closed) {
            // The reader had what it wanted (| head): nothing to say on the console, as the shell says nothing.
            log.info("Export of {} to standard output stopped: {}", key, closed.getMessage());
            return 0;
        }
        if (exported == 0) {
            String nothing = "nothing exported: no stored bars of " + key + " in that range (history in "
                    + source.folder(context.paths())
                    + (source.simulated() ? "" : "; --simulated reads the built-in exchange's") + "); "
                    + (toStandardOutput ? "nothing was written to standard output"
                            : Files.exists(target) ? out + " is left as it was" : out + " was not written");
            err.println("tradedesk: " + nothing);
            log.warn(LogMarkers.TOLD_ON_CONSOLE, "Export failed: {}", nothing);
            return CommandLine.ExitCode.SOFTWARE;
        }
        // On standard output the CSV is the output: the count goes where the other messages go.
        (toStandardOutput ? err : spec.commandLine().getOut()).println("exported: " + exported);
        log.info("Exported {} bars of {} to {}", exported, key, toStandardOutput ? "standard output" : target);
        return 0;
    }

    /**
     * Bars of {@code key}'s timeframe built exactly from the stored one-minute bars, as the
     * workstation builds them (daily bars over the days of {@code dayZone}). The bar in progress at
     * the end is left out: its minutes are not all there yet.
     *
     * @return the number of bars written
     */
    private static long aggregated(HistoryStore store, SeriesKey key, ZoneId dayZone, long first, long last,
            CsvFromFirstBar writer) throws IOException {
        BarAggregator buckets = new BarAggregator(key.timeframe(), dayZone);
        long from = first == Long.MIN_VALUE ? first : buckets.bucketStartOf(first);
        long to = last == Long.MAX_VALUE ? last : buckets.bucketStartOf(last) + 2 * key.timeframe().millis();
        BarColumns out = new BarColumns(CHUNK);
        BarAggregator.Sink inRange = (time, open, high, low, close, volume) -> {
            if (time >= first && time <= last) {
                out.add(time, open, high, low, close, volume);
            }
        };
        long[] newestMinute = {Long.MIN_VALUE};
        long before = writer.written();
        store.stream(new SeriesKey(key.symbol(), Timeframe.ONE_MINUTE), from, to, CHUNK, minutes -> {
            for (int i = 0; i < minutes.size(); i++) {
                buckets.add(minutes.time(i), minutes.open(i), minutes.high(i), minutes.low(i), minutes.close(i),
                        minutes.volume(i), inRange);
            }
            newestMinute[0] = minutes.time(minutes.size() - 1);
            writer.write(out);
            out.clear();
        });
        if (newestMinute[0] != Long.MIN_VALUE && buckets.bucketOver(newestMinute[0], System.currentTimeMillis())) {
            buckets.flush(inRange);
            writer.write(out);
        }
        return writer.written() - before;
    }

    private long export(AppContext context, SeriesKey key, ProviderKind market, long first, long last, Path target)
            throws IOException {
        try (TradeDesk desk = new TradeDesk(context)) {
            Optional<HistoryStore> existing = source.existingStore(desk, context.paths());
            return existing.isEmpty() ? 0 : exportInPlace(existing.get(), key, market, first, last, target);
        }
    }

    private long exportInPlace(HistoryStore store, SeriesKey key, ProviderKind market, long first, long last, Path target)
            throws IOException {
        try (OutputTarget.Temporary temporary = OutputTarget.temporaryBeside(target)) {
            long exported = write(store, key, market, first, last, temporary.writer());
            if (exported == 0) {
                // A mistyped symbol exports nothing: the file it names may be an earlier export of the right one.
                return 0;
            }
            temporary.moveOver(target);
            return exported;
        } catch (IOException e) {
            throw new StoreException("cannot write " + target + ": " + OutputTarget.reason(e), e);
        }
    }

    /**
     * Streams the CSV to standard output as it is read: there is no file to move into place, so a
     * failure part-way leaves the rows before it written (the exit code says so).
     *
     * @throws StandardOutputWriter.Closed if standard output's reader closed the pipe
     * @throws StandardOutputWriter.Failed if standard output could not be written (a full disk)
     */
    private long exportToStandardOutput(AppContext context, SeriesKey key, ProviderKind market, long first, long last)
            throws IOException {
        try (TradeDesk desk = new TradeDesk(context)) {
            Optional<HistoryStore> existing = source.existingStore(desk, context.paths());
            if (existing.isEmpty()) {
                return 0;
            }
            return write(existing.get(), key, market, first, last,
                    new BufferedWriter(new StandardOutputWriter(spec.commandLine().getOut(), root.standardOutput())));
        } catch (StoreException failed) {
            if (failed.getCause() instanceof StandardOutputWriter.Closed closed) {
                throw closed; // met inside the store's stream, which wraps what its consumer throws
            }
            if (failed.getCause() instanceof StandardOutputWriter.Failed unwritable) {
                throw unwritable; // reported as it is, not as a failure to read the store
            }
            throw failed;
        }
    }

    /**
     * Writes the bars of {@code key} in the range to {@code out}, which it closes; returns how many.
     * Above one minute, the bars are those the chart shows: the bars stored of the timeframe itself
     * (an imported daily history, on its trading days) that open before the bucket of the first
     * stored minute, then bars built from the minutes, daily ones over the days of their market ({@link TradingDayOption};
     * {@code market}'s where the store does not say). An export of what the window showed held the
     * stored daily bars alone, and lacked every day the minutes made.
     */
    private long write(HistoryStore store, SeriesKey key, ProviderKind market, long first, long last, Writer out)
            throws IOException {
        try (CsvFromFirstBar writer = new CsvFromFirstBar(out)) {
            if (key.timeframe() == Timeframe.ONE_MINUTE) {
                return store.stream(key, first, last, CHUNK, writer::write);
            }
            ZoneId dayZone = tradingDays.zone(store, key.symbol(), key.timeframe(), market);
            OptionalLong firstMinute = store.firstTime(new SeriesKey(key.symbol(), Timeframe.ONE_MINUTE));
            long builtFrom = firstMinute.isEmpty() ? Long.MAX_VALUE
                    : new BarAggregator(key.timeframe(), dayZone).bucketStartOf(firstMinute.getAsLong());
            long exported = 0;
            if (first < builtFrom && key.timeframe() == Timeframe.ONE_DAY) {
                exported += storedDays(store, key, dayZone, first, Math.min(last, builtFrom - 1), writer);
            } else if (first < builtFrom) {
                exported += store.stream(key, first, Math.min(last, builtFrom - 1), CHUNK, writer::write);
            }
            if (firstMinute.isPresent() && last >= builtFrom) {
                exported += aggregated(store, key, dayZone, Math.max(first, builtFrom), last, writer);
            }
            return exported;
        }
    }

    /**
     * Writes the daily bars stored of {@code key} on their trading days in {@code dayZone}, where the
     * chart places them ({@link TimeframeHistory#onTradingDays}), those from {@code first} to {@code
     * last} there; returns how many. As stored, a series imported as UTC days beside minutes that
     * make New York's put two bars on the date of the first minute, and a file that {@code import}
     * refused to read back as one series.
     */
    private static long storedDays(HistoryStore store, SeriesKey key, ZoneId dayZone, long first, long last,
            CsvFromFirstBar writer) throws IOException {
        long[] written = {0};
        // A bar moves by less than a day: from a UTC midnight to its date's start in New York, say.
        long day = Timeframe.ONE_DAY.millis();
        store.stream(key, Math.max(first, Long.MIN_VALUE + day) - day, Math.min(last, Long.MAX_VALUE - day) + day, CHUNK,
                chunk -> {
                    BarColumns placed = TimeframeHistory.onTradingDays(chunk, dayZone);
                    BarColumns within = new BarColumns(placed.size());
                    for (int i = 0; i < placed.size(); i++) {
                        if (placed.time(i) >= first && placed.time(i) <= last) {
                            within.add(placed.bar(i));
                        }
                    }
                    writer.write(within);
                    written[0] += within.size();
                });
        return written[0];
    }

    /**
     * A bar CSV begun at its first bar, so that an export that finds none writes nothing at all: a
     * file would not be moved into place anyway, but standard output cannot take a header back.
     */
    private static final class CsvFromFirstBar implements Closeable {

        private final Writer out;
        private BarCsvWriter csv;

        CsvFromFirstBar(Writer out) {
            this.out = out;
        }

        void write(BarColumns bars) throws IOException {
            if (bars.isEmpty()) {
                return;
            }
            if (csv == null) {
                csv = new BarCsvWriter(out);
            }
            csv.write(bars);
        }

        long written() {
            return csv == null ? 0 : csv.written();
        }

        @Override
        public void close() throws IOException {
            if (csv != null) {
                csv.close();
            } else {
                out.close();
            }
        }
    }
}
