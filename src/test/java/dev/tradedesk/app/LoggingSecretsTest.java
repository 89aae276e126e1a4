package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A configured API secret never appears in the log file or on the console, however it is logged. */
class LoggingSecretsTest {

    private static final String SETTINGS_SECRET = "sk-settings-5f2b9c1e7d";
    private static final String SETTINGS_KEY_ID = "PKSETTINGS77QX";
    private static final String ENV_SECRET = "sk-env-a81c44d09e";

    @TempDir
    Path dir;

    @Test
    void configuredSecretsNeverReachTheLogs() throws IOException {
        Path settingsFile = dir.resolve("settings.json");
        Files.writeString(settingsFile, "{\"provider\": \"alpaca\", \"alpaca\": {\"keyId\": \"" + SETTINGS_KEY_ID
                + "\", \"secretKey\": \"" + SETTINGS_SECRET + "\"}}");
        AppPaths paths = new AppPaths(settingsFile, dir.resolve("data"));
        HostEnvironment host = new HostEnvironment("Linux", dir, Map.of(AppContext.ALPACA_SECRET_VARIABLE, ENV_SECRET));

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try (AppContext context = AppContext.open(paths, new BuildInfo("test"), host)) {
            Logger log = LoggerFactory.getLogger("dev.tradedesk.test.Leaky");
            Settings settings = context.settingsLoad().settings();
            log.info("Loaded settings {}", settings);
            log.warn("Sending key {} with secret {}", settings.alpaca().keyId(), settings.alpaca().secretKey());
            log.warn("Careless concatenation: " + settings.alpaca().secretKey().reveal());
            log.error("Request failed", new IllegalStateException("401 for APCA-API-SECRET-KEY=" + ENV_SECRET));
            java.util.logging.Logger.getLogger("javafx.leaky").warning("via JUL " + SETTINGS_SECRET);
            // Still queued in the asynchronous appender when the context shuts down.
            for (int i = 0; i < 2_000; i++) {
                log.info("burst {} {}", i, SETTINGS_SECRET);
            }
        } finally {
            System.setErr(originalErr);
        }

        String file = Files.readString(paths.logFile(), StandardCharsets.UTF_8);
        String stderr = console.toString(StandardCharsets.UTF_8);
        assertThat(file)
                .contains("Loaded settings Settings[", "Careless concatenation: ****", "APCA-API-SECRET-KEY=****",
                        "via JUL ****", "IllegalStateException", "burst 1999 ****")
                .doesNotContain(SETTINGS_SECRET, SETTINGS_KEY_ID, ENV_SECRET);
        assertThat(stderr)
                .contains("Careless concatenation: ****")
                .doesNotContain(SETTINGS_SECRET, SETTINGS_KEY_ID, ENV_SECRET)
                .as("console shows WARN and up only").doesNotContain("Loaded settings Settings[");
    }
}
