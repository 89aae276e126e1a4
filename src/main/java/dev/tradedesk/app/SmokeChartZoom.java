package dev.tradedesk.app;

import dev.tradedesk.core.IndicatorSeriesView;
import dev.tradedesk.ui.chart.ChartModel;

/**
 * The smoke test's zoom: the chart shows all its history once per history it is given (the first
 * load, and each reload after the backfill repairs it), then follows the live edge by itself, as a
 * trader's chart does after "Show all history".
 *
 * <p>Zooming out again at every check measured the driver rather than the workstation: after each
 * new bar the live follow keeps the span while "show all" widens it by that bar, so the two ranges
 * differ and the chart refilled its three panes twice for every new bar. JavaFX thread only.
 */
final class SmokeChartZoom {

    private IndicatorSeriesView zoomedOut;

    /** Shows all of {@code chart}'s history if this history has not been shown whole yet. */
    void showAllOnce(ChartModel chart) {
        IndicatorSeriesView history = chart.series().orElse(null);
        if (history != null && history != zoomedOut) {
            chart.showAll();
            zoomedOut = history;
        }
    }
}
