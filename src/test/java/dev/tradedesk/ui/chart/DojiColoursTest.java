package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import io.fair_acc.chartfx.renderer.spi.financial.FinancialDataSetNode;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.financial.OhlcvDataSet;
import java.time.Instant;
import javafx.application.Application;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A candle that closed where it opened (a doji, common on a cheap stock quoted in cents) is drawn in
 * one direction's colours in both panes: its body and its volume bar.
 */
@ExtendWith(ApplicationExtension.class)
class DojiColoursTest {

    private static final long MINUTE = 60_000;
    private static final int BARS = 40;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void aDojisBodyIsInTheRisingColourAsItsVolumeBarIs(FxRobot robot) {
        ChartModel model = new ChartModel(SeriesKey.of("F", Timeframe.ONE_MINUTE), IndicatorParameters.DEFAULTS, 1 << 10);
        model.loadHistory(cheapStockWithDojis());
        robot.interact(() -> {
            model.applyPending();
            model.resetView();
            for (int i = 0; i < 20; i++) {
                model.zoomIn(); // to the narrowest zoom: candles wide enough to sample beside their wicks
            }
        });
        OwnWindow.check(robot, model, 1200, 800, view -> {
            ChartPanes panes = view.panes();
            FinancialDataSetNode candleColours = (FinancialDataSetNode) panes.price.getRenderers().get(0)
                    .getStyleableNode(panes.candles);
            Color risingBody = (Color) candleColours.getCandleLongColor();
            Color fallingBody = (Color) candleColours.getCandleShortColor();
            var volumeRenderer = panes.volume.getRenderers().get(0);
            Color risingVolume = (Color) volumeRenderer.getStyleableNode(panes.upVolume).getMarkerColor();
            Color fallingVolume = (Color) volumeRenderer.getStyleableNode(panes.downVolume).getMarkerColor();
            PixelReader price = panes.price.getCanvas().snapshot(null, null).getPixelReader();
            PixelReader volume = panes.volume.getCanvas().snapshot(null, null).getPixelReader();
            double plotRight = panes.priceTime.getLength();
            int dojis = 0;
            for (int i = 0; i < panes.candles.getDataCount(); i++) {
                double open = panes.candles.get(OhlcvDataSet.DIM_Y_OPEN, i);
                double close = panes.candles.get(OhlcvDataSet.DIM_Y_CLOSE, i);
                double x = panes.priceTime.getDisplayPosition(panes.candles.get(DataSet.DIM_X, i));
                if (open != close || x < 20 || x > plotRight - 20) {
                    continue;
                }
                // Beside the wick, a few pixels into the body's width; the body is a line a pixel high.
                int bodyX = (int) Math.floor(x) + 4;
                int bodyY = (int) Math.round(panes.priceAxis.getDisplayPosition(close));
                Color body = strongest(price, bodyX, bodyY - 1, bodyY + 1);
                assertThat(nearer(body, risingBody, fallingBody)).as("body of doji %d (%s)", i, body).isTrue();
                int barY = (int) Math.round((panes.volumeAxis.getDisplayPosition(0)
                        + panes.volumeAxis.getDisplayPosition(panes.candles.get(OhlcvDataSet.DIM_Y_VOLUME, i))) / 2);
                Color bar = volume.getColor(bodyX, barY);
                assertThat(nearer(bar, risingVolume, fallingVolume)).as("volume bar of doji %d (%s)", i, bar).isTrue();
                dojis++;
            }
            assertThat(dojis).as("dojis sampled").isGreaterThanOrEqualTo(3);
        });
    }

    /** 40 minutes of a stock near 8 dollars, every third bar closing at its open. */
    private static BarColumns cheapStockWithDojis() {
        BarColumns bars = new BarColumns(BARS);
        long start = Instant.parse("2026-12-04T14:00:00Z").toEpochMilli();
        double open = 8.20;
        for (int i = 0; i < BARS; i++) {
            double close = i % 3 == 0 ? open : i % 3 == 1 ? open + 0.03 : open - 0.02;
            bars.add(start + i * MINUTE, open, Math.max(open, close) + 0.01, Math.min(open, close) - 0.01, close,
                    10_000 + 1_000 * i);
            open = close;
        }
        return bars;
    }

    /** The most saturated of the pixels at {@code x} from row {@code from} to {@code to}: the body's, not the background's. */
    private static Color strongest(PixelReader pixels, int x, int from, int to) {
        Color strongest = pixels.getColor(x, from);
        for (int y = from + 1; y <= to; y++) {
            Color pixel = pixels.getColor(x, y);
            if (pixel.getSaturation() > strongest.getSaturation()) {
                strongest = pixel;
            }
        }
        return strongest;
    }

    /** Whether {@code pixel} is nearer {@code colour} than {@code other}, and is not the background. */
    private static boolean nearer(Color pixel, Color colour, Color other) {
        return pixel.getSaturation() > 0.1 && distance(pixel, colour) < distance(pixel, other);
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }
}
