package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.testing.FxPulses;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The StochRSI %K line drawn from per-column envelopes (level of detail on, several bars a pixel
 * or a few pixels a bar) is as continuous on the canvas as a stroked line: where it moves steeply
 * from one pixel column to the next, both columns' ink meets.
 */
@ExtendWith(ApplicationExtension.class)
class StochRsiLinesTest {

    private static final long MINUTE = 60_000;
    /** A pixel at least this much of the line's colour over white counts as drawn. */
    private static final double INKED = 0.3;
    /** Pixel columns left out at each edge of the plot, where the envelope starts and ends. */
    private static final int EDGE = 3;

    private final BarColumns history = ChartFixtures.minuteBars(5, 3_000);
    private ChartModel model;
    private ChartView view;

    @Start
    void start(Stage stage) {
        view = OwnWindow.showOn(stage, history);
        model = view.model();
    }

    @Test
    void atAboutThreeBarsAPixelTheKLineHasNoBreakBetweenPixelColumns(FxRobot robot) {
        robot.interact(() -> {
            model.applyPending();
            model.showAll();
        });
        assertKLineContinuous(robot, "3,000 bars on about 1,130 pixels");
    }

    @Test
    void atAboutOneBarAPixelTheKLineHasNoBreakBetweenPixelColumns(FxRobot robot) {
        robot.interact(() -> {
            model.applyPending();
            long last = history.time(history.size() - 1);
            model.setRange(new ChartRange(last - 900 * MINUTE, last + MINUTE, false));
        });
        assertKLineContinuous(robot, "900 bars on about 1,130 pixels");
    }

    @Test
    void atHalfABarAPixelTheKLineHasNoBreakBetweenPixelColumns(FxRobot robot) {
        robot.interact(() -> {
            model.applyPending();
            long last = history.time(history.size() - 1);
            model.setRange(new ChartRange(last - 600 * MINUTE, last + MINUTE, false));
        });
        assertKLineContinuous(robot, "600 bars on about 1,130 pixels");
    }

    /**
     * Draws %K alone (band and %D hidden) and checks each pair of neighbouring pixel columns: the
     * rows inked in one reach the rows inked in the other, as the segment joining them would.
     */
    private void assertKLineContinuous(FxRobot robot, String zoom) {
        robot.interact(() -> {
            ChartPanes panes = view.panes();
            panes.stoch.getRenderers().get(0).getStyleableNode(panes.band).setVisible(false);
            panes.stoch.getRenderers().get(1).getStyleableNode(panes.stochD).setVisible(false);
        });
        FxPulses.await(6);
        robot.interact(() -> {
            ChartPanes panes = view.panes();
            assertThat(panes.price.getCanvas().getWidth()).as("%s: the plot's width in pixels", zoom).isBetween(1100.0, 1160.0);
            assertThat(view.envelopes().isActive()).as("%s: drawn from column envelopes", zoom).isTrue();
            assertThat(view.envelopes().summarises()).as("%s: extents, not means", zoom).isFalse();
            Color k = (Color) panes.stoch.getRenderers().get(1).getStyleableNode(panes.stochK).getLineColor();
            WritableImage image = panes.stoch.getCanvas().snapshot(null, null);
            List<String> breaks = breaks(image, k);
            assertThat(breaks).as("%s: pixel columns whose %%K ink does not meet the next column's", zoom).isEmpty();
        });
    }

    /**
     * Each place where one column's inked rows and the next's are more than a pixel apart, or where
     * a column without ink lies between inked ones.
     */
    private static List<String> breaks(WritableImage image, Color line) {
        PixelReader pixels = image.getPixelReader();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        List<String> breaks = new ArrayList<>();
        int[] previous = null;
        int previousX = -1;
        for (int x = EDGE; x < width - EDGE; x++) {
            int top = -1;
            int bottom = -1;
            for (int y = 0; y < height; y++) {
                // Over white, the red channel falls with the line's coverage of the pixel.
                double coverage = (1 - pixels.getColor(x, y).getRed()) / (1 - line.getRed());
                if (coverage >= INKED) {
                    top = top < 0 ? y : top;
                    bottom = y;
                }
            }
            if (top < 0) {
                continue; // a break only if the line goes on further right
            }
            if (previous != null && (x > previousX + 1 || top > previous[1] + 1 || bottom < previous[0] - 1)) {
                breaks.add("x " + previousX + " rows " + previous[0] + ".." + previous[1] + " to x " + x + " rows "
                        + top + ".." + bottom);
            }
            previous = new int[] {top, bottom};
            previousX = x;
        }
        return breaks;
    }
}
