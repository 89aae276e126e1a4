package dev.tradedesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.watchlist.Watchlists;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsValuesTest {

    private static SettingsValues values(String baseUrl, String feed, String zone, double speed) {
        return new SettingsValues(ProviderKind.SIM, Secret.of("key-id-1"), Secret.of("secret-1"), baseUrl, feed,
                Watchlists.DEFAULTS.with(ProviderKind.SIM, List.of(Symbol.of("AAPL"), Symbol.of("AAPL"), Symbol.of("SPY"))),
                Timeframe.ONE_MINUTE,
                IndicatorParameters.DEFAULTS, Theme.LIGHT, zone, speed);
    }

    @Test
    void theDialogRefusesABaseUrlWithAPasswordInItOrAPortTheHttpClientRefuses() {
        assertThat(SettingsValues.baseUrlProblem("https://trader:hunter2@proxy.example")).as("logged with the URL")
                .isPresent();
        assertThat(SettingsValues.baseUrlProblem("https://proxy.example:99999")).as("OkHttp refuses it").isPresent();
        assertThat(SettingsValues.baseUrlProblem("HTTPS://proxy.example:8443")).isEmpty();
    }

    @Test
    void normalisesTheFeedTheZoneAndRepeatedSymbols() {
        SettingsValues values = values(" https://data.alpaca.markets ", " IEX ", " System ", 1);
        assertThat(values.alpacaBaseUrl()).isEqualTo("https://data.alpaca.markets");
        assertThat(values.alpacaFeed()).isEqualTo("iex");
        assertThat(values.timeZone()).isEqualTo("system");
        assertThat(values.watchlist()).extracting(Symbol::value).containsExactly("AAPL", "SPY");
    }

    @Test
    void aZoneTypedInAnyCaseIsKeptInItsOwnSpelling() {
        assertThat(values("https://x", "iex", " america/new_york ", 1).timeZone()).isEqualTo("America/New_York");
        assertThat(values("https://x", "iex", "EUROPE/BERLIN", 1).timeZone()).isEqualTo("Europe/Berlin");
        assertThat(SettingsValues.timeZoneProblem("asia/kolkata")).isEmpty();
    }

    @Test
    void cannotBeMadeInvalid() {
        assertThatThrownBy(() -> values("ftp://x", "iex", "system", 1)).hasMessageStartingWith("Enter an http(s) URL");
        assertThatThrownBy(() -> values("https://x", "nasdaq", "system", 1)).hasMessageStartingWith("Choose one of");
        assertThatThrownBy(() -> values("https://x", "iex", "Mars/Base", 1)).hasMessageStartingWith("Unknown time zone");
        assertThatThrownBy(() -> values("https://x", "iex", "system", 0)).hasMessageStartingWith("Must be above 0");
        assertThatThrownBy(() -> values("https://x", "iex", "system", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringMasksTheCredentials() {
        String text = values("https://x", "iex", "system", 1).toString();
        assertThat(text).doesNotContain("key-id-1", "secret-1").contains("alpacaSecretKey=****");
    }
}
