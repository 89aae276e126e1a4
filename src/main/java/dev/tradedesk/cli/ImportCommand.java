package dev.tradedesk.cli;

import static dev.tradedesk.store.StoreException.rootReasonOf;

import dev.tradedesk.app.AppContext;
import dev.tradedesk.app.LogMarkers;
import dev.tradedesk.app.TradeDesk;
import dev.tradedesk.core.PrintableText;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.store.BarCsvException;
import dev.tradedesk.store.BarCsvSource;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreException;
import dev.tradedesk.store.UnusableInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
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
 * {@code tradedesk import}: streams a bar CSV into the history in one transaction. Bad rows are
 * reported with their line and skipped; a missing, unreadable or malformed file is an input
 * error (exit code 2) and writes nothing. An import the device refused to flush is stored but told
 * as not forced to the device, and exits 1. Ctrl-C or SIGTERM before the commit rolls the
 * transaction back, closes the store, says how many rows had been read and that none was stored,
 * and exits 1 ({@link StopSignals}; a second one exits at once): a stopped import is most often a
 * wrong file or symbol noticed, which half of it stored would make worse.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import bars from a CSV file into the history.",
                "One transaction: a file that cannot be read writes nothing.",
                "Header: timestamp,open,high,low,close,volume; timestamps ISO-8601 (a space may stand for the T,"
                        + " as pandas writes; without an offset, UTC or the --zone given) or epoch milliseconds, strictly increasing.",
                "Daily bars open at the start of a New York day (a US stock's trading day) or of a UTC day (a crypto"
                        + " market's), one kind a series: that of its stored bars, else of the file's first bar.",
                "Rows that are not valid bars (timestamps off the timeframe's grid, in the future, or before"
                        + " 1990-01-01 UTC (1800-01-01 for daily bars) included)"
                        + " are reported with their line number and skipped; bars already stored at the same times"
                        + " are replaced. A file whose rows are all invalid is an input error, and so is one whose"
                        + " rows open between the timeframe's bars more often than on them, or in more than a third of"
                        + " the rows once three do (shorter bars), or mostly go back in time (newest"
                        + " first); a file with only"
                        + " the header imports nothing.",
                "An import of 100,000 bars or more compacts the database file when it finishes.",
                "Ctrl-C or SIGTERM before the end rolls the transaction back: nothing is imported."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the file was imported (its bad rows skipped and listed)",
            "1:nothing was imported as the import was stopped (Ctrl-C, SIGTERM) or failed, or the bars were stored but"
                    + " the device refused to flush them; said on stderr",
            "2:a usage error, or an input file it cannot use (missing, unreadable, not a bar CSV, no valid row, shorter"
                    + " bars than --timeframe, sorted newest first); nothing was imported",
            "130, 143:a second Ctrl-C or SIGTERM while it was stopping, which ends it at once"})
final class ImportCommand implements Callable<Integer> {

    /** Skipped rows listed on the console and in the log; the rest are only counted. */
    private static final int MAX_LISTED_REJECTS = 20;

    @ParentCommand
    private TradeDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SeriesOptions series;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The CSV file to read.")
    private Path in;

    @Option(names = "--zone", paramLabel = "ZONE", converter = ZoneConverter.class,
            description = "The time zone of timestamps written without an offset, such as pandas writes for a naive"
                    + " index (2024-01-02 09:30:00): America/New_York for US exchange times (default: UTC). Dates alone"
                    + " stay days.")
    private ZoneId zone = ZoneOffset.UTC;

    @Override
    public Integer call() {
        Logger log = LoggerFactory.getLogger(ImportCommand.class);
        ImportStop stop = new ImportStop(spec.commandLine().getErr(), log);
        try (StopSignals ctrlC = StopSignals.install(stop::ask)) {
            return importFile(stop, ctrlC, log);
        }
    }

