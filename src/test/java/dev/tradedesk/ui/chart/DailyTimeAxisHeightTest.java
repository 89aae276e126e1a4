package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import io.fair_acc.chartfx.axes.spi.TickMark;
import java.time.LocalDate;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A daily chart's time axis is as high as its date labels, headless on Monocle: its first layout,
 * before the data's range, had no label and left the axis 7 px high, so the dates were drawn cut to
 * their top pixels until the window was resized.
 */
@ExtendWith(ApplicationExtension.class)
class DailyTimeAxisHeightTest {

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void theTimeAxisIsAsHighAsItsDates(FxRobot robot) {
        BarColumns bars = new BarColumns(128);
        for (LocalDate day = LocalDate.of(2026, 9, 3); day.isBefore(LocalDate.of(2026, 12, 6)); day = day.plusDays(1)) {
            bars.add(day.atStartOfDay(BarAggregator.NEW_YORK).toInstant().toEpochMilli(), 100, 103, 98, 101, 1_000);
        }
        ChartModel model = new ChartModel(SeriesKey.of("AAPL", Timeframe.ONE_DAY), IndicatorParameters.DEFAULTS, 1 << 12);
        model.loadHistory(bars);
        robot.interact(model::applyPending);
        OwnWindow.check(robot, model, 1400, 900, view -> {
            ChartPanes panes = view.panes();
            double tallest = panes.stochTime.getTickMarks().stream().filter(tick -> tick.isVisible() && !tick.getText().isEmpty())
                    .mapToDouble(TickMark::getHeight).max().orElse(0);
            assertThat(tallest).as("labelled ticks").isPositive();
            assertThat(panes.stochTime.getHeight()).as("the axis' height").isGreaterThanOrEqualTo(tallest);
        });
    }
}
