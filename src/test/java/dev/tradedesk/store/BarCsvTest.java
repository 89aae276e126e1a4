package dev.tradedesk.store;

import static dev.tradedesk.store.TestBars.T0;
import static dev.tradedesk.store.TestBars.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Timeframe;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bar CSV format: reading, writing, and what is skipped or refused. */
class BarCsvTest {

    private static final String HEADER = "timestamp,open,high,low,close,volume\n";

    @TempDir
    Path dir;

    private final List<String> rejected = new ArrayList<>();

    private BarColumns readAll(String csv) throws IOException {
        BarColumns all = new BarColumns(16);
        try (BarCsvSource source = BarCsvSource.read(new StringReader(csv), "test.csv",
                (line, reason) -> rejected.add(line + ": " + reason))) {
            BarColumns chunk = new BarColumns(3);
            do {
                chunk.clear();
                source.fill(chunk, 3);
                for (int i = 0; i < chunk.size(); i++) {
                    all.add(chunk.bar(i));
                }
            } while (!chunk.isEmpty());
        }
        return all;
    }

    /** Reading {@code csv} (named {@code name}) as bars of {@code timeframe} at {@code now} refuses the file with {@code message}. */
    private static void assertRefused(String csv, String name, Timeframe timeframe, long now, String message) {
        assertThatThrownBy(() -> {
            try (BarCsvSource source = BarCsvSource.read(new StringReader(csv), name, (line, reason) -> { })
                    .onlyBarsOf(timeframe, now)) {
                source.fill(new BarColumns(8), 8);
            }
        }).isInstanceOf(BarCsvException.class).hasMessage(message);
    }

    @Test
    void shorterBarsRefusedBesideOneRowOnTheGridSayItOpensOnIt() {
        String csv = HEADER
                + "2024-01-02T15:00:00Z,10,11,9,10.5,100\n"
                + "2024-01-02T15:01:00Z,10,11,9,10.5,100\n"
                + "2024-01-02T15:02:00Z,10,11,9,10.5,100\n";
        long now = java.time.Instant.parse("2024-01-10T12:00:00Z").toEpochMilli();

        assertRefused(csv, "minutes.csv", Timeframe.ONE_HOUR, now, "minutes.csv, line 3: this row and 1 more open"
                + " between 1Hour bars, where 1 opens on one: the file holds shorter bars; import it as their timeframe");
    }

    @Test
    void halfHoursAsHoursAreRefusedThoughHalfOfThemOpenAnHourAndAStrayRowInHoursIsSkipped() throws IOException {
        long now = Instant.parse("2024-01-10T12:00:00Z").toEpochMilli();
        String halfHours = HEADER
                + "2024-01-02T15:00:00Z,10,11,9,10.5,100\n"
                + "2024-01-02T15:30:00Z,10,11,9,10.5,100\n"
                + "2024-01-02T16:00:00Z,10,11,9,10.5,100\n"
                + "2024-01-02T16:30:00Z,10,11,9,10.5,100\n"
                + "2024-01-02T17:00:00Z,10,11,9,10.5,100\n"
                + "2024-01-02T17:30:00Z,10,11,9,10.5,100\n";
        assertRefused(halfHours, "m30.csv", Timeframe.ONE_HOUR, now, "m30.csv, line 3: this row and 2 more open"
                + " between 1Hour bars, where 3 open on one: the file holds shorter bars; import it as their timeframe");

        String hoursWithAStray = HEADER
                + "2024-01-02T15:00:00Z,10,11,9,10.5,100\n"
                + "2024-01-02T16:00:00Z,10,11,9,10.5,100\n"
                + "2024-01-02T16:30:00Z,10,11,9,10.5,100\n"
                + "2024-01-02T17:00:00Z,10,11,9,10.5,100\n"
                + "2024-01-02T18:00:00Z,10,11,9,10.5,100\n";
        BarColumns kept = new BarColumns(8);
        try (BarCsvSource source = BarCsvSource.read(new StringReader(hoursWithAStray), "h.csv",
                (line, reason) -> rejected.add(line + ": " + reason)).onlyBarsOf(Timeframe.ONE_HOUR, now)) {
            source.fill(kept, 8);
        }
        assertThat(kept.size()).isEqualTo(4);
        assertThat(rejected).containsExactly("4: timestamp 2024-01-02T16:30:00Z is not the open of a 1Hour bar (that bar"
                + " opens at 2024-01-02T16:00:00Z)");
    }

