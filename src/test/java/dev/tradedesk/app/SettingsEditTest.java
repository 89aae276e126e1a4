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
        SettingsValues unchanged = WorkstationSession.valuesOf(before);
        assertThat(WorkstationSession.needsNewSession(before, WorkstationSession.edited(before, unchanged))).isFalse();

        Settings after = WorkstationSession.edited(before, withThemeAndZone(unchanged, Theme.DARK, "Asia/Kathmandu"));
        assertThat(after.theme()).isEqualTo(Theme.DARK);
        assertThat(WorkstationSession.needsNewSession(before, after)).isFalse();
    }

    @Test
    void newIndicatorParametersNeedNoNewSession() {
        Settings before = Settings.DEFAULTS;
        Settings after = before.withIndicators(new IndicatorParameters(3, 7, 2, 2, 10, 10, 20, 80, 0.5, 10));
        assertThat(WorkstationSession.needsNewSession(before, after)).as("the running session takes them in place").isFalse();
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
            assertThat(WorkstationSession.needsNewSession(before, after)).as("a new Alpaca key and simulator speed on %s", provider)
                    .isEqualTo(provider == ProviderKind.ALPACA || provider == ProviderKind.SIM);
            assertThat(WorkstationSession.needsNewSession(before, before.withConnection(provider, otherKey)))
                    .as("a new Alpaca key alone on %s", provider).isEqualTo(provider == ProviderKind.ALPACA);
        }
    }

    @Test
    void aSpeedOrProviderChangeNeedsANewSession() {
        Settings before = Settings.DEFAULTS;
        SettingsValues values = WorkstationSession.valuesOf(before);
        SettingsValues faster = new SettingsValues(values.provider(), values.alpacaKeyId(), values.alpacaSecretKey(),
                values.alpacaBaseUrl(), values.alpacaFeed(), values.watchlists(), values.defaultTimeframe(), values.indicators(),
                values.theme(), values.timeZone(), values.simulatorSpeed() * 2);
        assertThat(WorkstationSession.needsNewSession(before, WorkstationSession.edited(before, faster))).isTrue();
    }

    @Test
    void aCryptoExchangeWatchesItsOwnListAndTheStockListWaitsForTheNextSwitchBack() {
        Settings before = Settings.DEFAULTS.withWatchlist(List.of(Symbol.of("SPY"), Symbol.of("QQQ")));
        SettingsValues values = WorkstationSession.valuesOf(before);
        SettingsValues onBinance = new SettingsValues(ProviderKind.BINANCE, values.alpacaKeyId(), values.alpacaSecretKey(),
                values.alpacaBaseUrl(), values.alpacaFeed(), values.watchlists(), values.defaultTimeframe(), values.indicators(),
                values.theme(), values.timeZone(), values.simulatorSpeed());

        Settings after = WorkstationSession.edited(before, onBinance);
        assertThat(after.watchlist()).isEqualTo(Watchlists.DEFAULTS.binance());
        assertThat(WorkstationSession.needsNewSession(before, after)).isTrue();

        // The main window's edits go to the list in use.
        Settings edited = after.withWatchlist(List.of(Symbol.of("BTCUSDT")));
        assertThat(edited.watchlists().binance()).containsExactly(Symbol.of("BTCUSDT"));
        assertThat(edited.watchlists().stocks()).containsExactly(Symbol.of("SPY"), Symbol.of("QQQ"));

        Settings back = WorkstationSession.edited(edited, WorkstationSession.valuesOf(before));
        assertThat(back.watchlist()).containsExactly(Symbol.of("SPY"), Symbol.of("QQQ"));
    }
}
