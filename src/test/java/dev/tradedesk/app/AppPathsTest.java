package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppPathsTest {

    private static final Path HOME = Path.of("/home/trader");

    @Test
    void linuxFollowsTheXdgBaseDirectorySpec() {
        HostEnvironment linux = new HostEnvironment("Linux", HOME,
                Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data"));
        AppPaths paths = AppPaths.resolve(null, null, linux);
        assertThat(paths.settingsFile()).isEqualTo(Path.of("/cfg/tradedesk/settings.json"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/data/tradedesk"));
        assertThat(paths.logFile()).isEqualTo(Path.of("/data/tradedesk/logs/tradedesk.log"));
    }

    @Test
    void linuxFallsBackToHomeDefaultsWhenXdgIsUnsetBlankOrRelative() {
        for (Map<String, String> env : new Map[] {Map.of(), Map.of("XDG_CONFIG_HOME", " ", "XDG_DATA_HOME", ""),
                Map.of("XDG_CONFIG_HOME", "relative/cfg", "XDG_DATA_HOME", "relative/data")}) {
            AppPaths paths = AppPaths.resolve(null, null, new HostEnvironment("Linux", HOME, env));
            assertThat(paths.settingsFile()).isEqualTo(Path.of("/home/trader/.config/tradedesk/settings.json"));
            assertThat(paths.dataDir()).isEqualTo(Path.of("/home/trader/.local/share/tradedesk"));
        }
    }

    @Test
    void macUsesApplicationSupport() {
        AppPaths paths = AppPaths.resolve(null, null, new HostEnvironment("Mac OS X", HOME, Map.of()));
        Path support = Path.of("/home/trader/Library/Application Support/TradeDesk");
        assertThat(paths.settingsFile()).isEqualTo(support.resolve("settings.json"));
        assertThat(paths.dataDir()).isEqualTo(support);
    }

    @Test
    void windowsUsesAppData() {
        AppPaths paths = AppPaths.resolve(null, null,
                new HostEnvironment("Windows 11", HOME, Map.of("APPDATA", "/users/trader/AppData/Roaming")));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/users/trader/AppData/Roaming/TradeDesk"));
        assertThat(paths.settingsFile()).isEqualTo(Path.of("/users/trader/AppData/Roaming/TradeDesk/settings.json"));
    }

    @Test
    void windowsWithoutAppDataUsesTheRoamingFolderUnderHome() {
        AppPaths paths = AppPaths.resolve(null, null, new HostEnvironment("Windows 10", HOME, Map.of()));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/home/trader/AppData/Roaming/TradeDesk"));
    }

    @Test
    void optionsOverrideTheDefaultsAndAreMadeAbsolute() {
        AppPaths paths = AppPaths.resolve(Path.of("/tmp/td-data"), Path.of("my-settings.json"),
                new HostEnvironment("Linux", HOME, Map.of()));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/tmp/td-data"));
        assertThat(paths.settingsFile().isAbsolute()).isTrue();
        assertThat(paths.settingsFile().getFileName()).isEqualTo(Path.of("my-settings.json"));
    }
}
