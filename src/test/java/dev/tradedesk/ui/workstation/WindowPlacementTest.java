package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    /** A 1366 × 768 laptop screen less a 28 px top panel. */
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 28, 1366, 740);
    /** Two monitors side by side: 1920 × 1080 on the left, 2560 × 1440 on the right. */
    private static final Rectangle2D LEFT_MONITOR = new Rectangle2D(0, 0, 1920, 1080);
    private static final Rectangle2D RIGHT_MONITOR = new Rectangle2D(1920, 0, 2560, 1440);

    @Test
    void theDefaultSizeShrinksToALaptopScreenAndStartsBelowItsPanel() {
        assertThat(WindowPlacement.centred(1400, 900, LAPTOP)).isEqualTo(new Rectangle2D(0, 28, 1366, 740));
    }

    @Test
    void theDefaultSizeIsCentredOnALargerScreen() {
        assertThat(WindowPlacement.centred(1400, 900, LEFT_MONITOR)).isEqualTo(new Rectangle2D(260, 90, 1400, 900));
        assertThat(WindowPlacement.centred(1400, 900, RIGHT_MONITOR)).isEqualTo(new Rectangle2D(2500, 270, 1400, 900));
    }

    @Test
    void aSavedWindowOnScreenStaysWhereItWasEvenAcrossTwoMonitors() {
        Rectangle2D onTheRight = new Rectangle2D(2100, 120, 1600, 1000);
        assertThat(WindowPlacement.onScreens(onTheRight, List.of(LEFT_MONITOR, RIGHT_MONITOR))).contains(onTheRight);
        Rectangle2D spanning = new Rectangle2D(1000, 50, 2400, 1000);
        assertThat(WindowPlacement.onScreens(spanning, List.of(LEFT_MONITOR, RIGHT_MONITOR))).contains(spanning);
        Rectangle2D filling = new Rectangle2D(0, 28, 1366, 740);
        assertThat(WindowPlacement.onScreens(filling, List.of(LAPTOP))).contains(filling);
    }

    @Test
    void aSavedWindowLargerThanTheScreenNowIsShrunkOntoIt() {
        // Saved on a 1920 × 1200 monitor, opened on the laptop's own screen.
        assertThat(WindowPlacement.onScreens(new Rectangle2D(100, 60, 1700, 1100), List.of(LAPTOP))).contains(LAPTOP);
    }

    @Test
    void aSavedWindowPartlyOffTheScreensIsMovedOntoTheOneShowingMostOfIt() {
        assertThat(WindowPlacement.onScreens(new Rectangle2D(900, -40, 1000, 700), List.of(LAPTOP)))
                .contains(new Rectangle2D(366, 28, 1000, 700));
        assertThat(WindowPlacement.onScreens(new Rectangle2D(-300, 500, 1000, 700), List.of(LAPTOP)))
                .contains(new Rectangle2D(0, 68, 1000, 700));
        // The bottom below the left monitor's edge, most of the window on the right one.
        assertThat(WindowPlacement.onScreens(new Rectangle2D(1800, 300, 1200, 1000), List.of(LEFT_MONITOR, RIGHT_MONITOR)))
                .contains(new Rectangle2D(1920, 300, 1200, 1000));
    }

    @Test
    void aSavedWindowNoScreenShowsAnyMoreIsNotPlaced() {
        // Saved on a monitor since unplugged.
        assertThat(WindowPlacement.onScreens(new Rectangle2D(2100, 120, 1600, 1000), List.of(LAPTOP))).isEmpty();
    }

    @Test
    void theFirstStartOnALargeScreenOpensTheDefaultSizeCentred() {
        assertThat(WindowPlacement.place(null, List.of(LEFT_MONITOR), LEFT_MONITOR, 1400, 900))
                .isEqualTo(new WindowPlacement.Placement(new Rectangle2D(260, 90, 1400, 900), false));
    }

    @Test
    void aWindowTooLargeForItsScreenOpensMaximizedWithAMarginWhenUnmaximized() {
        // The first start on a laptop: 90 % of its screen, centred.
        WindowPlacement.Placement first = WindowPlacement.place(null, List.of(LAPTOP), LAPTOP, 1400, 900);
        assertThat(first.maximized()).isTrue();
        assertThat(first.bounds().getWidth()).isCloseTo(1366 * 0.9, Offset.offset(1e-9));
        assertThat(first.bounds().getHeight()).isCloseTo(740 * 0.9, Offset.offset(1e-9));
        assertThat(first.bounds().getMinX()).isCloseTo(1366 * 0.05, Offset.offset(1e-9));
        assertThat(first.bounds().getMinY()).isCloseTo(28 + 740 * 0.05, Offset.offset(1e-9));
        // A window saved on a larger monitor, opened on the laptop.
        WindowPlacement.Placement fromLarger = WindowPlacement.place(new Rectangle2D(100, 60, 1700, 1100), List.of(LAPTOP),
                LAPTOP, 1400, 900);
        assertThat(fromLarger.maximized()).isTrue();
        assertThat(LAPTOP.contains(fromLarger.bounds())).isTrue();
    }

    @Test
    void aSavedWindowThatFitsOpensAsItWas() {
        Rectangle2D spanning = new Rectangle2D(1000, 50, 2400, 1000);
        assertThat(WindowPlacement.place(spanning, List.of(LEFT_MONITOR, RIGHT_MONITOR), LEFT_MONITOR, 1400, 900))
                .isEqualTo(new WindowPlacement.Placement(spanning, false));
        // Saved on a monitor since unplugged: the default, on the primary screen.
        assertThat(WindowPlacement.place(new Rectangle2D(2100, 120, 1600, 1000), List.of(LEFT_MONITOR), LEFT_MONITOR, 1400, 900))
                .isEqualTo(new WindowPlacement.Placement(new Rectangle2D(260, 90, 1400, 900), false));
    }
}
