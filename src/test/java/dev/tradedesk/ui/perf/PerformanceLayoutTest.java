package dev.tradedesk.ui.perf;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.testing.FxPulses;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The performance panel's own window at its minimum size and its first, headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class PerformanceLayoutTest {

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void atTheMinimumSizeTheChartsStandInOneScrollingColumnOfReadablePlotsEachReadWholeAndClear(FxRobot robot) {
        PerformanceViewModel model = new PerformanceViewModel(true, on -> { }, true, on -> { });
        AtomicReference<PerformanceView> view = new AtomicReference<>();
        AtomicReference<Stage> window = new AtomicReference<>();
        robot.interact(() -> {
            view.set(new PerformanceView(model));
            window.set(view.get().window(null));
            window.get().setWidth(window.get().getMinWidth());
            window.get().setHeight(window.get().getMinHeight());
            window.get().show();
            for (int second = 0; second < 60; second++) {
                model.accept(PerformanceSamples.at(second, true));
            }
        });
        try {
            FxPulses.await(3);
            robot.interact(() -> {
                Parent root = window.get().getScene().getRoot();
                double width = window.get().getScene().getWidth();
                double height = window.get().getScene().getHeight();
                assertThat(width).as("scene width").isLessThanOrEqualTo(720);
                // Two columns left each plot 170 x 60 px here: room for three value labels, and
                // most switch labels left out.
                assertThat(view.get().chartColumns()).as("chart columns").isEqualTo(1);
                assertReadablePlots(view.get());
                List<Labeled> texts = new ArrayList<>();
                root.lookupAll(".perf-chart-title").forEach(node -> texts.add((Labeled) node));
                root.lookupAll(".perf-legend-entry").forEach(node -> texts.add((Labeled) node));
                root.lookupAll(".perf-note").forEach(node -> texts.add((Labeled) node));
                root.lookupAll(".toggle-switch").forEach(node -> texts.add((ToggleSwitch) node));
                assertThat(texts).as("6 titles, 13 legend entries, the note, 2 switches").hasSize(22);
                for (Labeled text : texts) {
                    assertThat(drawn(text)).as("drawn whole").isEqualTo(text.getText());
                }
                // Whole and clear of each other: a title taller than its row runs into the plot. The
                // switches and the note inside the window; the charts across the scrolling pane's
                // view (not under its scroll bar), and down its content.
                List<Node> parts = new ArrayList<>();
                root.lookupAll(".perf-note").forEach(parts::add);
                root.lookupAll(".toggle-switch").forEach(parts::add);
                int switchBar = parts.size();
                root.lookupAll(".perf-chart-title").forEach(parts::add);
                root.lookupAll(".percentile-toggle").forEach(parts::add);
                root.lookupAll(".perf-chart").forEach(parts::add);
                root.lookupAll(".perf-legend").forEach(parts::add);
                assertThat(parts).as("the note, 2 switches, 6 titles, the toggle, 6 plots, 6 legends").hasSize(22);
                ScrollPane scroll = (ScrollPane) root.lookup(".perf-chart-scroll");
                Bounds viewport = scroll.localToScene(scroll.getViewportBounds());
                Bounds content = sceneBounds(scroll.getContent());
                assertThat(content.getHeight()).as("the charts' height").isGreaterThan(viewport.getHeight());
                for (int i = 0; i < parts.size(); i++) {
                    Bounds bounds = sceneBounds(parts.get(i));
                    Bounds within = i < switchBar ? new BoundingBox(0, 0, width, height)
                            : new BoundingBox(viewport.getMinX(), content.getMinY(), viewport.getWidth(), content.getHeight());
                    assertThat(bounds.getMinX()).as(parts.get(i) + " left edge").isGreaterThanOrEqualTo(within.getMinX() - 0.5);
                    assertThat(bounds.getMinY()).as(parts.get(i) + " top edge").isGreaterThanOrEqualTo(within.getMinY() - 0.5);
                    assertThat(bounds.getMaxX()).as(parts.get(i) + " right edge").isLessThanOrEqualTo(within.getMaxX() + 0.5);
                    assertThat(bounds.getMaxY()).as(parts.get(i) + " bottom edge").isLessThanOrEqualTo(within.getMaxY() + 0.5);
                    for (int j = 0; j < i; j++) {
                        assertThat(overlap(bounds, sceneBounds(parts.get(j)))).as(parts.get(i) + " over " + parts.get(j))
                                .isFalse();
                    }
                }
                scroll.setVvalue(scroll.getVmax());
            });
            FxPulses.await(2);
            robot.interact(() -> {
                ScrollPane scroll = (ScrollPane) window.get().getScene().getRoot().lookup(".perf-chart-scroll");
                Bounds viewport = scroll.localToScene(scroll.getViewportBounds());
                Node lastLegend = view.get().charts().get(5).chart().getParent().lookupAll(".perf-legend").stream()
                        .reduce((first, second) -> second).orElseThrow();
                assertThat(sceneBounds(lastLegend).getMaxY()).as("the heap chart's legend, scrolled to the bottom")
                        .isLessThanOrEqualTo(viewport.getMaxY() + 0.5);
            });
        } finally {
            robot.interact(() -> window.get().close());
        }
    }

    @Test
    void inTheFirstSizeTheChartsStandInTwoColumnsOfReadablePlotsWithoutScrolling(FxRobot robot) {
        PerformanceViewModel model = new PerformanceViewModel(true, on -> { }, true, on -> { });
        AtomicReference<PerformanceView> view = new AtomicReference<>();
        AtomicReference<Stage> window = new AtomicReference<>();
        robot.interact(() -> {
            view.set(new PerformanceView(model));
            window.set(view.get().window(null));
            window.get().show();
        });
        try {
            FxPulses.await(3);
            robot.interact(() -> {
                assertThat(view.get().chartColumns()).as("chart columns").isEqualTo(2);
                assertReadablePlots(view.get());
                ScrollPane scroll = (ScrollPane) window.get().getScene().getRoot().lookup(".perf-chart-scroll");
                assertThat(scroll.getContent().getLayoutBounds().getHeight()).as("the charts' height")
                        .isLessThanOrEqualTo(scroll.getViewportBounds().getHeight() + 0.5);
            });
        } finally {
            robot.interact(() -> window.get().close());
        }
    }

    /** Every chart's plot at least 120 px tall, and wide enough for a switch label every half minute. */
    private static void assertReadablePlots(PerformanceView view) {
        for (SmallChart chart : view.charts()) {
            Canvas plot = chart.chart().getCanvas();
            assertThat(plot.getHeight()).as(chart.chart().getId() + " plot height").isGreaterThanOrEqualTo(120);
            assertThat(plot.getWidth()).as(chart.chart().getId() + " plot width").isGreaterThanOrEqualTo(280);
        }
    }

    /** More than a pixel's sliver in common: neighbours laid out edge to edge share their edge. */
    private static boolean overlap(Bounds a, Bounds b) {
        return Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX()) > 1
                && Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY()) > 1;
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    /** What a label or switch actually draws, ellipsis included. */
    private static String drawn(Labeled labeled) {
        return labeled.lookupAll(".text").stream().filter(Text.class::isInstance).map(node -> ((Text) node).getText())
                .findFirst().orElse("");
    }
}
