package dev.tradedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.app.BuildInfo;
import dev.tradedesk.app.HostEnvironment;
import dev.tradedesk.core.Timeframe;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import}, {@code export} and {@code bench store} end to end, on a real data dir. */
class StoreCommandsTest {

    private static final String HEADER = "timestamp,open,high,low,close,volume\n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        return runWithStandardOutput(out, args);
    }

    /** As {@link #run}, with standard output going into {@code stdout}. */
    private int runWithStandardOutput(OutputStream stdout, String... args) {
        err.reset();
        HostEnvironment host = new HostEnvironment("Linux", dir, Map.of());
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir().toString(), "--config",
                dir.resolve("settings.json").toString()));
        all.addAll(List.of(args));
        return TradeDeskCommand.commandLine(host, new BuildInfo("1.2.3"),
                stdout, new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(all.toArray(String[]::new));
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Imports the first {@code count} of {@link #rows} as AAPL's minutes, which must succeed. */
    private void importMinutes(int count) throws IOException {
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", csv("in.csv", HEADER + rows(count)).toString()))
                .isZero();
    }

    /** {@code count} canonical rows (as export writes them), one minute apart from 2024-01-02T14:30Z. */
    private static String rows(int count) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double open = 187 + i * 0.25;
            rows.append(java.time.Instant.parse("2024-01-02T14:30:00Z").plusSeconds(60L * i)).append(',')
                    .append(open).append(',').append(open + 1.5).append(',').append(open - 0.75).append(',')
                    .append(open + 0.5).append(',').append(1000.0 + i).append('\n');
        }
        return rows.toString();
    }

    /**
     * A trader who imports history has a real provider chosen; with the simulated exchange, the
     * default, each import also ends with a note on where its bars show (tested on its own).
     */
    @BeforeEach
    void chooseARealProvider() throws IOException {
        Files.writeString(dir.resolve("settings.json"), "{\"provider\": \"alpaca\"}");
    }

    @Test
    void onTheSimulatedExchangeAnImportSaysWhereItsBarsShow() throws IOException {
        Files.delete(dir.resolve("settings.json"));
        Path in = csv("in.csv", HEADER + rows(3));

        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", in.toString())).isZero();
        assertThat(stdout()).isEqualTo("imported: 3, skipped: 0" + System.lineSeparator());
        assertThat(stderr()).isEqualTo("note: the workstation is set to the simulated exchange, which charts its own"
                + " prices, not imported bars: see these with `tradedesk snapshot --symbol AAPL --timeframe 1Min --out"
                + " FILE.png`, or in the workstation after choosing a real provider in File → Settings"
                + System.lineSeparator());
        assertThat(Files.readString(dataDir().resolve("logs/tradedesk.log"))).contains("which charts its own prices");

        assertThat(run("import", "--symbol", "EMPTY", "--timeframe", "1Min", "--in", csv("empty.csv", HEADER).toString()))
                .isZero();
        assertThat(stderr()).as("no bars of that series to show").isEmpty();
    }

    @Test
    void exportWritesBackExactlyWhatWasImported() throws IOException {
        Path in = csv("in.csv", HEADER + rows(250));

        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", in.toString())).isZero();
        assertThat(stdout()).isEqualTo("imported: 250, skipped: 0" + System.lineSeparator());
        assertThat(stderr()).isEmpty();

        Path exported = dir.resolve("out.csv");
        assertThat(run("export", "--symbol", "aapl", "--timeframe", "1min", "--out", exported.toString())).isZero();
        assertThat(stdout()).isEqualTo("exported: 250" + System.lineSeparator());
        assertThat(Files.readString(exported)).isEqualTo(Files.readString(in));
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");

        assertThat(run("import", "--symbol", "MSFT", "--timeframe", "1Min", "--in", exported.toString())).isZero();
        Path again = dir.resolve("again.csv");
        assertThat(run("export", "--symbol", "MSFT", "--timeframe", "1Min", "--out", again.toString())).isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(in));
    }

    @Test
    void exportWithoutATimeframeWritesTheOneMinuteBarsAsSnapshotAndGapsReadThem() throws IOException {
        importMinutes(12);
        Path withDefault = dir.resolve("default.csv");
        assertThat(run("export", "--symbol", "AAPL", "--out", withDefault.toString())).as(stderr()).isZero();
        assertThat(stdout()).isEqualTo("exported: 12" + System.lineSeparator());
        Path oneMinute = dir.resolve("1min.csv");
        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--out", oneMinute.toString())).isZero();
        assertThat(Files.readString(withDefault)).isEqualTo(Files.readString(oneMinute));

        assertThat(run("export", "--help")).isZero();
        assertThat(stdout()).contains("(default: 1Min).");
    }

    @Test
    void aDailyExportHoldsTheBarsTheChartShowsStoredDaysBeforeTheFirstMinuteThenDaysBuiltFromTheMinutes()
            throws IOException {
        // An imported daily history (New York's midnights, 05:00Z before daylight saving), then minutes
        // recorded from its last day on, which make that day and the next, as the chart shows them.
        assertThat(run("import", "--symbol", "DLY", "--timeframe", "1Day", "--in", csv("daily.csv", HEADER
                + "2025-03-03T05:00:00Z,100,104,99,103,3000000\n"
                + "2025-03-04T05:00:00Z,103,106,102,105,3100000\n"
                + "2025-03-05T05:00:00Z,105,107,104,106,3200000\n").toString())).as(stderr()).isZero();
        assertThat(run("import", "--symbol", "DLY", "--timeframe", "1Min", "--in", csv("minutes.csv", HEADER
                + "2025-03-05T14:30:00Z,106,106.5,105.5,106.2,1000\n"
                + "2025-03-05T14:31:00Z,106.2,107.5,106,107,2000\n"
                + "2025-03-06T14:30:00Z,107,108,106.8,107.9,1500\n"
                + "2025-03-06T14:31:00Z,107.9,108.1,107.5,108,500\n").toString())).as(stderr()).isZero();

        Path daily = dir.resolve("dly-daily.csv");
        assertThat(run("export", "--symbol", "DLY", "--timeframe", "1Day", "--out", daily.toString())).as(stderr()).isZero();

        assertThat(Files.readString(daily)).isEqualTo(HEADER
                + "2025-03-03T05:00:00Z,100.0,104.0,99.0,103.0,3000000.0\n"
                + "2025-03-04T05:00:00Z,103.0,106.0,102.0,105.0,3100000.0\n"
                + "2025-03-05T05:00:00Z,106.0,107.5,105.5,107.0,3000.0\n"
                + "2025-03-06T05:00:00Z,107.0,108.1,106.8,108.0,2000.0\n");

        Path before = dir.resolve("dly-before.csv");
        assertThat(run("export", "--symbol", "DLY", "--timeframe", "1Day", "--to", "2025-03-04", "--out", before.toString()))
                .as(stderr()).isZero();
        assertThat(Files.readString(before).lines()).as("stored days alone before the minutes").hasSize(3);
        Path after = dir.resolve("dly-after.csv");
        assertThat(run("export", "--symbol", "DLY", "--timeframe", "1Day", "--from", "2025-03-06", "--out", after.toString()))
                .as(stderr()).isZero();
        assertThat(Files.readString(after).lines()).as("built days alone after them").hasSize(2);
    }

    @Test
    void badRowsAreReportedWithTheirLineNumberAndSkipped() throws IOException {
        Path in = csv("bad.csv", HEADER
                + "2024-01-02T14:30:00Z,10,11,9,10.5,100\n"
                + "2024-01-02T14:31:00Z,10,eleven,9,10.5,100\n"
                + "2024-01-02T14:32:00Z,10,9,11,10,100\n"
                + "2024-01-02T14:33:00Z,-1,11,9,10.5,100\n"
                + "2024-01-02T14:29:00Z,10,11,9,10.5,100\n"
                + "1704206040000,10,11,9,10.5,100\n");

        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", in.toString())).isZero();

        assertThat(stdout()).isEqualTo("imported: 2, skipped: 4" + System.lineSeparator());
        assertThat(stderr().lines()).containsExactly(
                "skipped line 3: bad number 'eleven' for high",
                "skipped line 4: high 9.0 is below low 11.0",
                "skipped line 5: prices must be finite and positive (open -1.0, high 11.0, low 9.0, close 10.5)",
                "skipped line 6: timestamp 2024-01-02T14:29:00Z is not after the previous row's (2024-01-02T14:30:00Z)");
        assertThat(Files.readString(dataDir().resolve("logs/tradedesk.log")))
                .contains("skipped line 4: high 9.0 is below low 11.0", "Imported " + in + " into AAPL/1Min: 2 bars, 4 rows skipped");
    }

    @Test
    void minutesImportedAsHoursAreRefusedWholeNotStoredAsTheHoursTheirFirstMinutesWouldMake() throws IOException {
        Path in = csv("minutes.csv", HEADER + rows(150)); // 14:30 to 16:59: 15:00 and 16:00 open an hour

        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Hour", "--in", in.toString())).isEqualTo(2);

        assertThat(stdout()).isEmpty();
        assertThat(stderr().lines().toList()).last().isEqualTo("tradedesk: " + in + ", line 2: this row and 147 more open"
                + " between 1Hour bars, where 2 open on one: the file holds shorter bars; import it as their timeframe;"
                + " nothing was imported");
        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Hour", "--out", dir.resolve("hours.csv").toString()))
                .isEqualTo(1);
        assertThat(stderr()).contains("nothing exported: no stored bars of AAPL/1Hour");

        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", in.toString())).isZero();
        assertThat(stdout()).isEqualTo("imported: 150, skipped: 0" + System.lineSeparator());
    }

    @Test
    void barsOffTheTimeframesGridOrInTheFutureAreSkipped() throws IOException {
        Path in = csv("odd.csv", HEADER
                + "2024-01-02T14:30:00Z,10,11,9,10.5,100\n"
                + "2024-01-02T14:30:30Z,10,11,9,10.5,100\n"
                + "2024-01-02T14:31:00Z,10,11,9,10.5,100\n"
                + "9999-12-31T00:00:00Z,10,11,9,10.5,100\n");

        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", in.toString())).isZero();

        assertThat(stdout()).isEqualTo("imported: 2, skipped: 2" + System.lineSeparator());
        assertThat(stderr().lines()).hasSize(2);
        assertThat(stderr()).contains("skipped line 3: timestamp 2024-01-02T14:30:30Z is not the open of a 1Min bar"
                + " (that bar opens at 2024-01-02T14:30:00Z)", "skipped line 5: timestamp 9999-12-31T00:00:00Z is in the future");
        assertThat(exportAll("AAPL").lines()).hasSize(3);

        Path daily = csv("daily.csv", HEADER + "2024-01-02T00:00:00Z,10,11,9,10.5,100\n2024-01-02T14:30:00Z,10,11,9,10.5,100\n");
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Day", "--in", daily.toString())).isZero();
        assertThat(stdout()).isEqualTo("imported: 1, skipped: 1" + System.lineSeparator());
    }

    @Test
    void minuteBarsFromBeforeNineteenNinetyAreSkippedWithTheReason() throws IOException {
        // Each of these once imported with exit 0; a bar at 1970-01-02 then made record backfill
        // its series from 1970.
        Path in = csv("old.csv", HEADER
                + "0001-01-01T00:00:00Z,10,11,9,10.5,100\n"
                + "1900-01-01T00:00:00Z,10,11,9,10.5,100\n"
                + "0,10,11,9,10.5,100\n"
                + "86400000,10,11,9,10.5,100\n"
                + "1704205740,10,11,9,10.5,100\n"
                + "2024-01-02T14:30:00Z,10,11,9,10.5,100\n");

        assertThat(run("import", "--symbol", "SOLUSDT", "--timeframe", "1Min", "--in", in.toString())).isZero();

        assertThat(stdout()).isEqualTo("imported: 1, skipped: 5" + System.lineSeparator());
        assertThat(stderr().lines()).containsExactly(
                "skipped line 2: timestamp 0001-01-01T00:00:00Z is before 1990-01-01T00:00:00Z, the earliest 1Min bar import takes",
                "skipped line 3: timestamp 1900-01-01T00:00:00Z is before 1990-01-01T00:00:00Z, the earliest 1Min bar import takes",
                "skipped line 4: timestamp 0 (1970-01-01T00:00:00Z) is before 1990-01-01T00:00:00Z, the earliest 1Min bar import takes",
                "skipped line 5: timestamp 86400000 (1970-01-02T00:00:00Z) is before 1990-01-01T00:00:00Z, the earliest 1Min bar"
                        + " import takes",
                "skipped line 6: timestamp 1704205740 (1970-01-20T17:23:25.740Z) is before 1990-01-01T00:00:00Z, the earliest"
                        + " 1Min bar import takes; epoch timestamps are read as milliseconds: if these are seconds, that is"
                        + " 2024-01-02T14:29:00Z (multiply by 1000)");
        assertThat(exportAll("SOLUSDT").lines()).hasSize(2);
    }

    @Test
    void aFileOfEpochSecondsIsRefusedForHavingNoValidBarNotCalledShorterBars() throws IOException {
        StringBuilder content = new StringBuilder(HEADER);
        for (int i = 0; i < 30; i++) {
            content.append(java.time.Instant.parse("2024-01-02T14:30:00Z").plusSeconds(60L * i).getEpochSecond())
                    .append(",10,11,9,10.5,100\n");
        }
        Path in = csv("seconds.csv", content.toString());

        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", in.toString())).isEqualTo(2);

        List<String> lines = stderr().lines().toList();
        assertThat(lines.get(0)).endsWith("if these are seconds, that is 2024-01-02T14:30:00Z (multiply by 1000)");
        assertThat(lines).last().isEqualTo("tradedesk: no valid bars in " + in + " (30 rows skipped); nothing was imported");
    }

    @Test
    void aFileSortedNewestFirstIsRefusedWholeNotImportedAsItsFirstBar() throws IOException {
        List<String> newestFirst = new ArrayList<>(rows(50).lines().toList());
        java.util.Collections.reverse(newestFirst);
        Path in = csv("newest-first.csv", HEADER + String.join("\n", newestFirst) + "\n");

        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", in.toString())).isEqualTo(2);

        assertThat(stdout()).isEmpty();
        assertThat(stderr().lines().toList()).last().isEqualTo("tradedesk: " + in + ", line 3: this row and 48 more are not"
                + " after the row before them, where 1 is: the file is sorted newest first, or not by time; sort it by"
                + " timestamp, oldest first; nothing was imported");
        assertNothingStored("AAPL");

        Path joined = csv("joined.csv", HEADER + rows(5) + rows(3)); // two exports joined: the repeats are skipped rows
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", joined.toString())).isZero();
        assertThat(stdout()).isEqualTo("imported: 5, skipped: 3" + System.lineSeparator());
    }

    @Test
    void aFileWithOnlyTheHeaderImportsNothingAndSucceedsAsTheHelpSays() throws IOException {
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", csv("empty.csv", HEADER).toString())).isZero();
        assertThat(stdout()).isEqualTo("imported: 0, skipped: 0" + System.lineSeparator());
        assertThat(run("import", "--help")).isZero();
        assertThat(stdout().replaceAll("\\s+", " ")).contains("a file with only the header imports nothing");
    }

    @Test
    void aFileWithoutOneValidBarIsAnInputErrorAndListsOnlyTheFirstRejects() throws IOException {
        StringBuilder content = new StringBuilder(HEADER);
        for (int i = 0; i < 500; i++) {
            content.append(java.time.Instant.parse("2024-01-02T14:30:00Z").plusSeconds(60L * i)).append(",NaN,11,9,10,1\n");
        }
        Path in = csv("nan.csv", content.toString());

        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", in.toString())).isEqualTo(2);

        List<String> lines = stderr().lines().toList();
        assertThat(lines).hasSize(22);
        assertThat(lines.get(20)).isEqualTo("... and 480 more rows skipped");
        assertThat(lines.get(21)).isEqualTo("tradedesk: no valid bars in " + in + " (500 rows skipped); nothing was imported");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void oneSkippedRowIsCalledARow() throws IOException {
        StringBuilder content = new StringBuilder(HEADER);
        for (int i = 0; i < 21; i++) {
            content.append(java.time.Instant.parse("2024-01-02T14:30:00Z").plusSeconds(60L * i)).append(",NaN,11,9,10,1\n");
        }
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", csv("21.csv", content.toString()).toString()))
                .isEqualTo(2);
        assertThat(stderr()).contains("... and 1 more row skipped" + System.lineSeparator());

        Path one = csv("one.csv", HEADER + "2024-01-02T14:30:00Z,NaN,11,9,10,1\n");
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", one.toString())).isEqualTo(2);
        assertThat(stderr()).contains("(1 row skipped)");
    }

    @Test
    void aMissingFileIsAnInputErrorAndWritesNothing() {
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", dir.resolve("none.csv").toString()))
                .isEqualTo(2);

        assertThat(stderr()).isEqualTo("tradedesk: no such file: " + dir.resolve("none.csv") + System.lineSeparator());
        assertThat(stdout()).isEmpty();
        assertThat(dataDir().resolve("history.mv.db")).as("the store was not even opened").doesNotExist();
    }

    @Test
    void aWrongHeaderIsAnInputErrorAndLeavesStoredBarsAlone() throws IOException {
        Path good = csv("good.csv", HEADER + rows(3));
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", good.toString())).isZero();
        Path wrong = csv("wrong.csv", "date,open,high,low,close,volume\n" + rows(5));

        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", wrong.toString())).isEqualTo(2);

        assertThat(stderr()).contains("tradedesk: " + wrong + ", line 1: expected the header timestamp,open,high,low,close,volume");
        assertThat(exportAll("AAPL")).isEqualTo(HEADER + rows(3));
    }

    @Test
    void anExportIntoAFolderThatTakesNoNewFilesSaysSoRatherThanNamingItsTemporaryFile() throws IOException {
        importMinutes(3);
        // sysfs refuses new files with "permission denied", procfs with "no such file", even to root.
        for (String folder : new String[] {"/sys", "/proc"}) {
            Path unwritable = Path.of(folder, "bars.csv");
            if (!Files.isDirectory(unwritable.getParent())) {
                continue;
            }
            assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--out", unwritable.toString())).isEqualTo(1);

            assertThat(stderr()).contains("cannot write " + unwritable + ": its folder " + folder + " takes no new files")
                    .doesNotContain(".tmp");
        }
    }

    @Test
    void aDatabaseInUseIsReportedInOneLineWithoutAStackTrace() throws IOException {
        importMinutes(3);
        // Another process's H2 holds an OS lock on the file; in this JVM an OS lock stands in for it.
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dataDir().resolve("history.mv.db"),
                java.nio.file.StandardOpenOption.WRITE); java.nio.channels.FileLock lock = channel.lock()) {
            assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--out", dir.resolve("x.csv").toString()))
                    .isEqualTo(1);
        }
        assertThat(stderr()).contains("is in use by another process");
        String log = Files.readString(dataDir().resolve("logs/tradedesk.log"));
        assertThat(log).contains("Command 'export' failed: the history database").doesNotContain("\tat dev.tradedesk");
    }

    @Test
    void aFileThatBreaksHalfwayWritesNothing() throws IOException {
        StringBuilder content = new StringBuilder(HEADER).append(rows(10_000)).append("\"2025-01-01,1,2,0.5,1,1\n");
        Path broken = csv("broken.csv", content.toString());

        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", broken.toString())).isEqualTo(2);

        assertThat(stderr()).contains("not valid CSV", "nothing was imported");
        assertNothingStored("AAPL");
    }

    @Test
    void aHostileSymbolIsAUsageErrorThatNeverReachesTheStore() throws IOException {
        Path in = csv("in.csv", HEADER + rows(3));

        assertThat(run("import", "--symbol", "AAPL'; DROP TABLE bars; --", "--timeframe", "1Min", "--in", in.toString()))
                .isEqualTo(2);
        assertThat(stderr()).contains("Invalid value for option '--symbol'", "invalid symbol");
        assertThat(run("export", "--symbol", "A' OR '1'='1", "--timeframe", "1Min", "--out", "x.csv")).isEqualTo(2);
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min; DROP TABLE bars", "--in", in.toString()))
                .isEqualTo(2);
        assertThat(stderr()).contains("Invalid value for option '--timeframe'", "unknown timeframe");
        assertThat(dataDir().resolve("history.mv.db")).doesNotExist();
    }

    @Test
    void aDateAloneAsTheEndMeansThroughThatDay() throws IOException {
        importMinutes(10);
        Path exported = dir.resolve("day.csv");
        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--from", "2024-01-02", "--to", "2024-01-02",
                "--out", exported.toString())).isZero();
        assertThat(stdout()).isEqualTo("exported: 10" + System.lineSeparator());
        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--to", "2024-01-01",
                "--out", exported.toString())).as("the day before holds nothing").isEqualTo(1);
        assertThat(stderr()).contains("nothing exported");
    }

    @Test
    void exportKeepsToTheRequestedTimeRange() throws IOException {
        importMinutes(10);
        Path exported = dir.resolve("range.csv");

        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--from", "2024-01-02T14:32:00Z",
                "--to", "2024-01-02T09:34:00-05:00", "--out", exported.toString())).isZero();

        assertThat(stdout()).isEqualTo("exported: 3" + System.lineSeparator());
        assertThat(Files.readString(exported)).isEqualTo(HEADER + rows(10).lines().skip(2).limit(3)
                .map(line -> line + "\n").reduce("", String::concat));
    }

    @Test
    void deleteSaysWhatItWouldDeleteAndDeletesOnlyWithYes() throws IOException {
        importMinutes(5);
        Path exported = dir.resolve("out.csv");

        assertThat(run("delete", "--symbol", "AAPL", "--timeframe", "1Min")).isZero();
        assertThat(stdout()).isEqualTo("would delete 5 bars of AAPL/1Min (2024-01-02T14:30:00Z to 2024-01-02T14:34:00Z,"
                + " the whole series); nothing was deleted: add --yes to delete them" + System.lineSeparator());
        assertThat(run("export", "--symbol", "AAPL", "--out", exported.toString())).isZero();
        assertThat(stdout()).isEqualTo("exported: 5" + System.lineSeparator());

        assertThat(run("delete", "--symbol", "AAPL", "--timeframe", "1Min", "--from", "2024-01-02T14:31:00Z", "--to",
                "2024-01-02T14:32:00Z", "--yes")).isZero();
        assertThat(stdout()).isEqualTo("deleted: 2" + System.lineSeparator());
        assertThat(stderr()).isEmpty();
        assertThat(run("export", "--symbol", "AAPL", "--out", exported.toString())).isZero();
        assertThat(Files.readString(exported).lines().skip(1).map(line -> line.substring(0, 20)))
                .containsExactly("2024-01-02T14:30:00Z", "2024-01-02T14:33:00Z", "2024-01-02T14:34:00Z");

        assertThat(run("delete", "--symbol", "AAPL", "--timeframe", "1Min", "--yes")).isZero();
        assertThat(stdout()).isEqualTo("deleted: 3" + System.lineSeparator());
        assertThat(Files.readString(dataDir().resolve("logs/tradedesk.log")))
                .contains("Deleted 3 bars of AAPL/1Min (2024-01-02T14:30:00Z to 2024-01-02T14:34:00Z, the whole series)");
        assertThat(run("export", "--symbol", "AAPL", "--out", exported.toString())).isEqualTo(1);

        assertThat(run("delete", "--symbol", "AAPL", "--timeframe", "1Min", "--yes")).isEqualTo(1);
        assertThat(stderr()).isEqualTo("tradedesk: nothing deleted: no stored bars of AAPL/1Min (history in " + dataDir()
                + "; --simulated deletes from the built-in exchange's)" + System.lineSeparator());
        assertThat(run("delete", "--symbol", "AAPL", "--timeframe", "1Min", "--from", "2024-01-03", "--to", "2024-01-02"))
                .isEqualTo(2);
        assertThat(stderr()).contains("--from 2024-01-03T00:00:00Z is after --to 2024-01-02T23:59:59.999Z");
    }

    @Test
    void anImportReadInTheWrongZoneIsDeletedAndImportedAgainBesideTheBarsBeforeIt() throws IOException {
        importMinutes(2); // 14:30 and 14:31 UTC, kept
        Path naive = csv("naive.csv", HEADER + "2024-01-03 09:30:00,10,11,9,10.5,100\n2024-01-03 09:31:00,10,11,9,10.5,100\n");
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", naive.toString())).isZero();

        assertThat(run("delete", "--symbol", "AAPL", "--timeframe", "1Min", "--from", "2024-01-03", "--to", "2024-01-03",
                "--yes")).isZero();
        assertThat(stdout()).isEqualTo("deleted: 2" + System.lineSeparator());
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--zone", "America/New_York", "--in",
                naive.toString())).isZero();

        Path exported = dir.resolve("out.csv");
        assertThat(run("export", "--symbol", "AAPL", "--out", exported.toString())).isZero();
        assertThat(Files.readString(exported).lines().skip(1).map(line -> line.substring(0, 20))).containsExactly(
                "2024-01-02T14:30:00Z", "2024-01-02T14:31:00Z", "2024-01-03T14:30:00Z", "2024-01-03T14:31:00Z");
    }

    @Test
    void aTimeTheZonesClocksSkippedIsSkippedWithTheReasonNotMovedAnHourOn() throws IOException {
        // New York's clocks went from 02:00 to 03:00 on 2024-03-10: 02:30 never happened there, and
        // read as 03:30 it would stand where the file's own 03:30 bar goes.
        Path file = csv("spring.csv", HEADER + "2024-03-10 01:59:00,10,11,9,10.5,100\n2024-03-10 02:30:00,10,11,9,10.5,100\n"
                + "2024-03-10 03:30:00,10,11,9,10.5,100\n");

        assertThat(run("import", "--symbol", "NY", "--timeframe", "1Min", "--zone", "America/New_York", "--in",
                file.toString())).as(stderr()).isZero();

        assertThat(stdout()).isEqualTo("imported: 2, skipped: 1" + System.lineSeparator());
        assertThat(stderr()).contains("skipped line 3: timestamp 2024-03-10 02:30:00 never happened in America/New_York: its"
                + " clocks jumped forward over it");
        assertThat(exportAll("NY").lines().skip(1).map(line -> line.substring(0, 20)))
                .containsExactly("2024-03-10T06:59:00Z", "2024-03-10T07:30:00Z");
    }

    @Test
    void deletingALongerTimeframesBarsSaysTheChartStillBuildsItFromTheMinutes() throws IOException {
        importMinutes(10);
        Path fiveMinutes = csv("five.csv", HEADER + "2024-01-02T14:30:00Z,187,190,186,189,5010\n");
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "5Min", "--in", fiveMinutes.toString())).isZero();

        assertThat(run("delete", "--symbol", "AAPL", "--timeframe", "5Min", "--yes")).isZero();
        assertThat(stdout()).isEqualTo("deleted: 1" + System.lineSeparator());
        assertThat(stderr()).isEqualTo("note: the chart and export still build AAPL/5Min from the 10 stored 1-minute bars"
                + " of that span; delete them with --timeframe 1Min" + System.lineSeparator());
        assertThat(run("delete", "--symbol", "AAPL", "--timeframe", "1Min", "--simulated", "--yes")).isEqualTo(1);
        assertThat(stderr()).as("the simulated exchange's history is another").contains("no stored bars of AAPL/1Min"
                + " (history in " + dataDir().resolve("simulated") + ")");
    }

    @Test
    void timesWithoutAnOffsetAreReadInTheZoneGivenAndReadAsUtcOnlyWithANote() throws IOException {
        Path naive = csv("naive.csv", HEADER + "2024-01-02 09:30:00,10,11,9,10.5,100\n2024-07-01 09:30:00,10,11,9,10.5,100\n");
        assertThat(run("import", "--symbol", "NY", "--timeframe", "1Min", "--zone", "America/New_York", "--in",
                naive.toString())).isZero();
        assertThat(stderr()).as("nothing to say: the zone was given").isEmpty();
        Path exported = dir.resolve("ny.csv");
        assertThat(run("export", "--symbol", "NY", "--out", exported.toString())).isZero();
        assertThat(Files.readString(exported).lines().skip(1).map(line -> line.substring(0, 20)))
                .containsExactly("2024-01-02T14:30:00Z", "2024-07-01T13:30:00Z");

        assertThat(run("import", "--symbol", "ASUTC", "--timeframe", "1Min", "--in", naive.toString())).isZero();
        assertThat(stdout()).endsWith("imported: 2, skipped: 0" + System.lineSeparator());
        assertThat(stderr()).isEqualTo("note: 2 rows dated without an offset (the first on line 2: 2024-01-02 09:30:00)"
                + " were read as UTC; if they are another zone's times, such as New York's, these bars are stored hours"
                + " off: take them out with `tradedesk delete`, then import the file again with its zone (--zone"
                + " America/New_York)" + System.lineSeparator());
        assertThat(Files.readString(dataDir().resolve("logs/tradedesk.log"))).contains("2 rows dated without an offset");

        Path days = csv("days.csv", HEADER + "2024-01-02 00:00:00,10,11,9,10.5,100\n");
        assertThat(run("import", "--symbol", "DAYS", "--timeframe", "1Day", "--in", days.toString())).isZero();
        assertThat(stderr()).as("a UTC midnight is a day").isEmpty();

        assertThat(run("import", "--symbol", "NY", "--timeframe", "1Min", "--zone", "Mars/Olympus", "--in",
                naive.toString())).isEqualTo(2);
        assertThat(stderr()).contains("unknown time zone 'Mars/Olympus': give an IANA zone id such as America/New_York, or UTC");
    }

    @Test
    void aTimeframeNotStoredIsExportedAsBarsBuiltFromTheStoredMinutes() throws IOException {
        // 14:30 .. 14:41: two whole five-minute bars, then 14:40 and 14:41 of a third one, long over.
        importMinutes(12);
        Path exported = dir.resolve("five.csv");

        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "5Min", "--from", "2024-01-02T14:35:00Z",
                "--out", exported.toString())).isZero();

        assertThat(stdout()).isEqualTo("exported: 2" + System.lineSeparator());
        // Minutes 5-9: open of 5, highest high and close of 9, lowest low of 5, summed volume.
        assertThat(Files.readString(exported)).isEqualTo(HEADER
                + "2024-01-02T14:35:00Z,188.25,190.75,187.5,189.75,5035.0\n"
                + "2024-01-02T14:40:00Z,189.5,191.25,188.75,190.25,2021.0\n");
    }

    @Test
    void dailyBarsExportedFromMinutesImportBackAsTheSameBars() throws IOException {
        StringBuilder minutes = new StringBuilder(HEADER);
        long start = java.time.Instant.parse("2024-01-02T14:30:00Z").toEpochMilli();
        for (int day = 0; day < 3; day++) {
            for (int minute = 0; minute < 5; minute++) {
                minutes.append(start + day * 86_400_000L + minute * 60_000L).append(",10,11,9,10.5,100\n");
            }
        }
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", csv("days.csv", minutes.toString()).toString()))
                .isZero();
        Path exported = dir.resolve("daily.csv");
        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Day", "--out", exported.toString())).isZero();
        assertThat(Files.readString(exported)).as("New York days").contains("2024-01-02T05:00:00Z", "2024-01-04T05:00:00Z");

        assertThat(run("import", "--symbol", "DAILY", "--timeframe", "1Day", "--in", exported.toString())).isZero();
        assertThat(stdout()).endsWith("imported: 3, skipped: 0" + System.lineSeparator());
        Path again = dir.resolve("again.csv");
        assertThat(run("export", "--symbol", "DAILY", "--timeframe", "1Day", "--out", again.toString())).isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(exported));

        Path offDay = csv("offday.csv", HEADER + "2024-01-09T12:00:00Z,10,11,9,10.5,100\n2024-01-10T05:00:00Z,10,11,9,10.5,100\n");
        assertThat(run("import", "--symbol", "DAILY", "--timeframe", "1Day", "--in", offDay.toString())).isZero();
        assertThat(stderr()).contains("timestamp 2024-01-09T12:00:00Z is not the start of a day in New York");
    }

    @Test
    void dailyBarsImportedAsDatesBesideMinutesExportOnTheMinutesTradingDaysOneBarADateAndImportBack() throws IOException {
        importMinutes("AAPL", "2024-01-03T14:30:00Z", 5, 60_000L);
        // Dates alone: stored at UTC's midnights, the last the date the minutes make in New York.
        Path dates = csv("dates.csv", HEADER + "2024-01-01,20,21,19,20.5,1000\n2024-01-02,20,21,19,20.5,1000\n"
                + "2024-01-03,20,21,19,20.5,1000\n");
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Day", "--in", dates.toString())).isZero();
        assertThat(stdout()).endsWith("imported: 3, skipped: 0" + System.lineSeparator());

        Path exported = dir.resolve("days.csv");
        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Day", "--out", exported.toString())).isZero();

        assertThat(Files.readString(exported)).as("New York's days, as the chart shows them; 3 January made by its minutes")
                .isEqualTo(HEADER
                        + "2024-01-01T05:00:00Z,20.0,21.0,19.0,20.5,1000.0\n"
                        + "2024-01-02T05:00:00Z,20.0,21.0,19.0,20.5,1000.0\n"
                        + "2024-01-03T05:00:00Z,10.0,11.0,9.0,10.5,500.0\n");
        assertThat(run("import", "--symbol", "AGAIN", "--timeframe", "1Day", "--in", exported.toString())).isZero();
        assertThat(stdout()).endsWith("imported: 3, skipped: 0" + System.lineSeparator());
        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Day", "--from", "2024-01-02", "--to", "2024-01-02",
                "--out", "-")).isZero();
        assertThat(stdout()).as("the range taken where the bars are placed").isEqualTo(HEADER
                + "2024-01-02T05:00:00Z,20.0,21.0,19.0,20.5,1000.0\n");
    }

    /** Imports {@code count} one-minute bars of {@code symbol}, the first at {@code first}, {@code step} ms apart. */
    private void importMinutes(String symbol, String first, int count, long step) throws IOException {
        StringBuilder minutes = new StringBuilder(HEADER);
        long start = java.time.Instant.parse(first).toEpochMilli();
        for (int i = 0; i < count; i++) {
            minutes.append(start + i * step).append(",10,11,9,10.5,100\n");
        }
        assertThat(run("import", "--symbol", symbol, "--timeframe", "1Min", "--in",
                csv(symbol + "-minutes.csv", minutes.toString()).toString())).isZero();
    }

    /** A crypto provider's daily bars are UTC days, as its exchange's own candles; --day-zone names another. */
    @Test
    void dailyBarsExportedFromMinutesSpanTheDaysOfTheSettingsProvidersMarket() throws IOException {
        importMinutes("BTCUSDT", "2024-01-02T20:00:00Z", 40, 3_600_000L);
        Files.writeString(dir.resolve("settings.json"), "{\"provider\": \"binance\"}");
        Path utc = dir.resolve("utc.csv");
        assertThat(run("export", "--symbol", "BTCUSDT", "--timeframe", "1Day", "--out", utc.toString())).isZero();
        assertThat(Files.readString(utc).lines().skip(1).map(line -> line.substring(0, line.indexOf(','))))
                .containsExactly("2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z", "2024-01-04T00:00:00Z");
        assertThat(Files.readString(utc).lines().skip(1).map(line -> line.substring(line.lastIndexOf(',') + 1)))
                .as("volume: the hours of each UTC day").containsExactly("400.0", "2400.0", "1200.0");

        Path newYork = dir.resolve("ny.csv");
        assertThat(run("export", "--symbol", "BTCUSDT", "--timeframe", "1Day", "--day-zone", "America/New_York",
                "--out", newYork.toString())).isZero();
        assertThat(Files.readString(newYork).lines().skip(1).map(line -> line.substring(0, line.indexOf(','))))
                .containsExactly("2024-01-02T05:00:00Z", "2024-01-03T05:00:00Z", "2024-01-04T05:00:00Z");
    }

    @Test
    void aDayOfUtcIsNotImportedBesideTheNewYorkDayStoredForTheSameDateNorTheOtherWayInOneFile() throws IOException {
        Path newYork = csv("ny.csv", HEADER + "2024-01-02T05:00:00Z,10,11,9,10.5,100\n2024-01-03T05:00:00Z,10,11,9,10.5,100\n");
        assertThat(run("import", "--symbol", "SPY", "--timeframe", "1Day", "--in", newYork.toString())).isZero();

        Path utc = csv("utc.csv", HEADER + "2024-01-03T00:00:00Z,10,11,9,10.5,100\n2024-01-04T00:00:00Z,10,11,9,10.5,100\n"
                + "2024-01-04T05:00:00Z,10,11,9,10.5,100\n");
        assertThat(run("import", "--symbol", "SPY", "--timeframe", "1Day", "--in", utc.toString())).isZero();
        assertThat(stdout()).endsWith("imported: 1, skipped: 2" + System.lineSeparator());
        assertThat(stderr()).contains("skipped line 2: timestamp 2024-01-03T00:00:00Z opens a day in UTC, where the bars"
                + " stored for this series open a day in New York; a series keeps one kind of day");
        Path exported = dir.resolve("spy-daily.csv");
        assertThat(run("export", "--symbol", "SPY", "--timeframe", "1Day", "--out", exported.toString())).isZero();
        assertThat(Files.readString(exported).lines().skip(1).map(line -> line.substring(0, 20)))
                .as("one bar a day").containsExactly("2024-01-02T05:00:00Z", "2024-01-03T05:00:00Z", "2024-01-04T05:00:00Z");

        Path mixed = csv("mixed.csv", HEADER + "2024-01-02T00:00:00Z,10,11,9,10.5,100\n2024-01-02T05:00:00Z,10,11,9,10.5,100\n"
                + "2024-01-03T00:00:00Z,10,11,9,10.5,100\n");
        assertThat(run("import", "--symbol", "BTCUSDT", "--timeframe", "1Day", "--in", mixed.toString())).isZero();
        assertThat(stdout()).endsWith("imported: 2, skipped: 1" + System.lineSeparator());
        assertThat(stderr()).contains("skipped line 3: timestamp 2024-01-02T05:00:00Z opens a day in New York, where the"
                + " file's first bar opens a day in UTC");
    }

    @Test
    void theBarInProgressIsLeftOutOfAnExportBuiltFromMinutes() throws IOException {
        long thisHour = Timeframe.ONE_HOUR.gridStart(System.currentTimeMillis());
        StringBuilder minutes = new StringBuilder(HEADER);
        for (long time = thisHour - 2 * 60 * 60_000L; time < thisHour + 60_000L; time += 60_000L) {
            minutes.append(time).append(",10,11,9,10.5,100\n"); // two whole hours and this hour's first minute
        }
        assertThat(run("import", "--symbol", "AAPL", "--timeframe", "1Min", "--in", csv("now.csv", minutes.toString()).toString()))
                .isZero();
        Path exported = dir.resolve("hours.csv");

        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Hour", "--out", exported.toString())).isZero();

        assertThat(stdout()).isEqualTo("exported: 2" + System.lineSeparator());
        assertThat(Files.readString(exported)).doesNotContain(java.time.Instant.ofEpochMilli(thisHour).toString())
                .contains(",10.0,11.0,9.0,10.5,6000.0");
    }

    @Test
    void anExportIsNeverWrittenOverTradeDesksOwnFiles() throws IOException {
        importMinutes(10);
        Path database = dataDir().resolve("history.mv.db");
        byte[] stored = Files.readAllBytes(database);

        assertThat(run("export", "--simulated", "--symbol", "AAPL", "--out", database.toString())).isEqualTo(2);

        assertThat(stderr().lines()).containsExactly("tradedesk: cannot write " + database
                + ": it is a file of TradeDesk's history database in " + dataDir() + "; give another file");
        assertThat(database).hasBinaryContent(stored);
        assertThat(exportAll("AAPL").lines()).as("the real history still there").hasSize(11);

        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, "{}");
        assertThat(run("export", "--symbol", "AAPL", "--out", settings.toString())).isEqualTo(2);
        assertThat(stderr()).contains("it is TradeDesk's settings file");
        assertThat(settings).hasContent("{}");

        Path beside = dataDir().resolve("aapl.csv");
        assertThat(run("export", "--symbol", "AAPL", "--out", beside.toString())).as("the user's file in the data dir").isZero();
    }

    @Test
    void aMistypedSymbolLeavesTheFileExportedBeforeAsItWasAndFails() throws IOException {
        importMinutes(5);
        Path exported = dir.resolve("aapl.csv");
        assertThat(run("export", "--symbol", "AAPL", "--out", exported.toString())).isZero();
        String before = Files.readString(exported);

        assertThat(run("export", "--symbol", "AAPLL", "--out", exported.toString())).isEqualTo(1);

        assertThat(stdout()).isEmpty();
        assertThat(stderr().lines()).containsExactly("tradedesk: nothing exported: no stored bars of AAPLL/1Min in that range"
                + " (history in " + dataDir() + "; --simulated reads the built-in exchange's); " + exported
                + " is left as it was");
        assertThat(exported).hasContent(before.strip());
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
        assertThat(Files.readString(dataDir().resolve("logs/tradedesk.log")))
                .containsOnlyOnce("Export failed: nothing exported: no stored bars of AAPLL/1Min");
    }

    @Test
    void exportingNothingWritesNoFileAndFails() throws IOException {
        Files.createDirectories(dataDir());
        Path exported = dir.resolve("empty.csv");

        assertThat(run("export", "--symbol", "NONE", "--timeframe", "1Day", "--out", exported.toString())).isEqualTo(1);

        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("nothing exported: no stored bars of NONE/1Day", "--simulated reads the built-in exchange's",
                exported + " was not written");
        assertThat(exported).doesNotExist();
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aFailedExportLeavesNoTemporaryFileAndTheTargetAsItWas() throws IOException {
        importMinutes(5);
        Path target = Files.writeString(dir.resolve("out.csv"), "previous");

        // The store is opened once the temporary file is made: a database in use fails the export under way.
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dataDir().resolve("history.mv.db"),
                java.nio.file.StandardOpenOption.WRITE); java.nio.channels.FileLock lock = channel.lock()) {
            assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--out", target.toString())).isEqualTo(1);
        }

        assertThat(stderr()).contains("is in use by another process");
        assertThat(stderr().lines()).as("one line on the console; the details are in the log").hasSize(1);
        assertThat(Files.readString(dataDir().resolve("logs/tradedesk.log"))).contains("Command 'export' failed");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
        assertThat(target).hasContent("previous");
    }

    @Test
    void anExportRemovesTheTemporaryFileAKilledExportLeftAndSaysSoInTheLogOnly() throws IOException, InterruptedException {
        importMinutes(5);
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        killed.waitFor();
        Path leftOver = csv(".out.csv." + killed.pid() + ".123.tmp", HEADER);

        assertThat(run("export", "--symbol", "AAPL", "--out", dir.resolve("out.csv").toString())).as(stderr()).isZero();

        assertThat(leftOver).doesNotExist();
        assertThat(stdout()).isEqualTo("exported: 5" + System.lineSeparator());
        assertThat(stderr()).isEmpty();
        assertThat(Files.readString(dataDir().resolve("logs/tradedesk.log")))
                .contains("Removed 1 temporary file beside " + dir.resolve("out.csv") + " that killed runs left behind: "
                        + leftOver.getFileName());
    }

    @Test
    void aUsersOwnFileAtTheOldPartialNameSurvivesAnExport() throws IOException {
        importMinutes(5);
        Path mine = Files.writeString(dir.resolve("out.csv.partial"), "mine");

        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--out", dir.resolve("out.csv").toString()))
                .as(stderr()).isZero();

        assertThat(dir.resolve("out.csv")).hasContent((HEADER + rows(5)).strip());
        assertThat(mine).hasContent("mine");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aLinkPlantedAtTheOldPartialNameIsNotFollowed() throws IOException {
        importMinutes(5);
        // In a shared folder such as /tmp, another user can make this link before the export runs.
        Path victim = Files.writeString(dir.resolve("victim.txt"), "the user's file");
        Path planted = Files.createSymbolicLink(dir.resolve("out.csv.partial"), victim);
        Path target = dir.resolve("out.csv");

        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--out", target.toString())).as(stderr()).isZero();

        assertThat(victim).hasContent("the user's file");
        assertThat(Files.isSymbolicLink(target)).as("the output is a file of its own, not the planted link").isFalse();
        assertThat(target).hasContent((HEADER + rows(5)).strip());
        assertThat(Files.readSymbolicLink(planted)).isEqualTo(victim);
    }

    @Test
    void exportWritesThroughALinkKeepsTheFilesPermissionsAndRefusesDevicesAndDirectories() throws IOException {
        importMinutes(5);
        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Files.setPosixFilePermissions(real, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);

        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--out", link.toString())).isZero();

        assertThat(Files.isSymbolicLink(link)).as("the link is kept").isTrue();
        assertThat(real).hasContent((HEADER + rows(5)).strip());
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-------");

        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--out", "/dev/null")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("tradedesk: cannot write /dev/null: it is not a regular file (a device or a pipe?);"
                + " give a file name" + System.lineSeparator());
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--out", dir.toString())).isEqualTo(2);
        assertThat(stderr()).contains("it is a directory");
        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--out", "")).isEqualTo(2);
        assertThat(stderr()).contains("no output file given: the file name is empty");
        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--out", "\u00a0")).isEqualTo(2);
        assertThat(stderr()).contains("no output file given: the file name is empty");
        assertThat(Path.of("\u00a0")).as("no file named by the lone no-break space").doesNotExist();
    }

    @Test
    void anExportToStandardOutputOrAnotherOpenDescriptorIsRefusedAndTheFileBehindItKeepsWhatItHeld() throws IOException {
        importMinutes(5);
        Path log = Files.writeString(dir.resolve("script.log"), "before\n");
        // As a script's `tradedesk export --out /dev/stdout >> script.log`: the descriptor appends to the log.
        try (FileOutputStream appending = new FileOutputStream(log.toFile(), true)) {
            Path descriptor = descriptorOpenOn(log);

            assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--out", descriptor.toString())).isEqualTo(2);

            assertThat(stderr()).isEqualTo("tradedesk: cannot write " + descriptor + ": it is an open file descriptor (such as"
                    + " standard output), not a file; the output is moved over the file it names, which would replace the"
                    + " file the descriptor writes to; give a file name, or --out - to write to standard output"
                    + System.lineSeparator());
            appending.write("after\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.readString(log)).isEqualTo("before\nafter\n");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");

        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--out", "/dev/stdout")).isEqualTo(2);
        assertThat(stderr()).contains("cannot write /dev/stdout: it is an open file descriptor");
    }

    @Test
    void anExportToADashStreamsTheCsvToStandardOutputAndTheCountToStandardError() throws IOException {
        importMinutes(5);

        assertThat(run("export", "--symbol", "AAPL", "--out", "-")).as(stderr()).isZero();

        assertThat(stdout()).as("the CSV alone, as export writes it into a file").isEqualTo(HEADER + rows(5));
        assertThat(stderr()).isEqualTo("exported: 5" + System.lineSeparator());
        assertThat(Path.of("-")).as("no file named '-' in the current folder").doesNotExist();
        assertThat(Files.readString(dataDir().resolve("logs/tradedesk.log")))
                .contains("Exported 5 bars of AAPL/1Min to standard output");
    }

    @Test
    void anExportToStandardOutputOfASymbolNotStoredWritesNothingThereAndFails() throws IOException {
        importMinutes(5);

        assertThat(run("export", "--symbol", "AAPLL", "--out", "-")).isEqualTo(1);

        assertThat(stdout()).as("not even the header").isEmpty();
        assertThat(stderr().lines()).containsExactly("tradedesk: nothing exported: no stored bars of AAPLL/1Min in that range"
                + " (history in " + dataDir() + "; --simulated reads the built-in exchange's); nothing was written to"
                + " standard output");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void anExportToStandardOutputWhoseReaderStopsReadingEndsQuietlyAtOnce() throws IOException {
        importMinutes(20_000); // about 1.1 MB of CSV
        ReaderClosingPipe head = new ReaderClosingPipe(200);

        assertThat(runWithStandardOutput(head, "export", "--symbol", "AAPL", "--out", "-")).as(stderr()).isZero();

        assertThat(head.read()).startsWith(HEADER + rows(1));
        assertThat(stderr()).as("nothing on the console, as `| head` gets from any other command").isEmpty();
        assertThat(head.refusedWrites()).as("it stops at the closed pipe instead of writing the whole series into it")
                .isLessThanOrEqualTo(5);
        assertThat(Files.readString(dataDir().resolve("logs/tradedesk.log")))
                .contains("Export of AAPL/1Min to standard output stopped: standard output was closed");
    }

    @Test
    void anExportToAFullDiskOnStandardOutputSaysSoAndFails() throws IOException {
        importMinutes(20_000);

        try (OutputStream fullDisk = new FileOutputStream("/dev/full")) { // every write: ENOSPC, as on a full disk
            assertThat(runWithStandardOutput(fullDisk, "export", "--symbol", "AAPL", "--out", "-")).isEqualTo(1);
        }

        assertThat(stderr().lines()).containsExactly("tradedesk: cannot write to standard output: No space left on"
                + " device; what was written there stops part-way");
        assertThat(Files.readString(dataDir().resolve("logs/tradedesk.log")))
                .containsOnlyOnce("cannot write to standard output: No space left on device");
    }

    /** {@code /dev/fd/N} for this JVM's descriptor N open on {@code file}, as {@code /dev/stdout} is on a redirected output. */
    private static Path descriptorOpenOn(Path file) throws IOException {
        Path real = file.toRealPath();
        try (var descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    if (Files.readSymbolicLink(descriptor).equals(real)) {
                        return Path.of("/dev/fd").resolve(descriptor.getFileName());
                    }
                } catch (IOException closedMeanwhile) {
                    // the listing's own descriptor, say
                }
            }
        }
        throw new AssertionError("no descriptor of this JVM is open on " + real);
    }

    @Test
    void exportArgumentErrorsAreUsageErrors() throws IOException {
        Files.createDirectories(dataDir());
        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--from", "2024-02-01", "--to", "2024-01-01",
                "--out", dir.resolve("x.csv").toString())).isEqualTo(2);
        assertThat(stderr()).contains("is after --to");
        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--from", "last tuesday",
                "--out", dir.resolve("x.csv").toString())).isEqualTo(2);
        assertThat(stderr()).contains("bad timestamp 'last tuesday'");
        assertThat(run("export", "--symbol", "AAPL", "--timeframe", "1Min", "--out", dir.resolve("no/such/x.csv").toString()))
                .isEqualTo(2);
        assertThat(stderr()).contains("no such folder");
    }

    @Test
    void benchStorePrintsEveryFigureAsKeyValueLines() {
        assertThat(run("bench", "store", "--bars", "3000", "--queries", "100")).isZero();

        assertThat(stdout().lines().map(line -> line.substring(0, line.indexOf(": "))).toList()).containsExactly(
                "store.bars", "store.open_ms", "store.ingest.bars_per_s", "store.ingest.seconds",
                "store.upsert_existing.bars_per_s", "store.query_1000.median_us", "store.query_1000.p99_us",
                "store.cached_query_1000.median_us", "store.cached_query_1000.p99_us",
                "store.disk.bytes_per_bar_before_compact", "store.compact_ms", "store.disk.bytes_per_bar");
        assertThat(stdout().lines().map(line -> Double.parseDouble(line.substring(line.indexOf(": ") + 2))))
                .allMatch(value -> value > 0);
        assertThat(dataDir().resolve("history.mv.db")).as("the data dir is not touched").doesNotExist();
    }

    @Test
    void benchPipelineMeasuresOnlyAfterTheWarmUp() {
        assertThat(run("bench", "pipeline", "--symbols", "3", "--duration", "1s", "--warmup", "6s")).isZero();

        java.util.Map<String, String> figures = stdout().lines().filter(line -> line.contains(": "))
                .collect(java.util.stream.Collectors.toMap(line -> line.substring(0, line.indexOf(": ")),
                        line -> line.substring(line.indexOf(": ") + 2), (first, second) -> second));
        assertThat(Double.parseDouble(figures.get("pipeline.warmup_s"))).isGreaterThanOrEqualTo(6.0);
        assertThat(Long.parseLong(figures.get("pipeline.cycle.count"))).as("cycles measured").isBetween(1L, 3L);
        assertThat(figures).containsEntry("pipeline.errors", "0");
    }

    @Test
    void benchNeedsAnAreaAndEnoughBars() {
        assertThat(run("bench")).isEqualTo(2);
        assertThat(stderr()).contains("Missing required subcommand", "store");
        assertThat(run("bench", "store", "--bars", "10")).isEqualTo(2);
        assertThat(stderr()).contains("--bars must be at least 2000");
    }

    private void assertNothingStored(String symbol) {
        assertThat(run("export", "--symbol", symbol, "--timeframe", "1Min", "--out", dir.resolve(symbol + "-all.csv").toString()))
                .isEqualTo(1);
        assertThat(stderr()).contains("nothing exported: no stored bars of " + symbol + "/1Min");
    }

    private String exportAll(String symbol) throws IOException {
        Path exported = dir.resolve(symbol + "-all.csv");
        assertThat(run("export", "--symbol", symbol, "--timeframe", "1Min", "--out", exported.toString())).isZero();
        return Files.readString(exported);
    }

    @Test
    void readingAFolderThatHoldsNoHistoryYetSaysSoAndLeavesNoEmptyDatabaseThere() throws IOException {
        Files.createDirectories(dataDir());
        Path exportFile = dir.resolve("out.csv");

        assertThat(run("gaps", "--symbol", "AAPL")).isEqualTo(1);
        assertThat(stderr()).contains("no stored bars of AAPL/1Min (history in " + dataDir());
        assertThat(run("export", "--symbol", "AAPL", "--out", exportFile.toString())).isEqualTo(1);
        assertThat(stderr()).contains("nothing exported: no stored bars of AAPL/1Min");
        assertThat(exportFile).doesNotExist();
        assertThat(run("export", "--symbol", "AAPL", "--out", "-")).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(run("delete", "--symbol", "AAPL", "--timeframe", "1Min", "--yes")).isEqualTo(1);
        assertThat(stderr()).contains("nothing deleted: no stored bars of AAPL/1Min");
        assertThat(run("snapshot", "--symbol", "AAPL", "--out", dir.resolve("chart.png").toString())).isEqualTo(1);
        assertThat(stderr()).contains("no bars stored for AAPL in " + dataDir());
        assertThat(run("gaps", "--symbol", "AAPL", "--simulated")).isEqualTo(1);

        try (var left = Files.list(dataDir())) {
            assertThat(left.map(path -> path.getFileName().toString())).as("the log, and no database").containsOnly("logs");
        }
        assertThat(dataDir().resolve("simulated")).doesNotExist();
    }
}
