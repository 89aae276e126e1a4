package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import io.fair_acc.chartfx.axes.spi.TickMark;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
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
 * A chart of daily bars shown in a zone other than New York's: each bar stands on the tick of its
 * trading day, labelled with that day as the crosshair's tag names it.
 */
@ExtendWith(ApplicationExtension.class)
class TradingDayLabelsTest {

    private static final DateTimeFormatter DAY_MONTH =
            DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(BarAggregator.NEW_YORK);

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void inKolkataEachDailyBarStandsOnTheLabelOfItsTradingDay(FxRobot robot) {
        // New York's midnight is 10:30 or 09:30 in Kolkata: the bars stood a third of a day right of
        // Kolkata's midnights, between the labels.
        assertBarsOnTheirDays(robot, ZoneId.of("Asia/Kolkata"));
    }

    @Test
    void inHonoluluEachDailyBarStandsOnTheLabelOfItsTradingDay(FxRobot robot) {
        // New York's midnight is 19:00 or 18:00 the evening before in Honolulu.
        assertBarsOnTheirDays(robot, ZoneId.of("Pacific/Honolulu"));
    }

    @Test
    void zoomedInAsFarAsItGoesOnAWideScreenTheAxisNamesDaysNotHoursOfThem(FxRobot robot) {
        // Ten days on 1,900 px left room for a label every 12 hours: "2 Mar, 12:00, 3 Mar ...", a
        // time of day that no daily bar has.
        assertBarsOnTheirDays(robot, BarAggregator.NEW_YORK, Viewport.MIN_VISIBLE_BARS, 1900);
    }

    @Test
    void inTheSmallestWindowTheDailyAxisStillNamesSeveralOfItsDays(FxRobot robot) {
        // The chart's 400 px in a 900 px window: ten days on about 330 px stepped by a week, and the
        // axis named one Monday, the bars either side of it nameless.
        assertBarsOnTheirDays(robot, BarAggregator.NEW_YORK, Viewport.MIN_VISIBLE_BARS, 400, 3);
    }

    private static void assertBarsOnTheirDays(FxRobot robot, ZoneId zone) {
        assertBarsOnTheirDays(robot, zone, 20, 1200);
    }

    private static void assertBarsOnTheirDays(FxRobot robot, ZoneId zone, int daysShown, int width) {
        assertBarsOnTheirDays(robot, zone, daysShown, width, 5);
    }

    /**
     * Shows the weekdays of March 2026 (New York's clocks change on the 8th) as daily bars, times in
     * {@code zone}, the last {@code daysShown} days of them on a chart {@code width} wide, and checks
     * that every labelled tick is a New York midnight named by its date, that the tick of each
     * trading day is where its bar is drawn, that at least {@code tradingDaysLabelled} are, and
     * that no two labels drawn overlap.
     */
    private static void assertBarsOnTheirDays(FxRobot robot, ZoneId zone, int daysShown, int width,
            int tradingDaysLabelled) {
        BarColumns bars = new BarColumns(32);
        for (LocalDate day = LocalDate.of(2026, 3, 2); day.isBefore(LocalDate.of(2026, 3, 21)); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                long open = day.atStartOfDay(BarAggregator.NEW_YORK).toInstant().toEpochMilli();
                bars.add(open, 100, 103, 98, 101, 1_000);
            }
        }
        ChartModel model = new ChartModel(SeriesKey.of("AAPL", Timeframe.ONE_DAY), IndicatorParameters.DEFAULTS, 1 << 12);
        model.loadHistory(bars);
        long day = Timeframe.ONE_DAY.millis();
        robot.interact(() -> {
            model.applyPending();
            long end = bars.time(bars.size() - 1) + day;
            model.setRange(new ChartRange(end - daysShown * day, end, false));
        });
        OwnWindow.check(robot, model, zone, width, 800, view -> {
            ChartPanes panes = view.panes();
            Set<Double> barTimes = OwnWindow.candleOpens(panes);
            List<String> labels = new ArrayList<>();
            int onBars = 0;
            for (TickMark tick : panes.stochTime.getTickMarks()) {
                Instant at = Instant.ofEpochSecond((long) tick.getValue());
                assertThat(at.atZone(BarAggregator.NEW_YORK).toLocalTime().toSecondOfDay())
                        .as("tick %s at New York's midnight, in %s", tick.getText(), zone).isZero();
                assertThat(tick.getText()).as("the label of the tick at %s", at).isEqualTo(DAY_MONTH.format(at));
                DayOfWeek weekday = at.atZone(BarAggregator.NEW_YORK).getDayOfWeek();
                if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
                    assertThat(barTimes).as("a bar on the tick of %s", tick.getText()).contains(tick.getValue());
                    onBars += tick.isVisible() ? 1 : 0; // drawn: not cut at an end of the axis
                }
                labels.add(tick.getText());
            }
            assertThat(onBars).as("trading days labelled, of %s", labels).isGreaterThanOrEqualTo(tradingDaysLabelled);
            TickMark before = null;
            for (TickMark tick : panes.stochTime.getTickMarks()) {
                if (tick.isVisible()) {
                    if (before != null) {
                        assertThat(tick.getPosition() - before.getPosition()).as("room between %s and %s", before.getText(),
                                tick.getText()).isGreaterThan((before.getWidth() + tick.getWidth()) / 2);
                    }
                    before = tick;
                }
            }
        });
    }
}
