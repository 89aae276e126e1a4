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
    void hourlyTicksShowTheRepeatedHourTwiceInAutumn() {
        // 2024-10-27: at 01:00 UTC Berlin falls back from 03:00 CEST to 02:00 CET.
        List<String> labels = labels("2024-10-26T23:30:00Z", "2024-10-27T03:30:00Z", ZonedTimeTicks.Step.HOURS_1);
        assertThat(labels).containsExactly("02:00", "02:00", "03:00", "04:00");
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
    void monthAndYearTicksStartTheirPeriod() {
        assertThat(labels("2023-11-15T00:00:00Z", "2024-04-15T00:00:00Z", ZonedTimeTicks.Step.MONTHS_1))
                .containsExactly("Dec", "2024", "Feb", "Mar", "Apr");
        assertThat(labels("2019-06-01T00:00:00Z", "2024-06-01T00:00:00Z", ZonedTimeTicks.Step.YEARS_2))
                .containsExactly("2020", "2022", "2024");
    }

    @Test
    void theStepKeepsLabelsApart() {
        assertThat(ZonedTimeTicks.step(200 * 60, 1300, 90)).isEqualTo(ZonedTimeTicks.Step.MINUTES_15);
        assertThat(ZonedTimeTicks.step(100_000 * 60.0, 1300, 90)).isEqualTo(ZonedTimeTicks.Step.WEEKS_1);
        assertThat(ZonedTimeTicks.step(1e6 * 60, 1300, 90)).isEqualTo(ZonedTimeTicks.Step.MONTHS_3);
    }

    private List<String> labels(String from, String to, ZonedTimeTicks.Step step) {
        List<String> labels = new ArrayList<>();
        ticks.ticks(epoch(from), epoch(to), step, value -> labels.add(ticks.label(value, step)));
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