    private int importFile(ImportStop stop, StopSignals ctrlC, Logger log) {
        AppContext context = root.context();
        PrintWriter err = spec.commandLine().getErr();
        ProgressLine progress = new ProgressLine(err, System::nanoTime, System.console() != null);
        long[] rejected = {0};
        BarCsvSource source;
        try {
            source = BarCsvSource.open(in, stop.open(in), (line, reason) -> {
                if (++rejected[0] <= MAX_LISTED_REJECTS) {
                    progress.clear();
                    err.println("skipped line " + line + ": " + reason);
                    log.info("Import of {}: skipped line {}: {}", in, line, reason);
                }
            }).onlyBarsOf(series.key().timeframe(), System.currentTimeMillis()).localTimesIn(zone);
        } catch (IOException e) {
            if (stop.asked()) {
                return stopped(in, 0, progress, new Console(spec.commandLine().getOut(), err, log));
            }
            return inputError(log, err, UnusableInput.reason(in, e));
        }
        try (source) {
            return importFrom(context, source, progress, stop, ctrlC, log);
        } catch (IOException e) {
            throw new StoreException("cannot close " + in + ": " + e.getMessage(), e);
        } finally {
            progress.clear();
        }
    }

    private int importFrom(AppContext context, BarCsvSource source, ProgressLine progress, ImportStop stop,
            StopSignals ctrlC, Logger log) {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), log);
        try (TradeDesk desk = new TradeDesk(context)) {
            int exitCode = importInto(desk.historyStore(), series.key(), in, source, progress, stop, console);
            if (exitCode == 0 && context.settingsLoad().settings().provider() == ProviderKind.SIM
                    && desk.historyStore().lastTime(series.key()).isPresent()) {
                console.note(in, notShownOnTheSimulatorNote(series.key()));
            }
            // Told before the store closes: a second signal during the compaction ends the JVM at once.
            console.out().flush();
            if (stop.compacts()) {
                ctrlC.haltOnSecondSignal();
            }
            return exitCode;
        } finally {
            stop.ending();
        }
    }

    /** Where an import tells how it went: the console's two streams, and the log. */
    record Console(PrintWriter out, PrintWriter err, Logger log) {

        /** A note after the import of {@code in}: on stderr, and in the log as told there. */
        void note(Path in, String note) {
            err.println("note: " + note);
            log.info(LogMarkers.TOLD_ON_CONSOLE, "Import of {}: {}", in, note);
        }
    }

    /**
     * Writes the bars of {@code source} ({@code in}) into {@code store} as {@code key}'s, in one
     * transaction, and tells how it went. {@code stop} is looked at before each chunk and before the
     * commit: once asked, the transaction is rolled back.
     *
     * @return the exit code
     */
    static int importInto(HistoryStore store, SeriesKey key, Path in, BarCsvSource source, ProgressLine progress,
            ImportStop stop, Console console) {
        long[] read = {0};
        source.dailyBarsBeside(store.lastTime(key));
        try {
            long imported = store.write(key, (chunk, limit) -> {
                if (stop.asked()) {
                    throw new ImportStop.Stopped();
                }
                source.fill(chunk, limit);
                read[0] += chunk.size();
                progress.advance(chunk.size());
                if (chunk.isEmpty() && !stop.commitFirst()) {
                    throw new ImportStop.Stopped();
                }
            });
            if (imported >= HistoryStore.BULK_WRITE_BARS) {
                store.compactOnClose();
                stop.compacting(imported);
            }
            long skipped = endOfRows(source, progress, console);
            if (imported == 0 && skipped > 0) {
                return inputError(console.log(), console.err(),
                        "no valid bars in " + in + " (" + Counted.of(skipped, "row") + " skipped); nothing was imported");
            }
            console.out().println("imported: " + imported + ", skipped: " + skipped);
            console.log().info("Imported {} into {}: {} bars, {} rows skipped", in, key, imported, skipped);
            readAsUtcNote(source.localTimes(), key.timeframe()).ifPresent(note -> console.note(in, note));
            return 0;
        } catch (StoreException e) {
            if (stop.asked() && !e.committed()) {
                // Whatever the read failed with once the stop closed the input, the transaction was rolled back.
                return stopped(in, read[0] + source.skipped(), progress, console);
            }
            if (e.getCause() instanceof BarCsvException csv) {
                progress.clear();
                return inputError(console.log(), console.err(), csv.getMessage() + "; nothing was imported");
            }
            if (e.committed()) {
                // Every bar read was written in the transaction that committed.
                return notForced(key, in, read[0], endOfRows(source, progress, console), e, console);
            }
            throw e;
        }
    }

    /**
     * The workstation on the simulated exchange, the default, charts that exchange's own history
     * (a database of its own, so invented prices never mix with real ones): a user who imports and
     * then starts it would look for the bars in vain without a word of where they are.
     */
    private static String notShownOnTheSimulatorNote(SeriesKey key) {
        return "the workstation is set to the simulated exchange, which charts its own prices, not imported bars: see"
                + " these with `tradedesk snapshot --symbol " + key.symbol().value() + " --timeframe "
                + key.timeframe().label() + " --out FILE.png`, or in the workstation after choosing a real provider in"
                + " File → Settings";
    }

    /**
     * What to say of rows dated without an offset that were read as UTC, the default: a frame of New
     * York times written by pandas is stored four or five hours off, and the bars stay at those
     * times, since another import of the file adds bars at the right ones beside them: so the note
     * names {@code delete} too. Nothing for daily bars: one dated at a UTC midnight is its day.
     */
    private static Optional<String> readAsUtcNote(BarCsvSource.LocalTimes local, Timeframe timeframe) {
        if (local.rows() == 0 || timeframe == Timeframe.ONE_DAY || !local.zone().normalized().equals(ZoneOffset.UTC)) {
            return Optional.empty();
        }
        return Optional.of(Counted.of(local.rows(), "row") + " dated without an offset (the first on line "
                + local.firstLine() + ": " + PrintableText.of(local.first(), 40) + ") " + (local.rows() == 1 ? "was" : "were")
                + " read as UTC; if they are another zone's times, such as New York's, these bars are stored hours"
                + " off: take them out with `tradedesk delete`, then import the file again with its zone (--zone"
                + " America/New_York)");
    }

    /**
     * Stopped before the commit: the transaction was rolled back, so what was stored before the
     * import is all there is, and the file can be imported again from its start.
     */
    private static int stopped(Path in, long rowsRead, ProgressLine progress, Console console) {
        progress.clear();
        String message = "import of " + in + " stopped (Ctrl-C or SIGTERM) after " + Counted.of(rowsRead, "row")
                + " read: nothing was imported (its one transaction was rolled back, so the history is as it was)";
        console.err().println("tradedesk: " + message);
        console.log().warn(LogMarkers.TOLD_ON_CONSOLE, "{}", message);
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** Clears the progress line and counts the skipped rows not listed; returns every row skipped. */
    private static long endOfRows(BarCsvSource source, ProgressLine progress, Console console) {
        progress.clear();
        long skipped = source.skipped();
        if (skipped > MAX_LISTED_REJECTS) {
            console.err().println("... and " + Counted.of(skipped - MAX_LISTED_REJECTS, "more row") + " skipped");
        }
        return skipped;
    }

    /**
     * The import committed, but the device refused to flush it: the bars are stored and read back,
     * so "nothing was imported" would be false, yet they may not survive a crash, so the import
     * fails (exit 1) as one whose durability could not be acknowledged. The file is not compacted:
     * rewriting it on a device that fails its flushes would only risk more.
     */
    private static int notForced(SeriesKey key, Path in, long imported, long skipped, StoreException failure,
            Console console) {
        String message = "imported " + Counted.of(imported, "bar") + " into " + key + " (" + Counted.of(skipped, "row")
                + " skipped), but the device refused to flush them (" + rootReasonOf(failure)
                + "): they are stored, but an"
                + " operating-system crash or power cut may lose them; check the disk, then import " + in + " again";
        console.err().println("tradedesk: " + message);
        console.log().error(LogMarkers.TOLD_ON_CONSOLE, "Import of {}: {}", in, message);
        return CommandLine.ExitCode.SOFTWARE;
    }

    private static int inputError(Logger log, PrintWriter err, String message) {
        err.println("tradedesk: " + message);
        log.warn(LogMarkers.TOLD_ON_CONSOLE, "Import refused: {}", message);
        return CommandLine.ExitCode.USAGE;
    }
}
