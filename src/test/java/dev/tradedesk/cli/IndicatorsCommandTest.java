package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.app.BuildInfo;
import dev.tradedesk.app.HostEnvironment;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorBatch;
import dev.tradedesk.core.IndicatorColumns;
import dev.tradedesk.core.IndicatorParameters;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorsCommandTest {

    private static final String HEADER = "timestamp,rsi,stoch_k,stoch_d,atr,atr_ma,volatility_ratio,band_lower,"
            + "band_upper,volume_sma,relative_volume";

    @TempDir
    Path dir;

    /** The user's home, apart from {@link #dir}: a run opens its default data dir and log there. */
    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return runWithStandardOutput(out, args);
    }

    private int runWithStandardOutput(OutputStream stdout, String... args) {
        HostEnvironment host = new HostEnvironment("Linux", home, Map.of());
        return TradeDeskCommand.commandLine(host, new BuildInfo("1.2.3"),
                stdout, new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theValuesAreNeverWrittenOverTheSettings() throws IOException {
        Path settings = Files.writeString(dir.resolve("settings.json"), "{\"theme\": \"dark\"}");
        Path in = Files.writeString(dir.resolve("bars.csv"), "timestamp,open,high,low,close,volume\n"
                + "2024-01-02T14:30:00Z,10,11,9,10.5,100\n");

        assertThat(run("--data-dir", dir.resolve("data").toString(), "--config", settings.toString(),
                "indicators", "--in", in.toString(), "--out", settings.toString())).isEqualTo(2);

        assertThat(stderr()).contains("cannot write " + settings + ": it is TradeDesk's settings file; give another file");
        assertThat(settings).hasContent("{\"theme\": \"dark\"}");
    }

    @Test
    void theLogSaysWhatWasWrittenAndWhyARunWasRefused() throws IOException {
        Path in = Files.writeString(dir.resolve("bars.csv"), "timestamp,open,high,low,close,volume\n"
                + "2024-01-02T14:30:00Z,10,11,9,10.5,100\n" + "2024-01-02T14:31:00Z,10,11,9,NaN,100\n");
        Path data = dir.resolve("data");

        assertThat(run("--data-dir", data.toString(), "indicators", "--in", in.toString(), "--out",
                dir.resolve("values.csv").toString())).isEqualTo(2);
        Files.writeString(in, "timestamp,open,high,low,close,volume\n2024-01-02T14:30:00Z,10,11,9,10.5,100\n");
        assertThat(run("--data-dir", data.toString(), "indicators", "--in", in.toString(), "--out",
                dir.resolve("values.csv").toString())).as(stderr()).isZero();

        String log = Files.readString(data.resolve("logs/tradedesk.log"));
        assertThat(log).contains("Indicators refused: " + in + ", line 3: prices must be finite and positive")
                .contains("Indicators of " + in + ": wrote 1 row to " + dir.resolve("values.csv"));
    }

    @Test
    void aRunRemovesTheTemporaryFileARunKilledWithKillNineLeftBesideItsOutputWithoutAWordOnTheConsole()
            throws IOException, InterruptedException {
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        killed.waitFor();
        Path leftOver = Files.writeString(dir.resolve(".values.csv." + killed.pid() + ".123.tmp"), "timestamp,rsi");
        Path in = Files.writeString(dir.resolve("bars.csv"), "timestamp,open,high,low,close,volume\n"
                + "2024-01-02T14:30:00Z,10,11,9,10.5,100\n");

        assertThat(run("--data-dir", dir.resolve("data").toString(), "indicators", "--in", in.toString(), "--out",
                dir.resolve("values.csv").toString())).as(stderr()).isZero();

        assertThat(leftOver).doesNotExist();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("wrote 1 row to " + dir.resolve("values.csv")
                + System.lineSeparator());
        assertThat(stderr()).isEmpty();
    }

    @Test
    void writesOneRowPerBarWithTheBatchValuesAndTheInputTimestamps() throws IOException {
        BarColumns bars = BenchIndicatorsCommand.randomWalk(20_000);
        List<String> lines = new ArrayList<>(List.of("timestamp,open,high,low,close,volume"));
        for (int i = 0; i < bars.size(); i++) {
            String time = i % 3 == 0 ? Long.toString(bars.time(i))
                    : java.time.Instant.ofEpochMilli(bars.time(i)).toString();
            lines.add(time + "," + bars.open(i) + "," + bars.high(i) + "," + bars.low(i) + "," + bars.close(i) + ","
                    + bars.volume(i));
        }
        Path in = Files.write(dir.resolve("bars.csv"), lines);
        assertThat(run("indicators", "--in", in.toString(), "--out", dir.resolve("out.csv").toString())).isZero();
        assertThat(stderr()).isEmpty();
        List<String> output = Files.readAllLines(dir.resolve("out.csv"));
        assertThat(output).hasSize(20_001);
        assertThat(output.get(0)).isEqualTo(HEADER);
        IndicatorColumns expected = IndicatorBatch.compute(bars, IndicatorParameters.DEFAULTS);
        for (int i = 0; i < bars.size(); i++) {
            String[] cells = output.get(i + 1).split(",", -1);
            assertThat(cells).hasSize(11);
            assertThat(cells[0]).isEqualTo(lines.get(i + 1).split(",")[0]);
            for (int c = 0; c < Indicator.COUNT; c++) {
                double value = expected.get(Indicator.at(c), i);
                assertThat(cells[c + 1]).as("row %d, %s", i, Indicator.at(c).column())
                        .isEqualTo(Double.isNaN(value) ? "" : Double.toString(value));
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("bars.csv", "out.csv");
        }
    }

    @Test
    void theValuesOfASmallCoinAreWrittenAsPlainDecimalsAsExportWritesItsPrices() throws IOException {
        // A coin at 0.0000129 moves a few hundred-millionths a minute: Double.toString writes its
        // ATR as 1.5E-7, which a spreadsheet or a shell tool may not read as a number.
        List<String> lines = new ArrayList<>(List.of("timestamp,open,high,low,close,volume"));
        BigDecimal close = new BigDecimal("0.0000129");
        BigDecimal tick = new BigDecimal("0.00000003");
        for (int minute = 0; minute < 60; minute++) {
            BigDecimal open = close;
            close = open.add(minute % 3 == 0 ? tick.negate() : tick);
            lines.add("%d,%s,%s,%s,%s,%d".formatted(1_700_000_000_000L + minute * 60_000L, open.toPlainString(),
                    open.max(close).add(tick).toPlainString(), open.min(close).subtract(tick).toPlainString(),
                    close.toPlainString(), 1_000_000 + minute));
        }
        Path in = Files.write(dir.resolve("coin.csv"), lines);

        assertThat(run("indicators", "--in", in.toString(), "--out", dir.resolve("values.csv").toString()))
                .as(stderr()).isZero();

        List<String> rows = Files.readAllLines(dir.resolve("values.csv"));
        String[] last = rows.get(rows.size() - 1).split(",", -1);
        double atr = Double.parseDouble(last[4]);
        assertThat(atr).as("an ATR of a few hundred-millionths").isBetween(1e-8, 1e-6);
        assertThat(last[4]).as("written without an exponent").matches("0\\.0+[1-9][0-9]*");
        assertThat(rows).noneMatch(row -> row.contains("E"));
    }

    @Test
    void aDashWritesTheValuesToStandardOutputAndTheCountToStandardError() throws IOException {
        Path in = Files.writeString(dir.resolve("bars.csv"), "timestamp,open,high,low,close,volume\n"
                + "2024-01-02T14:30:00Z,10,11,9,10.5,100\n2024-01-02T14:31:00Z,10.5,12,10,11,150\n");
        assertThat(run("indicators", "--in", in.toString(), "--out", dir.resolve("values.csv").toString())).isZero();
        String inAFile = Files.readString(dir.resolve("values.csv"));
        out.reset();
        err.reset();

        assertThat(run("indicators", "--in", in.toString(), "--out", "-")).as(stderr()).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).as("the values alone, as in a file").isEqualTo(inAFile);
        assertThat(stderr()).isEqualTo("wrote 2 rows to standard output" + System.lineSeparator());
        assertThat(Path.of("-")).as("no file named '-' in the current folder").doesNotExist();
    }

    @Test
    void aReaderThatStopsReadingStandardOutputEndsTheRunQuietlyAtOnce() throws IOException {
        BarColumns bars = BenchIndicatorsCommand.randomWalk(20_000);
        List<String> lines = new ArrayList<>(List.of("timestamp,open,high,low,close,volume"));
        for (int i = 0; i < bars.size(); i++) {
            lines.add(bars.time(i) + "," + bars.open(i) + "," + bars.high(i) + "," + bars.low(i) + "," + bars.close(i) + ","
                    + bars.volume(i));
        }
        Path in = Files.write(dir.resolve("bars.csv"), lines);
        ReaderClosingPipe head = new ReaderClosingPipe(200);

        Path data = dir.resolve("data");
        assertThat(runWithStandardOutput(head, "--data-dir", data.toString(), "indicators", "--in", in.toString(), "--out", "-"))
                .as(stderr()).isZero();
        assertThat(Files.readString(data.resolve("logs/tradedesk.log"))).as("the log says what the run did")
                .contains("Indicators of " + in + " to standard output stopped: standard output was closed");

        assertThat(head.read()).startsWith(HEADER + "\n");
        assertThat(stderr()).as("nothing on the console, as `| head` gets from any other command").isEmpty();
        assertThat(head.refusedWrites()).as("it stops at the closed pipe instead of computing every row into it")
                .isLessThanOrEqualTo(5);
    }

    @Test
    void valuesWrittenToAFullDiskOnStandardOutputAreReportedAsCutShort() throws IOException {
        Path in = Files.writeString(dir.resolve("bars.csv"), "timestamp,open,high,low,close,volume\n"
                + "2024-01-02T14:30:00Z,10,11,9,10.5,100\n");

        try (OutputStream fullDisk = new FileOutputStream("/dev/full")) { // every write: ENOSPC, as on a full disk
            assertThat(runWithStandardOutput(fullDisk, "indicators", "--in", in.toString(), "--out", "-")).isEqualTo(1);
        }

        assertThat(stderr().lines()).containsExactly("tradedesk: cannot write to standard output: No space left on"
                + " device; what was written there stops part-way");
    }

    @Test
    void standardOutputAsADescriptorIsRefusedWithAPointerToTheDash() throws IOException {
        Path in = Files.writeString(dir.resolve("bars.csv"), "timestamp,open,high,low,close,volume\n"
                + "2024-01-02T14:30:00Z,10,11,9,10.5,100\n");

        assertThat(run("indicators", "--in", in.toString(), "--out", "/dev/stdout")).isEqualTo(2);

        assertThat(stderr()).startsWith("tradedesk: cannot write /dev/stdout: it is an open file descriptor")
                .endsWith("; give a file name, or --out - to write to standard output" + System.lineSeparator());
    }

    @Test
    void acceptsIsoDatesAndCustomParameters() throws IOException {
        List<String> lines = new ArrayList<>(List.of("timestamp,open,high,low,close,volume"));
        for (int day = 1; day <= 9; day++) {
            lines.add("2024-01-0" + day + ",10," + (11 + day % 3) + ",9," + (10 + day % 2) + ",100");
        }
        Path in = Files.write(dir.resolve("days.csv"), lines);
        assertThat(run("indicators", "--in", in.toString(), "--out", dir.resolve("out.csv").toString(),
                "--rsi", "2", "--stoch", "2", "--k", "1", "--d", "1", "--atr", "2", "--atr-ma", "2",
                "--lower", "30", "--upper", "90", "--sensitivity", "0.5")).isZero();
        List<String> output = Files.readAllLines(dir.resolve("out.csv"));
        assertThat(output.get(1)).isEqualTo("2024-01-01,,,,,,,,,,");
        assertThat(output.get(9)).startsWith("2024-01-09,").doesNotContain(",,,");
    }

    @Test
    void aBadNumberIsReportedWithItsLineAndLeavesNoOutput() throws IOException {
        Path in = Files.write(dir.resolve("bad.csv"), List.of("timestamp,open,high,low,close,volume",
                "1700000000000,10,11,9,10,5", "", "1700000060000,10,11,9,ten,5"));
        Path target = dir.resolve("out.csv");
        assertThat(run("indicators", "--in", in.toString(), "--out", target.toString())).as("an input it cannot use").isEqualTo(2);
        assertThat(stderr().strip()).isEqualTo("tradedesk: " + in + ", line 4: bad number 'ten' for close");
        assertThat(target).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left behind").hasSize(1);
        }
    }

    @Test
    void anExistingOutputIsKeptWhenTheInputIsBad() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "previous results");
        Path in = Files.write(dir.resolve("bad.csv"), List.of("timestamp,open,high,low,close,volume",
                "1700000000000,10,9,11,10,5"));
        assertThat(run("indicators", "--in", in.toString(), "--out", target.toString())).isEqualTo(2);
        assertThat(stderr()).contains("line 2: high 9.0 is below low 11.0");
        assertThat(Files.readString(target)).isEqualTo("previous results");
    }

    @Test
    void theInputIsNeverOverwrittenByItsOwnValues() throws IOException {
        List<String> bars = List.of("timestamp,open,high,low,close,volume", "1700000000000,10,11,9,10,5");
        Path in = Files.write(dir.resolve("bars.csv"), bars);

        assertThat(run("indicators", "--in", in.toString(), "--out", dir.resolve(".").resolve("bars.csv").toString()))
                .as("refused before any work, as export and snapshot refuse").isEqualTo(2);

        assertThat(stderr()).contains("is the input file");
        assertThat(Files.readAllLines(in)).isEqualTo(bars);
    }

    @Test
    void anOutputIntoAMissingFolderIsRefusedAsExportAndSnapshotRefuseIt() throws IOException {
        Path in = Files.write(dir.resolve("bars.csv"), List.of("timestamp,open,high,low,close,volume",
                "1700000000000,10,11,9,10,5"));

        assertThat(run("indicators", "--in", in.toString(), "--out", dir.resolve("missing").resolve("o.csv").toString()))
                .isEqualTo(2);

        assertThat(stderr()).contains("no such folder");
    }

    @Test
    void barsOutOfTimeOrderAreAnError() throws IOException {
        Path in = Files.write(dir.resolve("order.csv"), List.of("timestamp,open,high,low,close,volume",
                "2024-01-02T10:01:00Z,10,11,9,10,5", "2024-01-02T10:00:00Z,10,11,9,10,5"));
        assertThat(run("indicators", "--in", in.toString(), "--out", dir.resolve("o.csv").toString())).isEqualTo(2);
        assertThat(stderr()).contains("line 3: timestamp 2024-01-02T10:00:00Z is not after the previous row's");
    }

    @Test
    void aWrongHeaderOrTimestampIsReported() throws IOException {
        Path in = Files.write(dir.resolve("h.csv"), List.of("time,open,high,low,close,volume"));
        assertThat(run("indicators", "--in", in.toString(), "--out", dir.resolve("o.csv").toString())).isEqualTo(2);
        assertThat(stderr()).contains("line 1: expected the header timestamp,open,high,low,close,volume");
        err.reset();
        Path dates = Files.write(dir.resolve("d.csv"), List.of("timestamp,open,high,low,close,volume",
                "yesterday,10,11,9,10,5"));
        assertThat(run("indicators", "--in", dates.toString(), "--out", dir.resolve("o.csv").toString())).isEqualTo(2);
        assertThat(stderr()).contains("line 2: bad timestamp 'yesterday'");
    }

    @Test
    void aMissingInputIsAOneLineInputError() {
        assertThat(run("indicators", "--in", dir.resolve("none.csv").toString(), "--out",
                dir.resolve("o.csv").toString())).isEqualTo(2);
        assertThat(stderr()).isEqualTo("tradedesk: no such file: " + dir.resolve("none.csv") + System.lineSeparator());
    }

    @Test
    void aFileImportCannotUseIsRefusedWithImportsExitCodeAndReason() throws IOException {
        Path missing = dir.resolve("missing.csv");
        Path header = Files.write(dir.resolve("header.csv"), List.of("time,open,high,low,close,volume", "1700000000000,10,11,9,10,5"));
        Path broken = Files.write(dir.resolve("broken.csv"), List.of("timestamp,open,high,low,close,volume",
                "1700000000000,10,11,9,10,5", "\"1700000060000,10,11,9,10,5"));
        Path noBar = Files.write(dir.resolve("nobar.csv"), List.of("timestamp,open,high,low,close,volume",
                "yesterday,10,11,9,10,5"));
        for (Path in : List.of(missing, header, broken, noBar)) {
            CommandRun indicators = new CommandRun(dir.resolve("home"));
            CommandRun imported = new CommandRun(dir.resolve("home"));

            int indicatorsExit = indicators.run("indicators", "--in", in.toString(), "--out", dir.resolve("o.csv").toString());
            int importExit = imported.run("--data-dir", dir.resolve("data").toString(), "import", "--symbol", "AAPL",
                    "--timeframe", "1Min", "--in", in.toString());

            assertThat(indicatorsExit).as("%s: %s", in.getFileName(), indicators.err()).isEqualTo(2);
            assertThat(importExit).as("%s: %s", in.getFileName(), imported.err()).isEqualTo(2);
            if (!in.equals(noBar)) { // a bad row stops indicators, and import skips it
                assertThat(imported.err()).as("the same reason").contains(indicators.err().strip().replace("tradedesk: ", ""));
            }
        }
    }

    @Test
    void invalidParametersAreUsageErrors() throws IOException {
        Path in = Files.write(dir.resolve("bars.csv"), List.of("timestamp,open,high,low,close,volume"));
        assertThat(run("indicators", "--in", in.toString(), "--out", dir.resolve("o.csv").toString(),
                "--rsi", "0", "--sensitivity", "1.5")).isEqualTo(2);
        assertThat(stderr()).contains("rsiPeriod must be between 1 and 10000, was 0",
                "sensitivity must be in (0, 1], was 1.5", "Run 'tradedesk indicators --help' for usage.");
        assertThat(dir.resolve("o.csv")).doesNotExist();
    }

    @Test
    void helpListsEveryParameterWithItsDefault() {
        // picocli reports a badly formatted description on System.err, not on the command's stream.
        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("indicators", "--help")).isZero();
        } finally {
            System.setErr(systemErr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--in=BARS.csv", "--out=OUT.csv",
                "%K smoothing (default 3)", "%D smoothing (default 3)", "--sensitivity=S", "(default 0.7)");
        assertThat(run("bench", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: tradedesk bench", "indicators");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void benchIndicatorsPrintsItsFigures() {
        assertThat(run("bench", "indicators", "--bars", "2000")).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).containsPattern("indicators.batch.ns_per_bar: \\d+\\.\\d+")
                .containsPattern("indicators.append.ns_per_bar: \\d+\\.\\d+")
                .containsPattern("indicators.update.ns_per_tick: \\d+\\.\\d+")
                .containsPattern("indicators.alloc.bytes_per_update: \\d+\\.\\d+");
    }
}
