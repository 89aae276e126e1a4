package dev.tradedesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

class VirtualDisplayHintTest {

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void theInstalledLauncherIsNamedToInstalledUsersAndTheJarToTheOthers() {
        assertThat(DesktopLauncher.virtualDisplayCommand()).isEqualTo("xvfb-run -a java -jar tradedesk.jar");
        // What the installed image's configuration passes to its Java (jpackage's java-options).
        System.setProperty("jpackage.app-version", "0.1.0");
        try {
            assertThat(DesktopLauncher.virtualDisplayCommand()).isEqualTo("xvfb-run -a tradedesk");
        } finally {
            System.clearProperty("jpackage.app-version");
        }
    }
}