    @Test
    void aLoneRowBetweenBarsSaysNoneOpensOnOne() {
        long now = Instant.parse("2024-01-10T12:00:00Z").toEpochMilli();
        assertRefused(HEADER + "2024-01-02T15:00:30Z,10,11,9,10.5,100\n", "one.csv", Timeframe.ONE_MINUTE, now,
                "one.csv, line 2: this row and 0 more open between 1Min bars, where none opens on one: the file holds"
                        + " shorter bars; import it as their timeframe");
    }

    @Test
    void dailyBarsOpenAtANewYorkOrAUtcDayOneKindAFileAndTodaysNewYorkDayIsNotInTheFuture() throws IOException {
        long now = java.time.Instant.parse("2024-01-10T12:00:00Z").toEpochMilli();
        String csv = HEADER
                + "2024-01-08T05:00:00Z,10,11,9,10.5,100\n"   // New York day
                + "2024-01-09T00:00:00Z,10,11,9,10.5,100\n"   // UTC day, beside the New York days
                + "2024-01-09T12:00:00Z,10,11,9,10.5,100\n"   // neither
                + "2024-01-10T05:00:00Z,10,11,9,10.5,100\n"   // today in New York, forming
                + "2024-01-11T00:00:00Z,10,11,9,10.5,100\n";  // tomorrow
        BarColumns kept = new BarColumns(8);
        try (BarCsvSource source = BarCsvSource.read(new StringReader(csv), "test.csv",
                (line, reason) -> rejected.add(line + ": " + reason)).onlyBarsOf(Timeframe.ONE_DAY, now)) {
            source.fill(kept, 8);
        }
        assertThat(kept.size()).isEqualTo(2);
        assertThat(kept.time(1)).isEqualTo(java.time.Instant.parse("2024-01-10T05:00:00Z").toEpochMilli());
        assertThat(rejected).hasSize(3);
        assertThat(rejected.get(0)).startsWith("3: timestamp 2024-01-09T00:00:00Z opens a day in UTC, where the file's"
                + " first bar opens a day in New York");
        assertThat(rejected.get(1)).startsWith("4: timestamp 2024-01-09T12:00:00Z is not the start of a day");
        assertThat(rejected.get(2)).startsWith("6: timestamp 2024-01-11T00:00:00Z is in the future");

        rejected.clear();
        BarColumns utcDays = new BarColumns(8);
        try (BarCsvSource source = BarCsvSource.read(new StringReader(HEADER + "2024-01-08T00:00:00Z,10,11,9,10.5,100\n"
                + "2024-01-09T00:00:00Z,10,11,9,10.5,100\n"), "utc.csv", (line, reason) -> rejected.add(line + ": " + reason))
                .onlyBarsOf(Timeframe.ONE_DAY, now)) {
            source.fill(utcDays, 8);
        }
        assertThat(utcDays.size()).as("a file of UTC days, as crypto exchanges write them").isEqualTo(2);
        assertThat(rejected).isEmpty();
    }

