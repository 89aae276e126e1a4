package dev.tradedesk.app;

import java.nio.file.Path;
import java.util.Map;

/** The application's context for a test that runs the app on its own temporary directory. */
final class TestContexts {

    private TestContexts() {
    }

    /** {@code dir/settings.json} as the settings, {@code dir/data} as the data dir, on Linux with no environment. */
    static AppContext in(Path dir) {
        return AppContext.open(new AppPaths(dir.resolve("settings.json"), dir.resolve("data")), new BuildInfo("test"),
                new HostEnvironment("Linux", dir, Map.of()));
    }
}
