package dev.tradedesk.ui.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SwitchMarkerRendererTest {

    private static final double GAP = SwitchMarkerRenderer.LABEL_GAP;
    private static final double[] NO_OTHERS = {};

    @Test
    void aLabelStandsRightOfItsLineOrLeftNearTheEdge() {
        assertThat(wholeOnly(new double[] {100, 300, 500}, widths(3), NO_OTHERS, 0, 1000))
                .containsExactly(100 + GAP, 300 + GAP, 500 + GAP);
        assertThat(wholeOnly(new double[] {990}, widths(1), NO_OTHERS, 0, 1000)).containsExactly(990 - GAP - 40);
    }

    @Test
    void switchesSecondsApartLabelBothLinesOnTheirOuterSidesWhereThereIsRoom() {
        // Cache off, then on 20 px later: the earlier label goes left of its line, the latest right.
        assertThat(wholeOnly(new double[] {100, 120}, widths(2), NO_OTHERS, 0, 1000))
                .containsExactly(100 - GAP - 40, 120 + GAP);
    }

    @Test
    void aLabelWithNoRoomBetweenTheSwitchsLinesIsLeftOutRatherThanDrawnOverAnEarlierLine() {
        // Cache off, then on again 35 px before the plot's end: "cache on" fits neither right of its
        // line nor left of it without covering the line where the cache went off, which keeps its label.
        double[] starts = wholeOnly(new double[] {950, 985}, widths(2), NO_OTHERS, 0, 1000);

        assertThat(starts[0]).isEqualTo(950 - GAP - 40);
        assertThat(starts[1]).isNaN();
    }

    @Test
    void aLabelStandsClearOfTheOtherSwitchsLinesOrIsLeftOut() {
        // Level of detail off, then the cache off 20 px later: "LOD off" right of its line would cut
        // the cache's line in two; it goes left. With a cache line 20 px left of it too, it has no room.
        assertThat(wholeOnly(new double[] {500}, widths(1), new double[] {520}, 0, 1000))
                .containsExactly(500 - GAP - 40);
        assertThat(wholeOnly(new double[] {500}, widths(1), new double[] {520, 480}, 0, 1000)[0])
                .isNaN();
        // Both switched in the same second: one line beside the other, the label beside both.
        assertThat(wholeOnly(new double[] {500}, widths(1), new double[] {500}, 0, 1000))
                .containsExactly(500 + GAP);
    }

    @Test
    void noLabelCoversALineOfAnySwitchOrAnotherLabelOrLeavesThePlot() {
        Random random = new Random(42);
        for (int run = 0; run < 2_000; run++) {
            double left = 40;
            double right = 200 + random.nextInt(800);
            double[] xs = new double[1 + random.nextInt(8)];
            double x = left - 30 + random.nextInt(60);
            for (int i = 0; i < xs.length; i++) {
                xs[i] = x;
                x += 1 + random.nextInt(90);
            }
            double[] wholeWidths = new double[xs.length];
            Arrays.setAll(wholeWidths, i -> 35 + random.nextInt(15));
            double[] briefWidths = new double[xs.length];
            Arrays.setAll(briefWidths, i -> 10 + random.nextInt(8));
            double[] others = new double[random.nextInt(6)];
            Arrays.setAll(others, i -> left - 30 + random.nextInt((int) (right - left) + 60));

            SwitchMarkerRenderer.LabelPlaces places = SwitchMarkerRenderer.placeLabels(xs, wholeWidths, briefWidths, others,
                    left, right);

            double[] starts = places.starts();
            double[] widths = new double[xs.length];
            Arrays.setAll(widths, i -> places.brief()[i] ? briefWidths[i] : wholeWidths[i]);
            String setting = Arrays.toString(xs) + " and others' " + Arrays.toString(others) + " in " + left + ".." + right
                    + ": " + Arrays.toString(starts) + ", brief " + Arrays.toString(places.brief());
            for (int i = 0; i < xs.length; i++) {
                if (Double.isNaN(starts[i])) {
                    continue;
                }
                double start = starts[i];
                double end = start + widths[i];
                assertThat(start == xs[i] + GAP || end == xs[i] - GAP).as("beside its line: " + setting).isTrue();
                assertThat(start).as("in the plot: " + setting).isGreaterThanOrEqualTo(left);
                assertThat(end).as("in the plot: " + setting).isLessThanOrEqualTo(right);
                for (double other : others) {
                    assertThat(other == xs[i] || other < start - GAP + 1 || other > end + GAP - 1)
                            .as("over another switch's line at " + other + ": " + setting).isTrue();
                }
                for (int j = 0; j < xs.length; j++) {
                    if (j != i) {
                        assertThat(xs[j] < start - GAP + 1 || xs[j] > end + GAP - 1).as("over line " + j + ": " + setting)
                                .isTrue();
                    }
                    if (j != i && !Double.isNaN(starts[j])) {
                        assertThat(starts[j] + widths[j] < start || starts[j] > end).as("over label " + j + ": " + setting)
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void aMarkWithNoRoomForItsWholeLabelTakesTheBriefOneOnEitherSide() {
        // Cache off, then on again 35 px before the plot's end: "cache on" (40 px) fits neither side,
        // "on" (12 px) fits left of its line, clear of the earlier line and its label.
        SwitchMarkerRenderer.LabelPlaces nearTheEnd = SwitchMarkerRenderer.placeLabels(new double[] {950, 985}, widths(2),
                briefWidths(2), NO_OTHERS, 0, 1000);
        assertThat(nearTheEnd.starts()).containsExactly(950 - GAP - 40, 985 - GAP - 12);
        assertThat(nearTheEnd.brief()).containsExactly(false, true);
        // Level of detail off between two cache marks 25 px either side: "off" right of its line.
        SwitchMarkerRenderer.LabelPlaces between = SwitchMarkerRenderer.placeLabels(new double[] {500}, widths(1),
                briefWidths(1), new double[] {475, 525}, 0, 1000);
        assertThat(between.starts()).containsExactly(500 + GAP);
        assertThat(between.brief()).containsExactly(true);
    }

    @Test
    void theWholeLabelOnEitherSideComesBeforeTheBriefOneAndNoRoomForEitherLeavesTheMarkUnlabelled() {
        SwitchMarkerRenderer.LabelPlaces atTheEnd = SwitchMarkerRenderer.placeLabels(new double[] {990}, widths(1),
                briefWidths(1), NO_OTHERS, 0, 1000);
        assertThat(atTheEnd.starts()).as("whole, left of its line").containsExactly(990 - GAP - 40);
        assertThat(atTheEnd.brief()).containsExactly(false);
        SwitchMarkerRenderer.LabelPlaces crowded = SwitchMarkerRenderer.placeLabels(new double[] {500}, widths(1),
                briefWidths(1), new double[] {485, 515}, 0, 1000);
        assertThat(crowded.starts()[0]).as("15 px either side").isNaN();
    }

    /** The starts of whole labels, with no brief ones to fall back on. */
    private static double[] wholeOnly(double[] xs, double[] widths, double[] others, double left, double right) {
        return SwitchMarkerRenderer.placeLabels(xs, widths, widths, others, left, right).starts();
    }

    private static double[] briefWidths(int count) {
        double[] widths = new double[count];
        Arrays.fill(widths, 12);
        return widths;
    }

    private static double[] widths(int count) {
        double[] widths = new double[count];
        Arrays.fill(widths, 40);
        return widths;
    }
}
