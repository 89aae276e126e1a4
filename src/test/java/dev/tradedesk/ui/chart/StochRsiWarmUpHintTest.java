package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.FxPulses;
import java.time.Instant;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A chart too short for the StochRSI pane's values says so in the pane (a fresh install's three
 * daily bars), and stops saying it once they are drawn.
 */
@ExtendWith(ApplicationExtension.class)
class StochRsiWarmUpHintTest {

    private static final long DAY = Timeframe.ONE_DAY.millis();
    private static final long FIRST = Instant.parse("2026-11-02T05:00:00Z").toEpochMilli();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void threeDailyBarsSayWhatThePaneWaitsForUntilItsFirstValuesAreDrawn(FxRobot robot) {
        ChartModel model = dailyModel(3);
        OwnWindow.steps(robot, model, 1200, 800, view -> {
            robot.interact(() -> {
                Label hint = view.overlay().warmUpHint();
                assertThat(hint.isVisible()).isTrue();
                assertThat(hint.getText()).isEqualTo("StochRSI needs 30 bars, the band 34; 3 so far");
                Bounds plot = stochPlot(view);
                Bounds shown = hint.getBoundsInParent();
                assertThat(plot.contains(shown)).as("inside the StochRSI plot").isTrue();
                assertThat(shown.getCenterX()).as("centred in the empty pane").isCloseTo(plot.getCenterX(), Offset.offset(1.0));
                assertThat(shown.getCenterY()).isCloseTo(plot.getCenterY(), Offset.offset(1.0));
            });

            addDailyBars(model, 3, 30);
            FxPulses.await(3);
            robot.interact(() -> {
                Label hint = view.overlay().warmUpHint();
                var series = model.series().orElseThrow();
                assertThat(series.value(Indicator.STOCH_K, series.size() - 1)).as("%K drawn").isNotNaN();
                assertThat(hint.isVisible()).isTrue();
                assertThat(hint.getText()).isEqualTo("%D needs 32 bars, the band 34; 30 so far");
                Bounds plot = stochPlot(view);
                assertThat(hint.getBoundsInParent().getMinX()).as("moved to the corner, off the lines' middle")
                        .isLessThan(plot.getMinX() + 20);
                assertThat(hint.getBoundsInParent().getMinY()).isLessThan(plot.getMinY() + 20);
            });

            addDailyBars(model, 30, 34);
            FxPulses.await(3);
            robot.interact(() -> assertThat(view.overlay().warmUpHint().isVisible()).as("every part drawn").isFalse());
        });
    }

    @Test
    void theHintIsReadableInTheDarkThemeAsInTheLight(FxRobot robot) {
        for (String theme : new String[] {new PrimerLight().getUserAgentStylesheet(), new PrimerDark().getUserAgentStylesheet()}) {
            robot.interact(() -> Application.setUserAgentStylesheet(theme));
            try {
                OwnWindow.check(robot, dailyModel(3), 1000, 700, view -> {
                    Label hint = view.overlay().warmUpHint();
                    Color text = (Color) hint.getTextFill();
                    Color background = (Color) hint.getBackground().getFills().get(0).getFill();
                    assertThat(contrast(text, background)).as("text against its background in " + theme).isGreaterThan(3);
                });
            } finally {
                robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
            }
        }
    }

    private static ChartModel dailyModel(int bars) {
        ChartModel model = new ChartModel(SeriesKey.of("AAPL", Timeframe.ONE_DAY), IndicatorParameters.DEFAULTS, 1 << 10);
        BarColumns history = new BarColumns(bars);
        for (int i = 0; i < bars; i++) {
            history.add(dailyBar(i));
        }
        model.loadHistory(history);
        return model;
    }

    /** Closed daily bars {@code from} (inclusive) to {@code to}, handed over as a feed would, off the JavaFX thread. */
    private static void addDailyBars(ChartModel model, int from, int to) {
        for (int i = from; i < to; i++) {
            model.pushClosedBar(dailyBar(i));
        }
    }

    /** A zigzag, so that RSI is never flat and StochRSI is defined from its warm-up on. */
    private static Bar dailyBar(int i) {
        double close = 100 + (i % 3 == 0 ? 2 : -1) * (i % 5) + i * 0.3;
        return new Bar(FIRST + i * DAY, close - 0.5, close + 1, close - 1.5, close, 1_000 + i);
    }

    private static Bounds stochPlot(ChartView view) {
        var canvas = view.panes().stoch.getCanvas();
        return view.overlay().sceneToLocal(canvas.localToScene(canvas.getLayoutBounds()));
    }

    /** WCAG's contrast ratio of two colours. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color colour) {
        return 0.2126 * linear(colour.getRed()) + 0.7152 * linear(colour.getGreen()) + 0.0722 * linear(colour.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
