package dev.tradedesk.ui.perf;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.events.ChartBits;
import io.fair_acc.dataset.spi.AbstractDataSet;

/**
 * The moments one optimisation switch was turned on or off, as a ChartFX dataset read in place from
 * the view model: x in minutes before the latest sample (as {@link MetricDataSet}), y unused. Drawn
 * by {@link SwitchMarkerRenderer} as labelled vertical lines. Threading as {@link MetricDataSet}.
 */
final class SwitchMarkerDataSet extends AbstractDataSet<SwitchMarkerDataSet> {

    private static final long serialVersionUID = 1L;

    private final transient PerformanceViewModel model;
    private final PerformanceSwitch optimisation;
    private final int labelRow;

    /** @param labelRow which text line under the plot's top edge the labels go on, so switches do not overlap */
    SwitchMarkerDataSet(PerformanceViewModel model, PerformanceSwitch optimisation, int labelRow) {
        super(optimisation.title(), 2);
        this.model = model;
        this.optimisation = optimisation;
        this.labelRow = labelRow;
    }

    @Override
    public double get(int dimIndex, int index) {
        return dimIndex == DIM_X ? MetricDataSet.minutesBeforeLatest(model.markerTime(optimisation, index), model) : 0;
    }

    /** Markers are placed at sample times, so there are none to show before the first sample. */
    @Override
    public int getDataCount() {
        return model.size() == 0 ? 0 : model.markerCount(optimisation);
    }

    /** "cache on", "LOD off", ...: constants, so drawing allocates nothing. */
    String label(int index) {
        return optimisation.markerLabel(model.markerOn(optimisation, index));
    }

    /** "on" or "off", where {@link #label} has no room. */
    String briefLabel(int index) {
        return PerformanceSwitch.briefMarkerLabel(model.markerOn(optimisation, index));
    }

    int labelRow() {
        return labelRow;
    }

    void refresh() {
        int count = getDataCount();
        if (count == 0) {
            getAxisDescription(DIM_X).clear();
        } else {
            getAxisDescription(DIM_X).set(get(DIM_X, 0), get(DIM_X, count - 1));
        }
        getAxisDescription(DIM_Y).set(0, 0);
        fireInvalidated(ChartBits.DataSetData);
    }

    @Override
    public DataSet set(DataSet other, boolean copy) {
        throw new UnsupportedOperationException("switch markers come from the view model");
    }
}
