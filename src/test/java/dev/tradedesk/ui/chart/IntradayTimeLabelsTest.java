package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.FxPulses;
import io.fair_acc.chartfx.axes.spi.TickMark;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A chart of intraday bars: every labelled tick stands on a bar's open and reads its time as the
 * crosshair's tag names that bar (or, the day's first, its date; the first of a range within a day,
 * both), in zones whose hours are not UTC's, zoomed in as far as the chart goes, and across the
 * clocks' changes.
 */
@ExtendWith(ApplicationExtension.class)
class IntradayTimeLabelsTest {

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void inKolkataEachLabelOfHourlyBarsStandsOnTheBarItNames(FxRobot robot) {
        // Hourly bars open on UTC's hours, at 09:30, 10:30 in Kolkata: the labels stood at 10:00, 11:00.
        assertTicksOnBars(robot, Timeframe.ONE_HOUR, ZoneId.of("Asia/Kolkata"), 20, 1200);
    }

    @Test
    void inKathmanduEachLabelOfHourlyBarsStandsOnTheBarItNames(FxRobot robot) {
        assertTicksOnBars(robot, Timeframe.ONE_HOUR, ZoneId.of("Asia/Kathmandu"), 40, 1200);
    }

    @Test
    void zoomedInAsFarAsItGoesTheAxisOfHourlyBarsNamesNoHalfHourBetweenThem(FxRobot robot) {
        assertTicksOnBars(robot, Timeframe.ONE_HOUR, ZoneId.of("America/New_York"), Viewport.MIN_VISIBLE_BARS, 1900);
    }

    @Test
    void zoomedInAsFarAsItGoesTheAxisOfFifteenMinuteBarsNamesNoTenMinutesBetweenThem(FxRobot robot) {
        assertTicksOnBars(robot, Timeframe.FIFTEEN_MINUTES, ZoneId.of("Europe/London"), Viewport.MIN_VISIBLE_BARS, 1900);
    }

    @Test
    void zoomedInAsFarAsItGoesTheAxisOfMinuteBarsNamesNoSecondsBetweenThem(FxRobot robot) {
        assertTicksOnBars(robot, Timeframe.ONE_MINUTE, ZoneId.of("Australia/Sydney"), Viewport.MIN_VISIBLE_BARS, 1900);
    }

    @Test
    void inNewYorksFallBackTheTwoHoursThatReadOneOClockEachNameWhichTheyAre(FxRobot robot) {
        // 2026-11-01: 01:00 EDT is 05:00 UTC, 01:00 EST 06:00 UTC; the axis read "1 Nov, 01:00, 01:00, 02:00".
        List<String> labels = hourlyLabels(robot, ZoneId.of("America/New_York"), "2026-11-01T16:00:00Z");
        assertThat(labels).containsSequence("04:00Z=1 Nov", "05:00Z=01:00 EDT", "06:00Z=01:00 EST", "07:00Z=02:00");
        assertThat(labels).as("every other label as short as before").filteredOn(label -> !label.startsWith("05:00Z")
                && !label.startsWith("06:00Z")).allMatch(label -> label.matches("\\d\\d:00Z=(\\d\\d:00|1 Nov)"));
    }

    @Test
    void inNewYorksSpringForwardTheHourAfterOneOClockReadsThreeAndNothingElseChanges(FxRobot robot) {
        // 2026-03-08: at 07:00 UTC New York's clocks go from 02:00 EST to 03:00 EDT.
        List<String> labels = hourlyLabels(robot, ZoneId.of("America/New_York"), "2026-03-08T16:00:00Z");
        assertThat(labels).containsSequence("05:00Z=8 Mar", "06:00Z=01:00", "07:00Z=03:00", "08:00Z=04:00");
        assertThat(labels).allMatch(label -> label.matches("\\d\\d:00Z=(\\d\\d:00|8 Mar)"));
    }

    @Test
    void atTheFinestStepTheLongestLabelsOfMinutesTheClocksShowTwiceStayApart(FxRobot robot) {
        // Ticks stand at least MIN_LABEL_SPACING apart, a rule older than the zone names on labels.
        assertThat(labelsPackedAcross(robot, Timeframe.ONE_MINUTE, "Pacific/Chatham", "2026-04-04T14:00:00Z"))
                .containsSequence("03:44 CHADT", "02:45 CHAST");
        assertThat(labelsPackedAcross(robot, Timeframe.ONE_MINUTE, "America/New_York", "2026-11-01T06:00:00Z"))
                .containsSequence("01:59 EDT", "01:00 EST");
        // Eucla's ACWDT, of every zone's since 1990, makes the widest label.
        assertThat(labelsPackedAcross(robot, Timeframe.ONE_MINUTE, "Australia/Eucla", "2009-03-28T17:15:00Z"))
                .containsSequence("02:59 ACWDT", "02:00 ACWST");
        // Almaty's two halves are both ALMT: the offsets tell them apart.
        assertThat(labelsPackedAcross(robot, Timeframe.ONE_MINUTE, "Asia/Almaty", "2024-02-29T18:00:00Z"))
                .containsSequence("23:59 +06:00", "23:00 +05:00");
    }

