package dev.tradedesk.ui.perf;

import dev.tradedesk.feed.PipelineStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

/**
 * The panel's compact table of the latest sample: p50 and p99 per charted stage, then frames,
 * tick-to-screen, read cache, GC and heap. The labels are built once; {@link #show} sets their
 * texts. JavaFX thread only.
 */
final class PerformanceTable {

    private static final String VALUE = "perf-table-value";

    private final GridPane grid = new GridPane();
    private final List<Label> stageP50 = new ArrayList<>();
    private final List<Label> stageP99 = new ArrayList<>();
    private final Label framesPerSecond = value("fps");
    private final Label frameTimeP99 = value("frameTimeP99");
    private final Label tickToScreenP99 = value("tickToScreenP99");
    private final Label readCacheHits = value("readCacheHitRate");
    private final Label gc = value("gc");
    private final Label heap = value("heap");

    PerformanceTable() {
        grid.setId("performanceTable");
        grid.getStyleClass().add("perf-table");
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints numbers = new ColumnConstraints();
        numbers.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().addAll(names, numbers, numbers);
        int row = 0;
        grid.addRow(row++, heading("Stage"), heading("p50 ms"), heading("p99 ms"));
        for (PipelineStage stage : PerformanceViewModel.CHARTED_STAGES) {
            Label p50 = value(stage.key() + "P50");
            Label p99 = value(stage.key() + "P99");
            stageP50.add(p50);
            stageP99.add(p99);
            grid.addRow(row++, name(stage.key()), p50, p99);
        }
        row = addLine(row, "Frames per second", framesPerSecond, "perf-table-gap");
        row = addLine(row, "Frame time p99", frameTimeP99, null);
        row = addLine(row, "Tick to screen p99", tickToScreenP99, null);
        row = addLine(row, "Cache hits, last min", readCacheHits, "perf-table-gap");
        row = addLine(row, "GC, last second", gc, null);
        addLine(row, "Heap used / max", heap, null);
        show(null);
    }

    Node node() {
        return grid;
    }

    /** Shows {@code sample}'s figures; dashes for null. */
    void show(PerformanceSample sample) {
        if (sample == null) {
            grid.getChildren().stream().filter(node -> node.getStyleClass().contains(VALUE))
                    .forEach(node -> ((Label) node).setText(PerformanceFormat.UNKNOWN));
            return;
        }
        for (int i = 0; i < PerformanceViewModel.CHARTED_STAGES.size(); i++) {
            PerformanceSample.StageLatency latency = sample.latency(PerformanceViewModel.CHARTED_STAGES.get(i));
            stageP50.get(i).setText(PerformanceFormat.millis(latency.p50Ms()));
            stageP99.get(i).setText(PerformanceFormat.millis(latency.p99Ms()));
        }
        framesPerSecond.setText(PerformanceFormat.perSecond(sample.framesPerSecond()));
        frameTimeP99.setText(withMs(sample.frameTimeP99Ms()));
        tickToScreenP99.setText(withMs(sample.tickToScreenP99Ms()));
        readCacheHits.setText(PerformanceFormat.percent(sample.readCacheHitRate()));
        gc.setText(PerformanceFormat.gc(sample.gcCount(), sample.gcPauseMs()));
        heap.setText(PerformanceFormat.heap(sample.heapUsedMb(), sample.heapMaxMb()));
    }

    /** "22.3 ms": the unit by the figure leaves the name short enough for a narrow panel. */
    private static String withMs(double ms) {
        return Double.isNaN(ms) ? PerformanceFormat.UNKNOWN : PerformanceFormat.millis(ms) + " ms";
    }

    private int addLine(int row, String name, Label value, String styleClass) {
        Label label = name(name);
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
            value.getStyleClass().add(styleClass);
        }
        grid.add(label, 0, row);
        grid.add(value, 1, row, 2, 1);
        GridPane.setHalignment(value, HPos.RIGHT);
        return row + 1;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("perf-table-heading");
        return label;
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("perf-table-name");
        return label;
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId("perf-" + id.toLowerCase(Locale.ROOT).replace('_', '-'));
        label.getStyleClass().add(VALUE);
        return label;
    }
}