    @Test
    void minuteBarsBeforeNineteenNinetyAreSkippedWithTheReasonAndEpochSecondsAreNamedAsSuch() throws IOException {
        long now = Instant.parse("2026-12-05T12:00:00Z").toEpochMilli();
        String csv = HEADER
                + "0001-01-01T00:00:00Z,10,11,9,10.5,100\n"
                + "1900-01-01,10,11,9,10.5,100\n"
                + "0,10,11,9,10.5,100\n"
                + "1970-01-02T00:00:00Z,10,11,9,10.5,100\n"
                + "1733400000,10,11,9,10.5,100\n"            // seconds: 2024-12-05T12:00:00Z
                + "1989-12-31T23:59:00Z,10,11,9,10.5,100\n"
                + "1990-01-01T00:00:00Z,10,11,9,10.5,100\n"  // the first minute taken
                + "1733400000000,10,11,9,10.5,100\n";
        BarColumns kept = new BarColumns(8);
        try (BarCsvSource source = BarCsvSource.read(new StringReader(csv), "test.csv",
                (line, reason) -> rejected.add(line + ": " + reason)).onlyBarsOf(Timeframe.ONE_MINUTE, now)) {
            source.fill(kept, 8);
        }

        assertThat(kept.size()).isEqualTo(2);
        assertThat(kept.time(0)).isEqualTo(Instant.parse("1990-01-01T00:00:00Z").toEpochMilli());
        assertThat(rejected).hasSize(6);
        assertThat(rejected.get(0)).isEqualTo("2: timestamp 0001-01-01T00:00:00Z is before 1990-01-01T00:00:00Z,"
                + " the earliest 1Min bar import takes");
        assertThat(rejected.get(2)).isEqualTo("4: timestamp 0 (1970-01-01T00:00:00Z) is before 1990-01-01T00:00:00Z,"
                + " the earliest 1Min bar import takes");
        assertThat(rejected.get(4)).isEqualTo("6: timestamp 1733400000 (1970-01-21T01:30:00Z) is before"
                + " 1990-01-01T00:00:00Z, the earliest 1Min bar import takes; epoch timestamps are read as milliseconds:"
                + " if these are seconds, that is 2024-12-05T12:00:00Z (multiply by 1000)");
        assertThat(rejected).extracting(reason -> reason.substring(0, reason.indexOf(':')))
                .containsExactly("2", "3", "4", "5", "6", "7");
    }

