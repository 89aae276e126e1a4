package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.settings.SettingsValues;
import dev.tradedesk.ui.watchlist.Watchlists;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings dialog's edits, and which of them need a new market session. */
class SettingsEditTest {

    private static SettingsValues withThemeAndZone(SettingsValues values, Theme theme, String zone) {
        return new SettingsValues(values.provider(), values.alpacaKeyId(), values.alpacaSecretKey(), values.alpacaBaseUrl(),
                values.alpacaFeed(), values.watchlists(), values.defaultTimeframe(), values.indicators(), theme, zone,
                values.simulatorSpeed());
    }

    @Test
    void okWithoutChangesOrWithOnlyTheThemeAndZoneKeepsTheMarketSession() {
        Settings before = Settings.DEFAULTS;
        SettingsValues unchanged = SettingsApplier.valuesOf(before);
        assertThat(SettingsApplier.needsNewSession(before, SettingsApplier.edited(before, unchanged))).isFalse();

        Settings after = SettingsApplier.edited(before, withThemeAndZone(unchanged, Theme.DARK, "Asia/Kathmandu"));
        assertThat(after.theme()).isEqualTo(Theme.DARK);
        assertThat(SettingsApplier.needsNewSession(before, after)).isFalse();
    }

    @Test
    void newIndicatorParametersNeedNoNewSession() {
        Settings before = Settings.DEFAULTS;
        Settings after = before.withIndicators(new IndicatorParameters(3, 7, 2, 2, 10, 10, 20, 80, 0.5, 10));
        assertThat(SettingsApplier.needsNewSession(before, after)).as("the running session takes them in place").isFalse();
    }

    @Test
    void onlyTheConnectionSettingsOfTheProviderInUseNeedANewSession() {
        AlpacaSettings otherKey = new AlpacaSettings(Secret.of("AKNEW"), Secret.of("secret"), AlpacaSettings.DEFAULTS.baseUrl(),
                AlpacaSettings.DEFAULTS.feed());
        SimulatorSettings faster = Settings.DEFAULTS.simulator().withSpeed(60);
        for (ProviderKind provider : ProviderKind.values()) {
            Settings before = Settings.DEFAULTS.withConnection(provider, AlpacaSettings.DEFAULTS);
            Settings after = new Settings(before.watchlists(), before.timeframe(), provider, otherKey, before.indicators(),
                    before.theme(), before.timeZone(), faster);
            assertThat(SettingsApplier.needsNewSession(before, after)).as("a new Alpaca key and simulator speed on %s", provider)
                    .isEqualTo(provider == ProviderKind.ALPACA || provider == ProviderKind.SIM);
            assertThat(SettingsApplier.needsNewSession(before, before.withConnection(provider, otherKey)))
                    .as("a new Alpaca key alone on %s", provider).isEqualTo(provider == ProviderKind.ALPACA);
        }
    }

    @Test
    void aSpeedOrProviderChangeNeedsANewSession() {
        Settings before = Settings.DEFAULTS;
        SettingsValues values = SettingsApplier.valuesOf(before);
        SettingsValues faster = new SettingsValues(values.provider(), values.alpacaKeyId(), values.alpacaSecretKey(),
                values.alpacaBaseUrl(), values.alpacaFeed(), values.watchlists(), values.defaultTimeframe(), values.indicators(),
                values.theme(), values.timeZone(), values.simulatorSpeed() * 2);
        assertThat(SettingsApplier.needsNewSession(before, SettingsApplier.edited(before, faster))).isTrue();
    }

    @Test
    void aCryptoExchangeWatchesItsOwnListAndTheStockListWaitsForTheNextSwitchBack() {
        Settings before = Settings.DEFAULTS.withWatchlist(List.of(Symbol.of("SPY"), Symbol.of("QQQ")));
        SettingsValues values = SettingsApplier.valuesOf(before);
        SettingsValues onBinance = new SettingsValues(ProviderKind.BINANCE, values.alpacaKeyId(), values.alpacaSecretKey(),
                values.alpacaBaseUrl(), values.alpacaFeed(), values.watchlists(), values.defaultTimeframe(), values.indicators(),
                values.theme(), values.timeZone(), values.simulatorSpeed());

        Settings after = SettingsApplier.edited(before, onBinance);
        assertThat(after.watchlist()).isEqualTo(Watchlists.DEFAULTS.binance());
        assertThat(SettingsApplier.needsNewSession(before, after)).isTrue();

        // The main window's edits go to the list in use.
        Settings edited = after.withWatchlist(List.of(Symbol.of("BTCUSDT")));
        assertThat(edited.watchlists().binance()).containsExactly(Symbol.of("BTCUSDT"));
        assertThat(edited.watchlists().stocks()).containsExactly(Symbol.of("SPY"), Symbol.of("QQQ"));

        Settings back = SettingsApplier.edited(edited, SettingsApplier.valuesOf(before));
        assertThat(back.watchlist()).containsExactly(Symbol.of("SPY"), Symbol.of("QQQ"));
    }

    @Test
    void aBaseUrlWhoseSchemeIsInCapitalsIsTakenOnOkAsTheDialogAcceptedIt() {
        Settings before = Settings.DEFAULTS;
        SettingsValues values = SettingsApplier.valuesOf(before);
        SettingsValues capitals = new SettingsValues(ProviderKind.ALPACA, Secret.of("AKTEST"), Secret.of("secret"),
                "HTTPS://data.alpaca.markets/", values.alpacaFeed(), values.watchlists(), values.defaultTimeframe(),
                values.indicators(), values.theme(), values.timeZone(), values.simulatorSpeed());
        assertThat(SettingsValues.baseUrlProblem(capitals.alpacaBaseUrl())).as("the dialog's rule").isEmpty();

        Settings after = SettingsApplier.edited(before, capitals);
        assertThat(after.alpaca().baseUrl()).isEqualTo("https://data.alpaca.markets");
        assertThat(after.provider()).isEqualTo(ProviderKind.ALPACA);
    }
}
