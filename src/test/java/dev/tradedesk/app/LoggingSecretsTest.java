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
    void configuredSecretsNeverReachTheLogs() throws IOException, InterruptedException {
        Path settingsFile = dir.resolve("settings.json");
        Files.writeString(settingsFile, "{\"provider\": \"alpaca\", \"alpaca\": {\"keyId\": \"" + SETTINGS_KEY_ID
                + "\", \"secretKey\": \"" + SETTINGS_SECRET + "\"}}");
        AppPaths paths = new AppPaths(settingsFile, dir.resolve("data"));
        HostEnvironment host = new HostEnvironment("Linux", dir, Map.of(AppContext.ALPACA_SECRET_VARIABLE, ENV_SECRET));

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        Thread.UncaughtExceptionHandler originalHandler = Thread.getDefaultUncaughtExceptionHandler();
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try (AppContext context = AppContext.open(paths, new BuildInfo("test"), host)) {
            Logger log = LoggerFactory.getLogger("dev.tradedesk.test.Leaky");
            Settings settings = context.settingsLoad().settings();
            log.info("Loaded settings {}", settings);
            log.warn("Sending key {} with secret {}", settings.alpaca().keyId(), settings.alpaca().secretKey());
            log.warn("Careless concatenation: " + settings.alpaca().secretKey().reveal());
            log.error("Request failed", new IllegalStateException("401 for APCA-API-SECRET-KEY=" + ENV_SECRET));
            java.util.logging.Logger.getLogger("javafx.leaky").warning("via JUL " + SETTINGS_SECRET);
            Thread crashing = new Thread(() -> {
                throw new IllegalStateException("crash while sending APCA-API-KEY-ID: " + SETTINGS_KEY_ID);
            }, "crashing-thread");
            crashing.start();
            crashing.join();
            // Still queued in the asynchronous appender when the context shuts down.
            for (int i = 0; i < 2_000; i++) {
                log.info("burst {} {}", i, SETTINGS_SECRET);
            }
        } finally {
            System.setErr(originalErr);
            Thread.setDefaultUncaughtExceptionHandler(originalHandler);
        }

        String file = Files.readString(paths.logFile(), StandardCharsets.UTF_8);
        String stderr = console.toString(StandardCharsets.UTF_8);
        assertThat(file)
                .contains("Loaded settings Settings[", "Careless concatenation: ****", "APCA-API-SECRET-KEY=****",
                        "via JUL ****", "IllegalStateException", "burst 1999 ****",
                        "Uncaught exception in thread crashing-thread", "crash while sending APCA-API-KEY-ID: ****")
                .doesNotContain(SETTINGS_SECRET, SETTINGS_KEY_ID, ENV_SECRET);
        assertThat(stderr)
                .contains("Careless concatenation: ****")
                .doesNotContain(SETTINGS_SECRET, SETTINGS_KEY_ID, ENV_SECRET)
                .as("console shows WARN and up only").doesNotContain("Loaded settings Settings[");
    }

    @Test
    void secretsAreWrittenNowhereButTheOwnerOnlySettingsFile() throws IOException {
        Path settingsFile = dir.resolve("settings.json");
        Files.writeString(settingsFile, "{\"provider\": \"alpaca\", \"alpaca\": {\"keyId\": \"" + SETTINGS_KEY_ID
                + "\", \"secretKey\": \"" + SETTINGS_SECRET + "\"}}");
        AppPaths paths = new AppPaths(settingsFile, dir.resolve("data"));
        HostEnvironment host = new HostEnvironment("Linux", dir, Map.of(AppContext.ALPACA_SECRET_VARIABLE, ENV_SECRET));
        try (AppContext context = AppContext.open(paths, new BuildInfo("test"), host);
                TradeDesk desk = new TradeDesk(context)) {
            dev.tradedesk.core.BarColumns bars = new dev.tradedesk.core.BarColumns(1);
            bars.add(new dev.tradedesk.core.Bar(0, 1, 2, 0.5, 1.5, 10));
            desk.historyStore().write(dev.tradedesk.core.SeriesKey.of("AAPL", dev.tradedesk.core.Timeframe.ONE_DAY), bars);
            context.settingsStore().save(context.settingsLoad().settings());
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(file -> !file.equals(settingsFile)).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as("%s", file).doesNotContain(SETTINGS_SECRET, SETTINGS_KEY_ID, ENV_SECRET);
            }
        }
        assertThat(Files.readString(settingsFile)).as("the environment's secret is not copied into settings")
                .contains(SETTINGS_SECRET).doesNotContain(ENV_SECRET);
    }
}