    @Test
    void dailyBarsMayBeOlderButNotFromTheYearOneAndDailyEpochSecondsAreNamedAsSuch() throws IOException {
        long now = Instant.parse("2026-12-05T12:00:00Z").toEpochMilli();
        String csv = HEADER
                + "0024-01-02,10,11,9,10.5,100\n"             // a two-digit year
                + "1733356800,10,11,9,10.5,100\n"            // seconds: 2024-12-05T00:00:00Z
                + "1896-05-26,10,11,9,10.5,100\n";           // the Dow Jones' first day
        BarColumns kept = new BarColumns(8);
        try (BarCsvSource source = BarCsvSource.read(new StringReader(csv), "test.csv",
                (line, reason) -> rejected.add(line + ": " + reason)).onlyBarsOf(Timeframe.ONE_DAY, now)) {
            source.fill(kept, 8);
        }

        assertThat(kept.size()).isEqualTo(1);
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0)).startsWith("2: timestamp 0024-01-02 is before 1800-01-01T00:00:00Z");
        assertThat(rejected.get(1)).startsWith("3: timestamp 1733356800 is not the start of a day")
                .endsWith("if these are seconds, that is 2024-12-05T00:00:00Z (multiply by 1000)");
    }

    @Test
    void withoutATimeframeOldTimestampsAreRead() throws IOException {
        // indicators reads any bar CSV: the bound is import's, whose rows become a stored series.
        assertThat(readAll(HEADER + "0,1,2,0.5,1,10\n").size()).isEqualTo(1);
        assertThat(rejected).isEmpty();
    }

    private static String write(BarColumns bars) throws IOException {
        StringWriter out = new StringWriter();
        try (BarCsvWriter writer = new BarCsvWriter(out)) {
            writer.write(bars);
        }
        return out.toString();
    }

    @Test
    void writtenBarsReadBackAsTheSameBars() throws IOException {
        BarColumns bars = minutes(T0, 10, 3);
        bars.add(T0 + 3_600_000, 0.000123456789, 12_345_678.9, 0.0000001, 1e-7 * 3, 98_765_432_109.0);

        String csv = write(bars);

        assertThat(csv).startsWith(HEADER + "2023-11-14T22:13:20Z,").doesNotContain("E");
        assertThat(BarSnapshot.copyOf(readAll(csv))).isEqualTo(BarSnapshot.copyOf(bars));
        assertThat(rejected).isEmpty();
    }

    @Test
    void aSmallCoinsLongDecimalsAreWrittenUnquotedAsEveryOtherNumber() throws IOException {
        BarColumns bars = new BarColumns(1);
        double low = 0.000000012345678901234567; // 26 characters as a plain decimal
        bars.add(T0, low, low * 2, low, low, 0.000000012345678901234567);

        String row = write(bars).lines().skip(1).findFirst().orElseThrow();

        assertThat(row).doesNotContain("\"").contains(",0.000000012345678901234567,");
        assertThat(BarSnapshot.copyOf(readAll(HEADER + row + "\n"))).isEqualTo(BarSnapshot.copyOf(bars));
    }

    @Test
    void theFilesTextQuotedInAReasonIsShownAsItsCodesNeverAsTheEscapeSequencesItHolds() throws IOException {
        readAll(HEADER + "2024-01-02T14:30:00Z,1\u001b[2J\u001b[31mRED,2,0.5,1.5,10\n2024-01-02T14:31:00Z,1,2,0.5,1.5,1\u00000\n");

        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0)).contains("'1\\u001b[2J\\u001b[31mRED'").doesNotContain("\u001b");
        assertThat(rejected.get(1)).contains("'1\\u00000'").doesNotContain("\u0000");
        assertThatThrownBy(() -> readAll("time\u001b[2J,open\n")).isInstanceOf(BarCsvException.class)
                .hasMessageContaining("time\\u001b[2J").hasMessageNotContaining("\u001b");
    }

    @Test
    void anEmptyExportIsJustTheHeader() throws IOException {
        assertThat(write(new BarColumns(0))).isEqualTo(HEADER);
    }

    @Test
    void timestampsMayBeEpochMillisDatesOrDateTimes() throws IOException {
        BarColumns bars = readAll(HEADER
                + "1700000000000,1,2,0.5,1,10\n"
                + "2023-11-15,1,2,0.5,1,10\n"
                + "2023-11-15T09:30:00,1,2,0.5,1,10\n"
                + "2023-11-15T09:31:00.250Z,1,2,0.5,1,10\n"
                + "2023-11-15T05:32:00-04:00,1,2,0.5,1,10\n");

        assertThat(bars.size()).isEqualTo(5);
        assertThat(bars.time(0)).isEqualTo(1_700_000_000_000L);
        assertThat(Instant.ofEpochMilli(bars.time(1))).isEqualTo(Instant.parse("2023-11-15T00:00:00Z"));
        assertThat(Instant.ofEpochMilli(bars.time(2))).isEqualTo(Instant.parse("2023-11-15T09:30:00Z"));
        assertThat(Instant.ofEpochMilli(bars.time(3))).isEqualTo(Instant.parse("2023-11-15T09:31:00.250Z"));
        assertThat(Instant.ofEpochMilli(bars.time(4))).isEqualTo(Instant.parse("2023-11-15T09:32:00Z"));
    }

    @Test
    void pandasDateTimesWithASpaceForTheTAreReadAsTheirIsoFormsWithoutAnOffsetAsUtc() throws IOException {
        BarColumns bars = readAll(HEADER
                + "2024-01-02 14:30:00,1,2,0.5,1,10\n"              // df.to_csv() of a naive index
                + "2024-01-02 14:31:00+00:00,1,2,0.5,1,10\n"        // of a tz-aware one
                + "2024-01-02 09:32:00-05:00,1,2,0.5,1,10\n"
                + "2024-01-02 14:33:00.250,1,2,0.5,1,10\n"
                + "2024-01-02 14:34,1,2,0.5,1,10\n");

        assertThat(rejected).isEmpty();
        assertThat(bars.size()).isEqualTo(5);
        for (int i = 0; i < bars.size(); i++) {
            String iso = List.of("2024-01-02T14:30:00", "2024-01-02T14:31:00+00:00", "2024-01-02T09:32:00-05:00",
                    "2024-01-02T14:33:00.250", "2024-01-02T14:34").get(i);
            assertThat(bars.time(i)).as(iso).isEqualTo(BarCsvFormat.parseTime(iso));
        }
        assertThat(Instant.ofEpochMilli(bars.time(0))).isEqualTo(Instant.parse("2024-01-02T14:30:00Z"));
        assertThat(Instant.ofEpochMilli(bars.time(2))).isEqualTo(Instant.parse("2024-01-02T14:32:00Z"));
    }

    @Test
    void dateTimesWithoutAnOffsetAreReadInTheZoneGivenAcrossItsClockChangesAndCounted() throws IOException {
        String csv = HEADER
                + "2024-01-02,1,2,0.5,1,10\n"                      // a date alone: a day, whatever the zone
                + "2024-01-02 09:30:00,1,2,0.5,1,10\n"             // New York winter: UTC-5
                + "2024-01-02T14:31:00Z,1,2,0.5,1,10\n"            // an offset: the zone does not apply
                + "2024-03-10 02:30:00,1,2,0.5,1,10\n"             // in the hour the clock skips: never happened
                + "2024-07-01 09:30:00,1,2,0.5,1,10\n"             // summer: UTC-4
                + "2024-11-03 01:30:00,1,2,0.5,1,10\n";            // the hour repeated: its first, EDT
        BarColumns bars = new BarColumns(8);
        BarCsvSource.LocalTimes local;
        try (BarCsvSource source = BarCsvSource.read(new StringReader(csv), "test.csv", (line, reason) -> rejected.add(reason))
                .localTimesIn(java.time.ZoneId.of("America/New_York"))) {
            source.fill(bars, 10);
            local = source.localTimes();
        }

        assertThat(rejected).containsExactly("timestamp 2024-03-10 02:30:00 never happened in America/New_York: its clocks"
                + " jumped forward over it; a file of that zone's times has no such row");
        assertThat(List.of(0, 1, 2, 3, 4).stream().map(i -> Instant.ofEpochMilli(bars.time(i)).toString()))
                .containsExactly("2024-01-02T00:00:00Z", "2024-01-02T14:30:00Z", "2024-01-02T14:31:00Z",
                        "2024-07-01T13:30:00Z", "2024-11-03T05:30:00Z");
        assertThat(local).isEqualTo(new BarCsvSource.LocalTimes(3, 3, "2024-01-02 09:30:00", java.time.ZoneId.of("America/New_York")));
        assertThat(BarCsvFormat.isLocalDateTime("1704205800000")).as("epoch milliseconds").isFalse();
        assertThat(BarCsvFormat.isLocalDateTime("-1704205800000")).isFalse();
        assertThat(BarCsvFormat.isLocalDateTime("2024-01-02T09:30:00-05:00")).isFalse();
        assertThat(BarCsvFormat.isLocalDateTime("2024-01-02T09:30")).isTrue();
    }

    @Test
    void aSpaceIsNoSeparatorAnywhereElseNorTwoOfThem() throws IOException {
        BarColumns bars = readAll(HEADER
                + "2024-01-02  14:30:00,1,2,0.5,1,10\n"
                + "2024-01-02 14:31:00 +00:00,1,2,0.5,1,10\n"
                + "2024-01-02 14:32:00 UTC,1,2,0.5,1,10\n"
                + "2024-01-02T 14:33:00,1,2,0.5,1,10\n"
                + "2024-1-2 14:34:00,1,2,0.5,1,10\n");

        assertThat(bars.size()).isZero();
        assertThat(rejected).hasSize(5).allSatisfy(reason -> assertThat(reason).contains("bad timestamp"));
    }

    @Test
    void badRowsAreReportedWithTheirLineAndSkipped() throws IOException {
        BarColumns bars = readAll(HEADER
                + "2024-01-02T00:00:00Z,10,11,9,10.5,100\n"          // line 2: good
                + "2024-01-02T00:01:00Z,10,abc,9,10.5,100\n"         // 3: bad number
                + "2024-01-02T00:02:00Z,10,9,11,10,100\n"            // 4: high < low
                + "2024-01-02T00:03:00Z,-10,11,9,10.5,100\n"         // 5: negative price
                + "2024-01-02T00:04:00Z,NaN,11,9,10.5,100\n"         // 6: NaN price
                + "2024-01-02T00:05:00Z,10,11,9,10.5\n"              // 7: missing field
                + "yesterday,10,11,9,10.5,100\n"                     // 8: bad timestamp
                + "\n"                                               // 9: blank, ignored
                + "2024-01-02T00:06:00Z,10,11,9,10.5,100\n"          // 10: good
                + "2024-01-02T00:01:00Z,10,11,9,10.5,100\n"          // 11: out of order
                + "2024-01-02T00:06:00Z,10,11,9,10.5,100\n"          // 12: repeated timestamp
                + "2024-01-02T00:07:00Z,10,11,9,10.5,-1\n"           // 13: negative volume
                + "2024-01-02T00:08:00Z,10,11,9,10.5,1.5d\n"         // 14: Java suffix, not a decimal
                + "2024-01-02T00:09:00Z,10,11,9,10.5,7\n"            // 15: good
                + "2024-01-02T00:10:00Z,10,1e308,9,10.5,7\n"         // 16: absurd price
                + "2024-01-02T00:11:00Z,10,11,9,10.5,1e20\n");       // 17: absurd volume

        assertThat(bars.size()).isEqualTo(3);
        assertThat(Instant.ofEpochMilli(bars.time(2))).isEqualTo(Instant.parse("2024-01-02T00:09:00Z"));
        assertThat(rejected).containsExactly(
                "3: bad number 'abc' for high",
                "4: high 9.0 is below low 11.0",
                "5: prices must be finite and positive (open -10.0, high 11.0, low 9.0, close 10.5)",
                "6: prices must be finite and positive (open NaN, high 11.0, low 9.0, close 10.5)",
                "7: expected 6 fields, found 5",
                "8: bad timestamp 'yesterday': use an ISO-8601 date or date-time (its T may be a space), or epoch milliseconds",
                "11: timestamp 2024-01-02T00:01:00Z is not after the previous row's (2024-01-02T00:06:00Z)",
                "12: timestamp 2024-01-02T00:06:00Z is not after the previous row's (2024-01-02T00:06:00Z)",
                "13: volume must be finite and not negative, was -1.0",
                "14: bad number '1.5d' for volume",
                "16: price 1.0E308 is beyond any market's (at most 1.0E12): a shifted column or another unit?",
                "17: volume 1.0E20 is beyond any market's (at most 1.0E18): a shifted column or another unit?");
    }

    @Test
    void theHeaderMayDifferInCaseSpacesAndAByteOrderMark() throws IOException {
        assertThat(readAll("\uFEFFTimestamp, Open ,HIGH,low,close,volume\n2024-01-02,1,2,0.5,1,10\n").size()).isEqualTo(1);
    }

    @Test
    void aWrongHeaderIsRefused() {
        assertThatThrownBy(() -> readAll("time,open,high,low,close,volume\n2024-01-02,1,2,0.5,1,10\n"))
                .isInstanceOf(BarCsvException.class)
                .hasMessage("test.csv, line 1: expected the header timestamp,open,high,low,close,volume,"
                        + " found time,open,high,low,close,volume");
        assertThatThrownBy(() -> readAll("2024-01-02,1,2,0.5,1,10\n"))
                .isInstanceOf(BarCsvException.class).hasMessageContaining("expected the header");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> readAll("")).isInstanceOf(BarCsvException.class).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> readAll("\n\n")).isInstanceOf(BarCsvException.class).hasMessageContaining("the file is empty");
    }

    @Test
    void brokenCsvStopsTheReadWithItsLine() {
        assertThatThrownBy(() -> readAll(HEADER + "2024-01-02,1,2,0.5,1,10\n\"2024-01-03,1,2,0.5,1,10\n"))
                .isInstanceOf(BarCsvException.class)
                .hasMessageContaining("line 3: not valid CSV: a quote opened on this line is never closed");
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, (HEADER + "2024-01-02,1,2,0.5,1,10\n\u00e9\u00e9\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> {
            try (BarCsvSource source = BarCsvSource.open(file, (line, reason) -> { })) {
                source.fill(new BarColumns(10), 10);
            }
        }).isInstanceOf(BarCsvException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void theLineOfTheFirstByteThatIsNotUtf8IsNamedExactly() throws IOException {
        for (int badLine : new int[] {2, 12, 1002, 2002}) {
            StringBuilder text = new StringBuilder(HEADER);
            for (int i = 2; i < badLine; i++) {
                text.append(java.time.Instant.parse("2024-01-02T00:00:00Z").plusSeconds(60L * i)).append(",1,2,0.5,1,10\n");
            }
            byte[] head = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] bad = "caf\u00e9,1,2,0.5,1,10\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            Path file = dir.resolve("bad" + badLine + ".csv");
            Files.write(file, java.nio.ByteBuffer.allocate(head.length + bad.length).put(head).put(bad).array());

            assertThatThrownBy(() -> {
                try (BarCsvSource source = BarCsvSource.open(file, (line, reason) -> { })) {
                    while (source.accepted() + source.skipped() < badLine) {
                        BarColumns chunk = new BarColumns(100);
                        source.fill(chunk, 100);
                        if (chunk.size() == 0) {
                            break;
                        }
                    }
                }
            }).as("bad byte on line " + badLine).isInstanceOf(BarCsvException.class)
                    .hasMessageContaining("line " + badLine + ": not UTF-8 text");
        }
    }

    @Test
    void missingAndUnreadableFilesFailOnOpen() throws IOException {
        assertThatThrownBy(() -> BarCsvSource.open(dir.resolve("none.csv"), (line, reason) -> { }))
                .isInstanceOf(NoSuchFileException.class);
        Path locked = Files.writeString(dir.resolve("locked.csv"), HEADER);
        assertThat(locked.toFile().setReadable(false)).isTrue();
        if (!Files.isReadable(locked)) { // root reads anything
            assertThatThrownBy(() -> BarCsvSource.open(locked, (line, reason) -> { }))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> BarCsvSource.open(dir, (line, reason) -> { })).isInstanceOf(IOException.class);
    }

    @Test
    void numbersAreWrittenWithoutExponentAndReadBackExactly() {
        for (double value : new double[] {1.0, 187.23, 0.001, 0.000999, 1e7, 9_999_999.99, 1.5e-9, 123_456_789_012.5,
                Double.MIN_VALUE, 1e300}) {
            String text = BarCsvFormat.formatNumber(value);
            assertThat(text).as("%s", value).doesNotContain("E");
            assertThat(BarCsvFormat.parseNumber(text, "open")).isEqualTo(value);
        }
        assertThat(new Bar(T0, 1, 1, 1, 1, 0).volume()).isZero();
        assertThat(BarCsvFormat.formatNumber(0)).isEqualTo("0.0");
        assertThat(BarCsvFormat.formatNumber(6_587_835)).isEqualTo("6587835.0");
        assertThat(BarCsvFormat.formatNumber(60_739_437)).as("the same form above 10^7").isEqualTo("60739437.0");
        assertThat(BarCsvFormat.formatNumber(1e300)).endsWith("000.0");
    }
}
