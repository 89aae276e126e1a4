package dev.tradedesk.ui.chart;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.FxPulses;
import dev.tradedesk.testing.PrimaryStage;
import io.fair_acc.dataset.DataSet;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/** A chart shown in a window of its own, of a size a test chooses, for checks of what it draws. */
final class OwnWindow {

    private OwnWindow() {
    }

    /**
     * Shows a chart of {@code history} (AAPL's minutes, default indicator parameters, light theme)
     * 1200 × 800 on a test's {@code stage} (the primary stage, at that size whatever an earlier test
     * left it as): the set-up of the tests that keep one chart throughout.
     */
    static ChartView showOn(Stage stage, BarColumns history) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ChartModel model = new ChartModel(SeriesKey.of("AAPL", Timeframe.ONE_MINUTE), IndicatorParameters.DEFAULTS, 1 << 13);
        model.loadHistory(history);
        ChartView view = new ChartView(model, ZoneId.of("Europe/Berlin"), Locale.ENGLISH);
        PrimaryStage.show(stage, new Scene(view.node(), 1200, 800));
        return view;
    }

    /**
     * Shows a chart of {@code model} in a window of its own, {@code width} × {@code height}, runs
     * {@code check} on the JavaFX thread once it has drawn, and closes the window.
     */
    static void check(FxRobot robot, ChartModel model, int width, int height, Consumer<ChartView> check) {
        steps(robot, model, width, height, view -> robot.interact(() -> check.accept(view)));
    }

    /**
     * Shows a chart of {@code model} in a window of its own, {@code width} × {@code height}, runs
     * {@code steps} on the calling thread once it has drawn (each step goes to the JavaFX thread
     * itself), and closes the window.
     */
    static void steps(FxRobot robot, ChartModel model, int width, int height, Consumer<ChartView> steps) {
        steps(robot, model, ZoneId.of("Europe/Berlin"), width, height, steps);
    }

    /**
     * Shows a chart of {@code model}, its times in {@code zone}, in a window of its own, {@code width}
     * × {@code height}, runs {@code check} on the JavaFX thread once it has drawn, and closes the window.
     */
    static void check(FxRobot robot, ChartModel model, ZoneId zone, int width, int height, Consumer<ChartView> check) {
        steps(robot, model, zone, width, height, view -> robot.interact(() -> check.accept(view)));
    }

    /**
     * Shows a chart of {@code model}, its times in {@code zone}, in a window of its own, {@code width}
     * × {@code height}, runs {@code steps} on the calling thread once it has drawn (each step goes to
     * the JavaFX thread itself), and closes the window.
     */
    static void steps(FxRobot robot, ChartModel model, ZoneId zone, int width, int height,
            Consumer<ChartView> steps) {
        AtomicReference<ChartView> view = new AtomicReference<>();
        AtomicReference<Stage> stage = new AtomicReference<>();
        robot.interact(() -> {
            view.set(new ChartView(model, zone, Locale.ENGLISH));
            stage.set(new Stage());
            stage.get().setScene(new Scene(view.get().node(), width, height));
            stage.get().show();
        });
        try {
            FxPulses.await(6);
            steps.accept(view.get());
        } finally {
            robot.interact(() -> stage.get().close());
        }
    }

    /** The open times (epoch seconds) of the candles the chart holds, which ticks meant to stand on bars are checked against. */
    static Set<Double> candleOpens(ChartPanes panes) {
        Set<Double> opens = new HashSet<>();
        for (int i = 0; i < panes.candles.getDataCount(); i++) {
            opens.add(panes.candles.get(DataSet.DIM_X, i));
        }
        return opens;
    }
}
