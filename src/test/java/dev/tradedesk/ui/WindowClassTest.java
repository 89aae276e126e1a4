package dev.tradedesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WindowClassTest {

    /** The menu entry jpackage installs, read from the source tree (surefire runs in the project folder). */
    private static final Path DESKTOP_ENTRY = Path.of("installer", "linux", "tradedesk.desktop");

    @Test
    void theInstalledMenuEntryClaimsTheWindowsByTheClassTheyAreGiven() throws IOException {
        assertThat(Files.readAllLines(DESKTOP_ENTRY))
                .as("a dock matches windows to the entry by StartupWMClass, exactly")
                .filteredOn(line -> line.startsWith("StartupWMClass="))
                .containsExactly("StartupWMClass=" + WindowClass.NAME);
    }
}
