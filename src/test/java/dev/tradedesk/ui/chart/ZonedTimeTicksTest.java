package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Time-axis ticks and labels in a zone, across daylight-saving changes. */
class ZonedTimeTicksTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final ZonedTimeTicks ticks = new ZonedTimeTicks(BERLIN, Locale.ENGLISH);

    @Test
    void hourlyTicksSkipTheHourThatDoesNotExistInSpring() {
        // 2024-03-31: at 01:00 UTC Berlin jumps from 02:00 CET to 03:00 CEST.
        List<String> labels = labels("2024-03-30T22:30:00Z", "2024-03-31T03:30:00Z", ZonedTimeTicks.Step.HOURS_1);
        assertThat(labels).containsExactly("31 Mar", "01:00", "03:00", "04:00", "05:00");
        assertThat(values("2024-03-30T22:30:00Z", "2024-03-31T03:30:00Z", ZonedTimeTicks.Step.HOURS_1))
                .as("one real hour apart, each")
                .containsExactly(epoch("2024-03-30T23:00:00Z"), epoch("2024-03-31T00:00:00Z"),
                        epoch("2024-03-31T01:00:00Z"), epoch("2024-03-31T02:00:00Z"), epoch("2024-03-31T03:00:00Z"));
    }

    @Test
    void hourlyTicksShowTheRepeatedHourTwiceInAutumnEachNamingWhichItIs() {
        // 2024-10-27: at 01:00 UTC Berlin falls back from 03:00 CEST to 02:00 CET; the axis read "02:00, 02:00".
        List<String> labels = labels("2024-10-26T23:30:00Z", "2024-10-27T03:30:00Z", ZonedTimeTicks.Step.HOURS_1);
        assertThat(labels).containsExactly("02:00 CEST", "02:00 CET", "03:00", "04:00");
    }

    @Test
    void atEveryIntradayStepATimeTheClocksShowTwiceNamesWhichOfTheTwoItIs() {
        // 2026-11-01: New York's 01:00 to 02:00 is 05:00 to 06:00 UTC (EDT), then 06:00 to 07:00 UTC (EST).
        assertThat(gridLabels("America/New_York", "2026-11-01T04:40:00Z", "2026-11-01T07:20:00Z",
                ZonedTimeTicks.Step.MINUTES_30, 60))
                .containsExactly("05:00Z=01:00 EDT", "05:30Z=01:30 EDT", "06:00Z=01:00 EST", "06:30Z=01:30 EST",
                        "07:00Z=02:00");
        assertThat(gridLabels("America/New_York", "2026-11-01T05:58:40Z", "2026-11-01T06:01:10Z",
                ZonedTimeTicks.Step.SECONDS_30, 1))
                .containsExactly("05:59Z=01:59:00 EDT", "05:59Z=01:59:30 EDT", "06:00Z=01:00:00 EST",
                        "06:00Z=01:00:30 EST", "06:01Z=01:01:00 EST");
        assertThat(gridLabels("America/New_York", "2026-11-01T02:40:00Z", "2026-11-01T04:40:00Z",
                ZonedTimeTicks.Step.MINUTES_30, 60))
                .as("the hours before it are shown once and read as before")
                .containsExactly("03:00Z=23:00", "03:30Z=23:30", "04:00Z=1 Nov", "04:30Z=00:30");
    }

    @Test
    void whereMidnightRepeatsItsSecondInstantIsAClockTimeNotTheDaysDateAgain() {
        // 2026-11-01: Havana falls back from 01:00 CDT to 00:00 CST, so midnight is 04:00 and 05:00 UTC.
        assertThat(gridLabels("America/Havana", "2026-11-01T03:30:00Z", "2026-11-01T06:30:00Z",
                ZonedTimeTicks.Step.HOURS_1, 3600))
                .containsExactly("04:00Z=1 Nov", "05:00Z=00:00 CST", "06:00Z=01:00");
    }

    @Test
    void whereMidnightIsSkippedTheDaysFirstTickStillReadsItsDate() {
        // 2026-03-08: Havana springs forward from 00:00 CST to 01:00 CDT, so the day starts at 01:00
        // (05:00 UTC); the axis read "23:00, 01:00, 02:00", the 8th named nowhere.
        assertThat(gridLabels("America/Havana", "2026-03-08T03:30:00Z", "2026-03-08T06:30:00Z",
                ZonedTimeTicks.Step.HOURS_1, 3600))
                .containsExactly("04:00Z=23:00", "05:00Z=8 Mar", "06:00Z=02:00");
        assertThat(gridLabels("America/Havana", "2026-03-08T04:10:00Z", "2026-03-08T05:40:00Z",
                ZonedTimeTicks.Step.MINUTES_30, 60))
                .containsExactly("04:30Z=23:30", "05:00Z=8 Mar", "05:30Z=01:30");
        assertThat(gridLabels("America/Havana", "2026-03-08T04:59:20Z", "2026-03-08T05:00:40Z",
                ZonedTimeTicks.Step.SECONDS_30, 1))
                .containsExactly("04:59Z=23:59:30", "05:00Z=8 Mar", "05:00Z=01:00:30");
    }

    @Test
    void withAStepOfTwoHoursOrMoreARepeatedTimeOnATickStandsOnlyAtItsFirstInstant() {
        // 2024-10-27: Berlin's 02:00 is 00:00 UTC (CEST) and again 01:00 UTC (CET); the axis read
        // "00:00, 02:00, 02:00, 04:00", two ticks an hour apart on a two-hour step.
        assertThat(values("2024-10-26T21:30:00Z", "2024-10-27T03:30:00Z", ZonedTimeTicks.Step.HOURS_2))
                .containsExactly(epoch("2024-10-26T22:00:00Z"), epoch("2024-10-27T00:00:00Z"), epoch("2024-10-27T03:00:00Z"));
        assertThat(labels("2024-10-26T21:30:00Z", "2024-10-27T03:30:00Z", ZonedTimeTicks.Step.HOURS_2))
                .containsExactly("27 Oct", "02:00 CEST", "04:00");
        assertThat(values("2024-10-27T00:30:00Z", "2024-10-27T03:30:00Z", ZonedTimeTicks.Step.HOURS_2))
                .as("the second instant stays out when the first is outside the range: no tick that comes and goes by panning")
                .containsExactly(epoch("2024-10-27T03:00:00Z"));
        // 2024-04-07: Sydney's 02:00 is 15:00 UTC (AEDT) and again 16:00 UTC (AEST), on the grid of hourly bars too.
        assertThat(gridLabels("Australia/Sydney", "2024-04-06T12:30:00Z", "2024-04-06T18:30:00Z", ZonedTimeTicks.Step.HOURS_2))
                .containsExactly("13:00Z=7 Apr", "15:00Z=02:00 AEDT", "18:00Z=04:00");
        assertThat(gridLabels("Australia/Sydney", "2024-04-06T12:30:00Z", "2024-04-06T18:30:00Z", ZonedTimeTicks.Step.HOURS_1))
                .as("hourly ticks keep both, a step apart")
                .containsExactly("13:00Z=7 Apr", "14:00Z=01:00", "15:00Z=02:00 AEDT", "16:00Z=02:00 AEST", "17:00Z=03:00",
                        "18:00Z=04:00");
    }

    @Test
    void dailyTicksFallOnLocalMidnightAcrossTheChange() {
        List<Double> values = values("2024-03-29T12:00:00Z", "2024-04-02T12:00:00Z", ZonedTimeTicks.Step.DAYS_1);
        assertThat(values).containsExactly(epoch("2024-03-29T23:00:00Z"), epoch("2024-03-30T23:00:00Z"),
                epoch("2024-03-31T22:00:00Z"), epoch("2024-04-01T22:00:00Z"));
        assertThat(labels("2024-03-29T12:00:00Z", "2024-04-02T12:00:00Z", ZonedTimeTicks.Step.DAYS_1))
                .containsExactly("30 Mar", "31 Mar", "1 Apr", "2 Apr");
    }

    @Test
    void halfHourZonesGetTicksOnTheirOwnWholeHours() {
        ZonedTimeTicks india = new ZonedTimeTicks(ZoneId.of("Asia/Kolkata"), Locale.ENGLISH);
        List<String> labels = new ArrayList<>();
        india.ticks(epoch("2024-03-31T00:00:00Z"), epoch("2024-03-31T03:00:00Z"), ZonedTimeTicks.Step.HOURS_1,
                value -> labels.add(india.label(value, ZonedTimeTicks.Step.HOURS_1)));
        assertThat(labels).containsExactly("06:00", "07:00", "08:00");
    }

    @Test
    void onAGridOfHourlyBarsHalfAndQuarterHourZonesGetTicksOnTheBarOpens() {
        // Hourly bars open on UTC's hours: 09:30, 10:30 in Kolkata, 09:45, 10:45 in Kathmandu.
        assertThat(gridLabels("Asia/Kolkata", "2024-03-31T03:40:00Z", "2024-03-31T07:20:00Z", ZonedTimeTicks.Step.HOURS_1))
                .containsExactly("04:00Z=09:30", "05:00Z=10:30", "06:00Z=11:30", "07:00Z=12:30");
        assertThat(gridLabels("Asia/Kathmandu", "2024-03-31T03:40:00Z", "2024-03-31T07:20:00Z", ZonedTimeTicks.Step.HOURS_2))
                .as("every other bar, counted from the day's first, 00:45").containsExactly("05:00Z=10:45", "07:00Z=12:45");
        assertThat(gridLabels("Asia/Kolkata", "2024-03-30T12:00:00Z", "2024-03-31T02:00:00Z", ZonedTimeTicks.Step.HOURS_6))
                .as("the day's first bar named by its date").containsExactly("13:00Z=18:30", "19:00Z=31 Mar", "01:00Z=06:30");
        assertThat(gridLabels("America/New_York", "2024-11-03T03:30:00Z", "2024-11-03T07:30:00Z", ZonedTimeTicks.Step.HOURS_1))
                .as("on whole hours, the grid changes nothing")
                .containsExactly("04:00Z=3 Nov", "05:00Z=01:00 EDT", "06:00Z=01:00 EST", "07:00Z=02:00");
    }

    @Test
    void onAGridOfHourlyBarsLordHowesHalfHourChangeMovesTheLabelsNotTheTicks() {
        // 2024-10-06 02:00 at +10:30 (15:30 UTC) became 02:30 at +11:00: the bars' local opens go
        // from :30 to :00, and every bar keeps its tick.
        assertThat(gridLabels("Australia/Lord_Howe", "2024-10-05T13:10:00Z", "2024-10-05T17:10:00Z", ZonedTimeTicks.Step.HOURS_1))
                .containsExactly("14:00Z=6 Oct", "15:00Z=01:30", "16:00Z=03:00", "17:00Z=04:00");
    }

    @Test
    void aStepFinerThanTheBarsGrowsToAWholeNumberOfBars() {
        assertThat(ZonedTimeTicks.Step.SECONDS_30.atLeastBarsOf(60)).isEqualTo(ZonedTimeTicks.Step.MINUTES_1);
        assertThat(ZonedTimeTicks.Step.MINUTES_10.atLeastBarsOf(900)).isEqualTo(ZonedTimeTicks.Step.MINUTES_15);
        assertThat(ZonedTimeTicks.Step.MINUTES_30.atLeastBarsOf(3600)).isEqualTo(ZonedTimeTicks.Step.HOURS_1);
        assertThat(ZonedTimeTicks.Step.MINUTES_10.atLeastBarsOf(300)).isEqualTo(ZonedTimeTicks.Step.MINUTES_10);
        assertThat(ZonedTimeTicks.Step.HOURS_2.atLeastBarsOf(3600)).isEqualTo(ZonedTimeTicks.Step.HOURS_2);
        assertThat(ZonedTimeTicks.Step.DAYS_1.atLeastBarsOf(3600)).isEqualTo(ZonedTimeTicks.Step.DAYS_1);
    }

    @Test
    void monthAndYearTicksStartTheirPeriod() {
        assertThat(labels("2023-11-15T00:00:00Z", "2024-04-15T00:00:00Z", ZonedTimeTicks.Step.MONTHS_1))
                .containsExactly("Dec", "2024", "Feb", "Mar", "Apr");
        assertThat(labels("2019-06-01T00:00:00Z", "2024-06-01T00:00:00Z", ZonedTimeTicks.Step.YEARS_2))
                .containsExactly("2020", "2022", "2024");
    }

    @Test
    void theStepKeepsLabelsApart() {
        assertThat(ZonedTimeTicks.step(200 * 60, 1300, 90, 90)).isEqualTo(ZonedTimeTicks.Step.MINUTES_15);
        assertThat(ZonedTimeTicks.step(100_000 * 60.0, 1300, 90, 90)).isEqualTo(ZonedTimeTicks.Step.WEEKS_1);
        assertThat(ZonedTimeTicks.step(1e6 * 60, 1300, 90, 90)).isEqualTo(ZonedTimeTicks.Step.MONTHS_3);
    }

    private List<String> labels(String from, String to, ZonedTimeTicks.Step step) {
        List<String> labels = new ArrayList<>();
        ticks.ticks(epoch(from), epoch(to), step, value -> labels.add(ticks.label(value, step)));
        return labels;
    }

    /** Each tick on the grid of hourly bars as "its UTC time=its label". */
    private static List<String> gridLabels(String zone, String from, String to, ZonedTimeTicks.Step step) {
        return gridLabels(zone, from, to, step, 3600);
    }

    /** Each tick on the grid of bars {@code gridSeconds} wide as "its UTC hour and minute=its label". */
    private static List<String> gridLabels(String zone, String from, String to, ZonedTimeTicks.Step step, long gridSeconds) {
        ZonedTimeTicks zoned = new ZonedTimeTicks(ZoneId.of(zone), Locale.ENGLISH);
        List<String> labels = new ArrayList<>();
        zoned.ticks(epoch(from), epoch(to), step, gridSeconds, value -> labels.add(
                Instant.ofEpochSecond((long) value).toString().substring(11, 16) + "Z=" + zoned.label(value, step)));
        return labels;
    }

    private List<Double> values(String from, String to, ZonedTimeTicks.Step step) {
        List<Double> values = new ArrayList<>();
        ticks.ticks(epoch(from), epoch(to), step, values::add);
        return values;
    }

    private static double epoch(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }
}