    @Test
    void atAFiveMinuteStepTheLabelsOfTimesTheClocksShowTwiceStayApart(FxRobot robot) {
        assertThat(labelsPackedAcross(robot, Timeframe.FIVE_MINUTES, "Pacific/Chatham", "2026-04-04T14:00:00Z"))
                .containsSequence("03:40 CHADT", "02:45 CHAST");
        assertThat(labelsPackedAcross(robot, Timeframe.FIVE_MINUTES, "Asia/Almaty", "2024-02-29T18:00:00Z"))
                .containsSequence("23:55 +06:00", "23:00 +05:00");
    }

    @Test
    void anIntradayRangeWithinOneDayNamesItsDayAtItsFirstLabel(FxRobot robot) {
        // Panned back to yesterday's afternoon: the axis read "16:30 ... 19:30", with no date anywhere.
        List<String> within = minuteLabels(robot, "2026-12-06T16:00:00Z", "2026-12-06T19:00:00Z");
        assertThat(within.get(0)).matches("6 Dec \\d\\d:\\d\\d");
        assertThat(within.subList(1, within.size())).allMatch(label -> label.matches("\\d\\d:\\d\\d"));

        List<String> acrossMidnight = minuteLabels(robot, "2026-12-06T22:00:00Z", "2026-12-07T01:00:00Z");
        assertThat(acrossMidnight).as("midnight's label names the day").contains("7 Dec")
                .allMatch(label -> label.matches("\\d\\d:\\d\\d|7 Dec"));
    }

    /** The labels drawn on a chart of minute bars showing {@code from} to {@code to}, in UTC, 1900 wide. */
    private static List<String> minuteLabels(FxRobot robot, String from, String to) {
        long minute = Timeframe.ONE_MINUTE.millis();
        long first = Instant.parse(from).toEpochMilli();
        long last = Instant.parse(to).toEpochMilli();
        BarColumns bars = new BarColumns(0);
        for (long time = first - 120 * minute; time <= last + 120 * minute; time += minute) {
            bars.add(time, 100, 103, 98, 101, 1_000);
        }
        ChartModel model = new ChartModel(SeriesKey.of("BTCUSD", Timeframe.ONE_MINUTE), IndicatorParameters.DEFAULTS, 1 << 12);
        model.loadHistory(bars);
        robot.interact(() -> {
            model.applyPending();
            model.setRange(new ChartRange(first, last, false));
        });
        List<String> labels = new ArrayList<>();
        OwnWindow.check(robot, model, ZoneId.of("UTC"), 1900, 800, view -> {
            TickMark previous = null;
            for (TickMark tick : view.panes().stochTime.getTickMarks()) {
                if (tick.isVisible()) {
                    labels.add(tick.getText());
                    assertApart(previous, tick);
                    previous = tick;
                }
            }
        });
        return labels;
    }

    /**
     * Shows {@code timeframe}'s bars around the instant {@code fallBack} at which {@code zone}'s clocks
     * fall back, zoomed so that ticks one bar apart stand as close as {@link ZonedTimeAxis#MIN_LABEL_SPACING}
     * lets them, and gives the labels drawn, checking that no two of them overlap.
     */
    private static List<String> labelsPackedAcross(FxRobot robot, Timeframe timeframe, String zone, String fallBack) {
        long bar = timeframe.millis();
        long at = Instant.parse(fallBack).toEpochMilli();
        BarColumns bars = new BarColumns(401);
        for (long time = at - 200 * bar; time <= at + 200 * bar; time += bar) {
            bars.add(time, 100, 103, 98, 101, 1_000);
        }
        ChartModel model = new ChartModel(SeriesKey.of("BTCUSD", timeframe), IndicatorParameters.DEFAULTS, 1 << 12);
        model.loadHistory(bars);
        robot.interact(() -> {
            model.applyPending();
            model.setRange(new ChartRange(at - 20 * bar, at + 20 * bar, false));
        });
        List<String> labels = new ArrayList<>();
        OwnWindow.steps(robot, model, ZoneId.of(zone), 1200, 800, view -> {
            ZonedTimeAxis axis = view.panes().stochTime;
            robot.interact(() -> {
                long span = Math.round(bar * axis.getLength() / (ZonedTimeAxis.MIN_LABEL_SPACING + 0.5));
                model.setRange(new ChartRange(at - span / 2, at + span / 2, false));
            });
            FxPulses.await(4);
            robot.interact(() -> {
                TickMark previous = null;
                for (TickMark tick : axis.getTickMarks()) {
                    if (tick.isVisible()) {
                        labels.add(tick.getText());
                        assertApart(previous, tick);
                        previous = tick;
                    }
                }
            });
        });
        return labels;
    }

