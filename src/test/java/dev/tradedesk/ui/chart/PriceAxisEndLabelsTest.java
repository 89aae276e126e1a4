package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import io.fair_acc.chartfx.axes.spi.TickMark;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The price axis of an exported chart (the snapshot command's and File → Export's 1400x900 image)
 * labels its top and bottom ticks wherever they fall inside the plot, and the volume axis its 0.
 */
@ExtendWith(ApplicationExtension.class)
class PriceAxisEndLabelsTest {

    private static final SeriesKey KEY = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);
    private static final int BARS_IN_VIEW = 300;
    /** Shifts per tick step: each moves the ticks by a twelfth of their spacing, a few pixels. */
    private static final int SHIFTS = 12;

    private final BarColumns history = ChartFixtures.minuteBars(5, 600);

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void theTicksAtEitherEndOfAnExportedPriceAxisAreLabelledWhereverTheyFall(FxRobot robot) throws Exception {
        // The same bars shifted up by steps of a twelfth of the axis' tick step move its ticks along
        // the axis through a whole step, so some shift puts a tick within half a label of the top
        // and of the bottom: there ChartFX dropped the label of a tick inside the plot. A label under
        // the last-price tag is hidden on purpose (AxisLabelsTest).
        double step = exported(robot, 0).panes().priceAxis.getTickUnit();
        List<String> unlabelled = new ArrayList<>();
        for (int shift = 0; shift < SHIFTS; shift++) {
            double offset = shift * step / SHIFTS;
            ChartView view = exported(robot, offset);
            ViewRangedAxis axis = view.panes().priceAxis;
            robot.interact(() -> {
                Bounds tag = view.overlay().lastPriceTagBounds();
                double plotTop = view.priceGeometry().plot().getMinY();
                TickMark top = null;
                TickMark bottom = null;
                for (TickMark tick : axis.getTickMarks()) {
                    top = top == null || tick.getValue() > top.getValue() ? tick : top;
                    bottom = bottom == null || tick.getValue() < bottom.getValue() ? tick : bottom;
                }
                assertThat(top).as("ticks on the price axis").isNotNull();
                for (TickMark end : List.of(top, bottom)) {
                    boolean underTag = end.getPosition() + end.getHeight() / 2 > tag.getMinY() - plotTop
                            && end.getPosition() - end.getHeight() / 2 < tag.getMaxY() - plotTop;
                    if (!underTag && (!end.isVisible() || end.getText().isEmpty())) {
                        unlabelled.add(String.format(Locale.ROOT, "%s at %.1f px of %.0f (prices +%.3f)",
                                end.getText(), end.getPosition(), axis.getLength(), offset));
                    }
                }
            });
        }
        assertThat(unlabelled).as("end ticks drawn without their label").isEmpty();
    }

    @Test
    void theVolumeAxisLabelsItsZeroTheBaseOfTheBars(FxRobot robot) throws Exception {
        // The bars stand on 0, at the very bottom of the volume axis, where ChartFX drops a label
        // reaching past the axis: an exported volume pane had no labelled bottom tick to read
        // the bars' heights from.
        ChartView view = exported(robot, 0);
        ViewRangedAxis axis = view.panes().volumeAxis;
        robot.interact(() -> {
            TickMark zero = axis.getTickMarks().stream().filter(tick -> tick.getValue() == 0).findFirst().orElse(null);
            assertThat(zero).as("a tick at 0 on the volume axis").isNotNull();
            assertThat(zero.getText()).isEqualTo("0");
            assertThat(zero.isVisible()).as("0 labelled, at %.1f px of %.0f", zero.getPosition(), axis.getLength()).isTrue();
            assertThat(zero.getPosition() + zero.getHeight() / 2).as("the label's bottom").isLessThanOrEqualTo(axis.getLength());
        });
    }

    /**
     * Exports the chart of {@link #history}'s latest {@value #BARS_IN_VIEW} bars, every price
     * raised by {@code offset}, at 1400x900 under its caption as the snapshot command does, and
     * returns its view as laid out for the image.
     */
    private ChartView exported(FxRobot robot, double offset) throws Exception {
        BarColumns shifted = new BarColumns(history.size());
        for (int i = 0; i < history.size(); i++) {
            shifted.add(history.time(i), history.open(i) + offset, history.high(i) + offset, history.low(i) + offset,
                    history.close(i) + offset, history.volume(i));
        }
        ChartModel model = new ChartModel(KEY, IndicatorParameters.DEFAULTS, 1 << 12);
        model.loadHistory(shifted);
        AtomicReference<ChartView> view = new AtomicReference<>();
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        robot.interact(() -> {
            model.applyPending();
            long last = shifted.time(shifted.size() - 1);
            model.setRange(new ChartRange(shifted.time(shifted.size() - BARS_IN_VIEW), last + 60_000, false));
            view.set(new ChartView(model, ZoneId.of("UTC"), Locale.ENGLISH));
            ChartImageExporter.render(ChartImageExporter.captioned(view.get().node(), "AAPL · 1Min"), 1400, 900)
                    .whenComplete((rendered, failure) -> {
                        if (failure != null) {
                            image.completeExceptionally(failure);
                        } else {
                            image.complete(rendered);
                        }
                    });
        });
        image.get(30, TimeUnit.SECONDS);
        return view.get();
    }
}
