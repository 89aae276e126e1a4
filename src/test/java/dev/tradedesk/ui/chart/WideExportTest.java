package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The widest image a chart is rendered to is drawn to its right edge: wider, Prism left all but the
 * first 4,096 pixels blank, and the snapshot command said it had written the image.
 */
@ExtendWith(ApplicationExtension.class)
class WideExportTest {

    private static final SeriesKey KEY = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void anImageOfTheWidestSizeHasThePriceAxisAtItsRightEdgeAndAWiderOneIsRefused(FxRobot robot) throws Exception {
        BarColumns history = ChartFixtures.minuteBars(5, 600);
        ChartModel model = new ChartModel(KEY, IndicatorParameters.DEFAULTS, 1 << 12);
        model.loadHistory(history);
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        robot.interact(() -> {
            model.applyPending();
            ChartView view = new ChartView(model, ZoneId.of("UTC"), Locale.ENGLISH);
            ChartImageExporter.render(ChartImageExporter.captioned(view.node(), "AAPL · 1Min"), ChartImageExporter.MAX_WIDTH, 400)
                    .whenComplete((rendered, failure) -> {
                        if (failure != null) {
                            image.completeExceptionally(failure);
                        } else {
                            image.complete(rendered);
                        }
                    });
        });
        WritableImage rendered = image.get(30, TimeUnit.SECONDS);

        assertThat((int) rendered.getWidth()).isEqualTo(ChartImageExporter.MAX_WIDTH);
        assertThat(darkPixels(rendered, ChartImageExporter.MAX_WIDTH - 80, ChartImageExporter.MAX_WIDTH))
                .as("the price axis' labels in the last 80 pixels").isGreaterThan(20);
        assertThatThrownBy(() -> ChartImageExporter.render(new Pane(), ChartImageExporter.MAX_WIDTH + 1, 400)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + ChartImageExporter.MAX_WIDTH);
    }

    /** Pixels darker than mid-grey in the columns from {@code fromX} to {@code toX} (exclusive): text and lines. */
    private static int darkPixels(WritableImage image, int fromX, int toX) {
        PixelReader pixels = image.getPixelReader();
        int dark = 0;
        for (int x = fromX; x < toX; x++) {
            for (int y = 0; y < (int) image.getHeight(); y++) {
                int argb = pixels.getArgb(x, y);
                int luminance = (((argb >> 16) & 0xff) * 3 + ((argb >> 8) & 0xff) * 6 + (argb & 0xff)) / 10;
                if (luminance < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
