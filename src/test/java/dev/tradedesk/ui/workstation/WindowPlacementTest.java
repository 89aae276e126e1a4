package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    /** A 1366 × 768 laptop screen less a 28 px top panel. */
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 28, 1366, 740);
    /** A second monitor to the right of a 1920 px one. */
    private static final Rectangle2D RIGHT_MONITOR = new Rectangle2D(1920, 0, 2560, 1400);

    @Test
    void theDefaultSizeShrinksToALaptopScreenAndStartsBelowItsPanel() {
        assertThat(WindowPlacement.centred(1400, 900, LAPTOP)).isEqualTo(new Rectangle2D(0, 28, 1366, 740));
    }

    @Test
    void theDefaultSizeIsCentredOnALargerScreen() {
        assertThat(WindowPlacement.centred(1400, 900, new Rectangle2D(0, 0, 1920, 1080)))
                .isEqualTo(new Rectangle2D(260, 90, 1400, 900));
        assertThat(WindowPlacement.centred(1400, 900, RIGHT_MONITOR)).isEqualTo(new Rectangle2D(2500, 250, 1400, 900));
    }

    @Test
    void aSavedWindowThatFitsStaysWhereItWas() {
        Rectangle2D saved = new Rectangle2D(2100, 120, 1600, 1000);
        assertThat(WindowPlacement.within(saved, RIGHT_MONITOR)).isEqualTo(saved);
    }

    @Test
    void aSavedWindowLargerThanTheScreenNowIsShrunkOntoIt() {
        // Saved on a 1920 × 1200 monitor, opened on the laptop's own screen.
        assertThat(WindowPlacement.within(new Rectangle2D(100, 60, 1700, 1100), LAPTOP)).isEqualTo(LAPTOP);
    }

    @Test
    void aSavedWindowPartlyOffTheScreenIsMovedBackOnto() {
        assertThat(WindowPlacement.within(new Rectangle2D(900, -40, 1000, 700), LAPTOP))
                .isEqualTo(new Rectangle2D(366, 28, 1000, 700));
        assertThat(WindowPlacement.within(new Rectangle2D(-300, 500, 1000, 700), LAPTOP))
                .isEqualTo(new Rectangle2D(0, 68, 1000, 700));
    }
}
