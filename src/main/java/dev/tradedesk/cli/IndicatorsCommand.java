package dev.tradedesk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tradedesk.app.LogMarkers;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorPipeline;
import dev.tradedesk.store.BarCsvException;
import dev.tradedesk.store.BarCsvFormat;
import dev.tradedesk.store.BarCsvSource;
import dev.tradedesk.store.UnusableInput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tradedesk indicators --in BARS.csv --out OUT.csv}: the indicator set for a CSV of bars,
 * one output row per input row (docs/indicators.md), streamed in chunks so any number of rows runs
 * in constant memory. The output is written to a temporary file beside the target ({@link
 * OutputTarget#temporaryBeside}) and moved into place only on success: a bad row leaves no partial
 * file. An input file it cannot use (missing, unreadable, not a bar CSV, a bad row) exits 2, as
 * {@code import} exits for the same file. With {@code --out -} the values are streamed to standard
 * output ({@link StandardOutputWriter}) and the row count goes to stderr.
 */
@Command(name = "indicators", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compute RSI, StochRSI, ATR, volatility bands and relative volume for a CSV of bars.",
                "Input header: timestamp,open,high,low,close,volume (timestamp: ISO-8601 date or date-time, its T"
                        + " may be a space, UTC unless an offset is given; or epoch milliseconds; strictly increasing).",
                "Output: timestamp followed by one column per indicator; empty where undefined.",
                "A bad row stops it, reported with its line: the output has one row per input row."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the values were written",
            "1:it failed, said on stderr: the output could not be written, or the input not read to its end; an"
                    + " existing output is left as it was",
            "2:a usage error, an output refused before any work (a missing folder, the input itself, TradeDesk's own"
                    + " files), or an input file it cannot use (missing, unreadable, not a bar CSV, a bad row), as"
                    + " import refuses it; nothing is written"})
final class IndicatorsCommand implements Callable<Integer> {

    private static final int CHUNK = 8_192;
    private static final IndicatorParameters D = IndicatorParameters.DEFAULTS;

    @ParentCommand
    private TradeDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "BARS.csv", description = "Bars to read.")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv",
            description = "Where to write the values, or - for standard output (the row count then goes to stderr).")
    private Path output;

    @Option(names = "--rsi", paramLabel = "N", description = "RSI period (default ${DEFAULT-VALUE}).")
    private int rsi = D.rsiPeriod();

    @Option(names = "--stoch", paramLabel = "N", description = "StochRSI window (default ${DEFAULT-VALUE}).")
    private int stoch = D.stochPeriod();

    @Option(names = "--k", paramLabel = "N", description = "%%K smoothing (default ${DEFAULT-VALUE}).")
    private int k = D.kSmoothing();

    @Option(names = "--d", paramLabel = "N", description = "%%D smoothing (default ${DEFAULT-VALUE}).")
    private int d = D.dSmoothing();

    @Option(names = "--atr", paramLabel = "N", description = "ATR period (default ${DEFAULT-VALUE}).")
    private int atr = D.atrPeriod();

    @Option(names = "--atr-ma", paramLabel = "N", description = "ATR moving average (default ${DEFAULT-VALUE}).")
    private int atrMa = D.atrMaPeriod();

    @Option(names = "--lower", paramLabel = "X", description = "Base lower band, 0..100 (default ${DEFAULT-VALUE}).")
    private double lower = D.baseLower();

    @Option(names = "--upper", paramLabel = "X", description = "Base upper band, 0..100 (default ${DEFAULT-VALUE}).")
    private double upper = D.baseUpper();

    @Option(names = "--sensitivity", paramLabel = "S", description = "Volatility threshold in (0, 1] (default ${DEFAULT-VALUE}).")
    private double sensitivity = D.sensitivity();

    @Option(names = "--volume", paramLabel = "N", description = "Volume SMA period (default ${DEFAULT-VALUE}).")
    private int volume = D.volumePeriod();

    @Override
    public Integer call() {
        IndicatorParameters parameters = parameters();
        root.context(); // the log, which says what was written or why not
        boolean toStandardOutput = StandardOutputWriter.isNamedBy(output);
        Path target = null;
        try {
            if (!toStandardOutput) {
                target = OutputTarget.resolveCsv(output, root.paths());
                if (Files.exists(target) && Files.exists(input) && Files.isSameFile(target, input)) {
                    return refuse("--out " + output + " is the input file; write the values to another file");
                }
            }
        } catch (OutputTarget.Refused refused) {
            return refuse(refused.getMessage());
        } catch (IOException e) {
            return fail("cannot convert " + input + ": " + OutputTarget.reason(e));
        }
        BarCsvSource source;
        try {
            source = BarCsvSource.open(input, stopAtBadRow());
        } catch (IOException e) {
            return refuse(UnusableInput.reason(input, e));
        }
        try (source) {
            long rows = toStandardOutput ? convertToStandardOutput(parameters, source) : convert(parameters, source, target);
            // On standard output the values are the output: the count goes where the other messages go.
            (toStandardOutput ? spec.commandLine().getErr() : spec.commandLine().getOut()).println("wrote "
                    + Counted.of(rows, "row") + " to " + (toStandardOutput ? "standard output" : output));
            log().info("Indicators of {}: wrote {} to {}", input, Counted.of(rows, "row"),
                    toStandardOutput ? "standard output" : target);
            return 0;
        } catch (StandardOutputWriter.Closed closed) {
            // Its reader had what it wanted (| head), and the shell says nothing of it either; the log does.
            log().info("Indicators of {} to standard output stopped: {}", input, closed.getMessage());
            return 0;
        } catch (StandardOutputWriter.Failed unwritable) {
            return fail(unwritable.getMessage()); // a full disk: the values there are cut short
        } catch (BarCsvException e) {
            return refuse(e.getMessage());
        } catch (IOException e) {
            // Reading the input or writing the output: the reason names the file, the message both.
            return fail("cannot convert " + input + (target == null ? "" : " into " + target) + ": " + OutputTarget.reason(e));
        }
    }

    private IndicatorParameters parameters() {
        try {
            return new IndicatorParameters(rsi, stoch, k, d, atr, atrMa, lower, upper, sensitivity, volume);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Unlike an import, a bad row stops the conversion: the output has one row per input row. */
    private BarCsvSource.RejectListener stopAtBadRow() {
        return (line, reason) -> {
            throw new BarCsvException(input.toString(), line, reason);
        };
    }

    /** Writes the values into a temporary file beside {@code target}, moved over it only once all are written. */
    private long convert(IndicatorParameters parameters, BarCsvSource source, Path target) throws IOException {
        try (OutputTarget.Temporary temporary = OutputTarget.temporaryBeside(target)) {
            long rows = convert(parameters, source, temporary.writer());
            temporary.moveOver(target);
            return rows;
        }
    }

    /**
     * Streams the values to standard output as they are computed: there is no file to move into
     * place, so a bad row stops them part-way (exit 2 says so).
     */
    private long convertToStandardOutput(IndicatorParameters parameters, BarCsvSource source) throws IOException {
        return convert(parameters, source, new BufferedWriter(new StandardOutputWriter(spec.commandLine().getOut(),
                root.standardOutput())));
    }

    private long convert(IndicatorParameters parameters, BarCsvSource source, BufferedWriter writer) throws IOException {
        IndicatorPipeline pipeline = new IndicatorPipeline(parameters);
        BarColumns bars = new BarColumns(CHUNK);
        IndicatorColumns values = new IndicatorColumns(CHUNK);
        String[] timestamps = new String[CHUNK];
        long rows = 0;
        try (writer; JsonGenerator csv = BarCsvFormat.csvWriters().createGenerator(writer)) {
            writeHeader(csv);
            while (true) {
                bars.clear();
                source.fill(bars, CHUNK, timestamps);
                if (bars.isEmpty()) {
                    break;
                }
                pipeline.pushAll(bars, values);
                for (int i = 0; i < bars.size(); i++) {
                    writeRow(csv, timestamps[i], values, i);
                }
                rows += bars.size();
            }
        }
        return rows;
    }

    private static void writeHeader(JsonGenerator csv) throws IOException {
        csv.writeStartArray();
        csv.writeString("timestamp");
        for (int i = 0; i < Indicator.COUNT; i++) {
            csv.writeString(Indicator.at(i).column());
        }
        csv.writeEndArray();
    }

    private static void writeRow(JsonGenerator csv, String timestamp, IndicatorColumns values, int row)
            throws IOException {
        csv.writeStartArray();
        csv.writeString(timestamp);
        for (int i = 0; i < Indicator.COUNT; i++) {
            double value = values.column(Indicator.at(i))[row];
            csv.writeString(Double.isNaN(value) ? "" : BarCsvFormat.formatNumber(value));
        }
        csv.writeEndArray();
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("tradedesk: " + message);
        log().warn(LogMarkers.TOLD_ON_CONSOLE, "Indicators failed: {}", message);
        return 1;
    }

    /**
     * An output refused before any work, or an input it cannot use: a usage error, as {@code export}
     * and {@code snapshot} exit for the output and {@code import} for the input.
     */
    private int refuse(String message) {
        spec.commandLine().getErr().println("tradedesk: " + message);
        log().warn(LogMarkers.TOLD_ON_CONSOLE, "Indicators refused: {}", message);
        return CommandLine.ExitCode.USAGE;
    }

    /** The log, open once {@link #call} opened the context. */
    private static Logger log() {
        return LoggerFactory.getLogger(IndicatorsCommand.class);
    }
}
