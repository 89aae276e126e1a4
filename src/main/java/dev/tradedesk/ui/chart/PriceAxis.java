package dev.tradedesk.ui.chart;

/**
 * The price pane's axis, labelled by {@link ReadoutFormat#priceTick} at its current tick step
 * (ChartFX's own labels turn to exponents on large or tiny prices: "9.73E4" for 97,300), and never
 * stepped by less than the series' price increment: zoomed in on a stock quoted in cents, ChartFX
 * stepped by half or a quarter of a cent, and the axis read "8.2050, 8.2075, 8.2100", prices the
 * stock never trades at, with more decimals than its tags and readout beside it.
 *
 * <p>A scene-graph node: JavaFX thread only.
 */
final class PriceAxis extends ViewRangedAxis {

    /** The series' price increment, a power of ten; 0 until known. */
    private double increment;

    PriceAxis() {
        super("price");
        setTickLabelFormatter(ChartAxes.formattedBy(value -> ReadoutFormat.priceTick(value, getTickUnit())));
    }

    /** Steps the ticks by no less than one unit of the last of {@code decimals} from the next range set on. */
    void quotedTo(int decimals) {
        increment = Math.pow(10, -decimals);
    }

    @Override
    public double computePreferredTickUnit(double axisLength) {
        return Math.max(super.computePreferredTickUnit(axisLength), increment);
    }
}
