package dev.tradedesk.ui.chart;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;

/**
 * Renders the chart over simulated history to PNGs in light and dark, as in the docs' screenshots:
 * {@code ChartDemo outDir [bars] [all|default] [crosshair]}. Run it headless with the test
 * classpath and the Monocle flags (see docs/PERFORMANCE.md, "Chart rendering").
 */
public final class ChartDemo {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/chart-demo");
        int bars = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        boolean all = args.length > 2 && args[2].equals("all");
        boolean crosshair = args.length > 3 && args[3].equals("crosshair");
        Platform.startup(() -> { });
        Platform.setImplicitExit(false); // the exporter's stage is the only window: closing it must not end JavaFX
        BarColumns history = ChartFixtures.minuteBars(7, bars);
        for (String theme : new String[] {"light", "dark"}) {
            ChartModel model = new ChartModel(SeriesKey.of("AAPL", Timeframe.ONE_MINUTE), IndicatorParameters.DEFAULTS,
                    Math.max(bars, 1 << 12));
            model.loadHistory(history);
            CompletableFuture<ChartView> view = new CompletableFuture<>();
            Platform.runLater(() -> {
                Application.setUserAgentStylesheet(theme.equals("light") ? new PrimerLight().getUserAgentStylesheet()
                        : new PrimerDark().getUserAgentStylesheet());
                model.applyPending();
                if (all) {
                    model.showAll();
                }
                ChartView chart = new ChartView(model, ZoneId.of("Europe/Berlin"), Locale.ENGLISH);
                if (crosshair) {
                    chart.cursorAt(1400 * 0.62, 900 * 0.3);
                }
                view.complete(chart);
            });
            Path file = out.resolve("chart-" + theme + ".png");
            ChartImageExporter.writePng(view.get().node(), 1400, 900, file);
            System.out.println("wrote " + file + "\n" + view.get().readoutText());
        }
        Platform.exit();
    }
}
