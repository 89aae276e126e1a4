package dev.tradedesk.ui.chart;

/**
 * The volume pane's axis: the bars' base, 0, and a round volume above it are labelled at any pane
 * height, so a trader can read the bars' heights off it. On a short pane (the smallest window's is
 * about 50 px) ChartFX steps its ticks by at least half the range, rounded up to 1, 2.5 or 5 ×
 * 10<sup>n</sup>: a range up to 49.5K stepped by 50K, and the axis read "0" alone. There this axis
 * steps by the largest round volume within the range instead, which lies in its upper half, clear
 * of the 0 below it.
 *
 * <p>A scene-graph node: JavaFX thread only.
 */
final class VolumeAxis extends ViewRangedAxis {

    /** The round volumes the fallback step is chosen from, per power of ten, largest first. */
    private static final double[] ROUND_STEPS = {5, 2.5, 2, 1};

    VolumeAxis() {
        super("volume");
        setTickLabelFormatter(ChartAxes.formattedBy(ReadoutFormat::tickQuantity));
    }

    @Override
    public double computePreferredTickUnit(double axisLength) {
        double unit = super.computePreferredTickUnit(axisLength);
        double top = getMax();
        return unit <= top || !(top > 0) ? unit : largestRoundStepWithin(top);
    }

    /**
     * The largest of 1, 2, 2.5 and 5 × 10<sup>n</sup> not above {@code top}, which is more than half
     * of it (each of those steps is at most twice the one before).
     */
    static double largestRoundStepWithin(double top) {
        double decade = Math.pow(10, Math.floor(Math.log10(top)));
        for (double step : ROUND_STEPS) {
            if (step * decade <= top) {
                return step * decade;
            }
        }
        return decade / 2; // log10 rounded up a hair below a power of ten
    }
}
