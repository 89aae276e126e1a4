package dev.tradedesk.ui.perf;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.PrimerLight;
import dev.tradedesk.testing.FxPulses;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The performance panel's own window at its minimum size, headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class PerformanceLayoutTest {

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void atTheMinimumSizeEveryTitleSwitchNameAndLegendReadsWholeInsideTheWindow(FxRobot robot) {
        PerformanceViewModel model = new PerformanceViewModel(true, on -> { }, true, on -> { });
        AtomicReference<Stage> window = new AtomicReference<>();
        robot.interact(() -> {
            window.set(new PerformanceView(model).window(null));
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
                List<Labeled> texts = new ArrayList<>();
                root.lookupAll(".perf-chart-title").forEach(node -> texts.add((Labeled) node));
                root.lookupAll(".perf-legend-entry").forEach(node -> texts.add((Labeled) node));
                root.lookupAll(".perf-note").forEach(node -> texts.add((Labeled) node));
                root.lookupAll(".toggle-switch").forEach(node -> texts.add((ToggleSwitch) node));
                assertThat(texts).as("6 titles, 13 legend entries, the note, 2 switches").hasSize(22);
                for (Labeled text : texts) {
                    assertThat(drawn(text)).as("drawn whole").isEqualTo(text.getText());
                }
                // Whole, and in the window, and clear of each other: a title taller than its row runs into the plot.
                List<Node> parts = new ArrayList<>();
                root.lookupAll(".perf-chart-title").forEach(parts::add);
                root.lookupAll(".percentile-toggle").forEach(parts::add);
                root.lookupAll(".perf-chart").forEach(parts::add);
                root.lookupAll(".perf-legend").forEach(parts::add);
                root.lookupAll(".perf-note").forEach(parts::add);
                root.lookupAll(".toggle-switch").forEach(parts::add);
                assertThat(parts).as("6 titles, the toggle, 6 plots, 6 legends, the note, 2 switches").hasSize(22);
                for (int i = 0; i < parts.size(); i++) {
                    Bounds bounds = sceneBounds(parts.get(i));
                    assertThat(bounds.getMinX()).as(parts.get(i) + " left edge").isGreaterThanOrEqualTo(-0.5);
                    assertThat(bounds.getMinY()).as(parts.get(i) + " top edge").isGreaterThanOrEqualTo(-0.5);
                    assertThat(bounds.getMaxX()).as(parts.get(i) + " right edge").isLessThanOrEqualTo(width + 0.5);
                    assertThat(bounds.getMaxY()).as(parts.get(i) + " bottom edge").isLessThanOrEqualTo(height + 0.5);
                    for (int j = 0; j < i; j++) {
                        assertThat(overlap(bounds, sceneBounds(parts.get(j)))).as(parts.get(i) + " over " + parts.get(j))
                                .isFalse();
                    }
                }
            });
        } finally {
            robot.interact(() -> window.get().close());
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