    private static void assertApart(TickMark previous, TickMark tick) {
        if (previous != null) {
            assertThat(tick.getPosition() - previous.getPosition()).as("room between %s and %s", previous.getText(),
                    tick.getText()).isGreaterThan((tick.getWidth() + previous.getWidth()) / 2);
        }
    }

    /**
     * Shows three days of hourly bars up to the one opening at {@code lastOpen}, the last 16 in view
     * (an hour's step on a chart 1900 wide), with times in {@code zone}, and gives each label drawn
     * as "its UTC hour=its text", checking that no two of them overlap.
     */
    private static List<String> hourlyLabels(FxRobot robot, ZoneId zone, String lastOpen) {
        long hour = Timeframe.ONE_HOUR.millis();
        long last = Instant.parse(lastOpen).toEpochMilli();
        BarColumns bars = new BarColumns(72);
        for (long time = last - 71 * hour; time <= last; time += hour) {
            bars.add(time, 100, 103, 98, 101, 1_000);
        }
        ChartModel model = new ChartModel(SeriesKey.of("BTCUSD", Timeframe.ONE_HOUR), IndicatorParameters.DEFAULTS, 1 << 12);
        model.loadHistory(bars);
        robot.interact(() -> {
            model.applyPending();
            model.setRange(new ChartRange(last + hour - 16 * hour, last + hour, false));
        });
        List<String> labels = new ArrayList<>();
        OwnWindow.check(robot, model, zone, 1900, 800, view -> {
            TickMark previous = null;
            for (TickMark tick : view.panes().stochTime.getTickMarks()) {
                if (!tick.isVisible()) {
                    continue;
                }
                labels.add(Instant.ofEpochSecond((long) tick.getValue()).toString().substring(11, 16) + "Z=" + tick.getText());
                assertApart(previous, tick);
                previous = tick;
            }
        });
        return labels;
    }

    /**
     * Shows three days of {@code timeframe}'s bars from 2024-03-08 (round the clock, as crypto
     * trades), the last {@code barsShown} of them on a chart {@code width} wide with times in
     * {@code zone}, and checks that every labelled tick up to the last bar is a bar's open,
     * labelled with its local time or, the day's first, its date.
     */
    private static void assertTicksOnBars(FxRobot robot, Timeframe timeframe, ZoneId zone, int barsShown, int width) {
        long bar = timeframe.millis();
        long start = Instant.parse("2024-03-08T00:00:00Z").toEpochMilli();
        int count = (int) Math.min(3_000, 3 * 86_400_000L / bar);
        BarColumns bars = new BarColumns(count);
        for (int i = 0; i < count; i++) {
            bars.add(start + i * bar, 100, 103, 98, 101, 1_000);
        }
        ChartModel model = new ChartModel(SeriesKey.of("BTCUSD", timeframe), IndicatorParameters.DEFAULTS, 1 << 12);
        model.loadHistory(bars);
        robot.interact(() -> {
            model.applyPending();
            long end = bars.time(bars.size() - 1) + bar;
            model.setRange(new ChartRange(end - barsShown * bar, end, false));
        });
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(zone);
        DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(zone);
        OwnWindow.check(robot, model, zone, width, 800, view -> {
            ChartPanes panes = view.panes();
            Set<Double> barTimes = OwnWindow.candleOpens(panes);
            List<String> labels = new ArrayList<>();
            double lastOpen = bars.time(bars.size() - 1) / 1000.0;
            for (TickMark tick : panes.stochTime.getTickMarks()) {
                Instant at = Instant.ofEpochSecond((long) tick.getValue());
                labels.add(tick.getText());
                if (tick.getValue() > lastOpen) {
                    continue; // at the right edge, where the next bar will open
                }
                assertThat(barTimes).as("a bar under the tick %s (%s) in %s", tick.getText(), at, zone)
                        .contains(tick.getValue());
                // Its time, or its date at the day's first; the first label of a range within one day has both.
                assertThat(tick.getText()).as("the label of the bar opening at %s", at)
                        .isIn(clock.format(at), date.format(at), date.format(at) + " " + clock.format(at));
            }
            assertThat(labels).as("labels of %s", timeframe).hasSizeGreaterThanOrEqualTo(3);
        });
    }
}
