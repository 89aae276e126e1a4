package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.alpaca.AlpacaBaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Export settings: the settings in effect as a settings file, with no API key or secret in it. */
class SettingsExportTest {

    private static final String KEY_ID = "AKEXPORTKEYID1234567";
    private static final String SECRET = "exportSecretKey0123456789abcdefghijklmnop";

    @TempDir
    Path dir;

    /** Alpaca's keys entered, the simulator in use (no network), a setup of its own to share. */
    private static Settings withKeys() {
        AlpacaSettings alpaca = new AlpacaSettings(Secret.of(KEY_ID), Secret.of(SECRET), "https://alpaca.example.com", "sip");
        return Settings.DEFAULTS.withConnection(ProviderKind.SIM, alpaca).withWatchlist(List.of(Symbol.of("AAPL"), Symbol.of("BRK.B")))
                .withTimeframe(Timeframe.FIFTEEN_MINUTES).withTimeZone("Europe/Berlin");
    }

    @Test
    void theExportIsASettingsFileOfTheSettingsInEffectWithoutTheApiKeyAndSecret() throws Exception {
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = new TradeDesk(context, withKeys())) {
            desk.prepareWorkstation();
            Path exported = dir.resolve("shared").resolve("tradedesk-settings.json");

            desk.workstation().exportSettings(exported).toCompletableFuture().get(10, TimeUnit.SECONDS);

            String text = Files.readString(exported);
            assertThat(text).doesNotContain(KEY_ID).doesNotContain(SECRET).contains("BRK.B", "15Min", "Europe/Berlin", "sip");
            Settings read = new SettingsStore(exported).load().settings();
            assertThat(read).isEqualTo(desk.settings().withoutSecrets());
            assertThat(read.alpaca().baseUrl()).isEqualTo("https://alpaca.example.com");
            assertThat(read.alpaca().keyId().isPresent()).isFalse();
            assertThat(desk.settings().alpaca().secretKey().reveal()).as("the settings in effect keep the secret")
                    .isEqualTo(SECRET);
        }
        assertThat(Files.readString(dir.resolve("data").resolve("logs").resolve("tradedesk.log")))
                .contains("tradedesk-settings.json").doesNotContain(SECRET);
    }

    @Test
    void aFolderThatTakesNoFileFailsTheExportWithTheReason() throws Exception {
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = new TradeDesk(context, withKeys())) {
            desk.prepareWorkstation();
            Path taken = dir.resolve("a-file");
            Files.writeString(taken, "not a folder");

            assertThatThrownBy(() -> desk.workstation().exportSettings(taken.resolve("settings.json")).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().hasMessageStartingWith("cannot write " + taken.resolve("settings.json") + ": ");
        }
    }

    @Test
    void theSettingsFileItselfIsNotReplacedByAnExportWithoutItsKeys() throws Exception {
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = new TradeDesk(context, withKeys())) {
            desk.prepareWorkstation();
            context.settingsStore().save(desk.settings()); // saved, with the keys
            Path settingsFile = dir.resolve("settings.json");
            assertThat(holdsTheSecret(settingsFile)).isTrue();

            assertThatThrownBy(() -> desk.workstation().exportSettings(settingsFile).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().hasMessage("cannot write " + settingsFile + ": it is TradeDesk's settings file; choose another file");
            assertThat(holdsTheSecret(settingsFile)).isTrue();
        }
    }

    private static boolean holdsTheSecret(Path file) {
        try {
            return Files.readString(file).contains(SECRET);
        } catch (java.io.IOException notYet) {
            return false;
        }
    }

    @Test
    void settingsWithoutSecretsKeepEverythingButTheKeys() {
        Settings settings = withKeys();
        Settings shared = settings.withoutSecrets();

        assertThat(shared.secrets()).isEmpty();
        assertThat(shared.alpaca().baseUrl()).isEqualTo(settings.alpaca().baseUrl());
        assertThat(shared.alpaca().feed()).isEqualTo("sip");
        assertThat(shared.withConnection(settings.provider(), settings.alpaca())).isEqualTo(settings);
        assertThat(AlpacaBaseUrl.DEFAULT).isNotEqualTo(shared.alpaca().baseUrl());
    }
}
