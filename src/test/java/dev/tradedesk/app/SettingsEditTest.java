package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.settings.SettingsValues;
import org.junit.jupiter.api.Test;

/** The settings dialog's edits, and which of them need a new market session. */
class SettingsEditTest {

    private static SettingsValues withThemeAndZone(SettingsValues values, Theme theme, String zone) {
        return new SettingsValues(values.provider(), values.alpacaKeyId(), values.alpacaSecretKey(), values.alpacaBaseUrl(),
                values.alpacaFeed(), values.watchlist(), values.defaultTimeframe(), values.indicators(), theme, zone,
                values.simulatorSpeed());
    }

    @Test
    void okWithoutChangesOrWithOnlyTheThemeAndZoneKeepsTheMarketSession() {
        Settings before = Settings.DEFAULTS;
        SettingsValues unchanged = WorkstationSession.valuesOf(before);
        assertThat(WorkstationSession.feedChanged(before, WorkstationSession.edited(before, unchanged))).isFalse();

        Settings after = WorkstationSession.edited(before, withThemeAndZone(unchanged, Theme.DARK, "Asia/Kathmandu"));
        assertThat(after.theme()).isEqualTo(Theme.DARK);
        assertThat(WorkstationSession.feedChanged(before, after)).isFalse();
    }

    @Test
    void aSpeedOrProviderChangeNeedsANewSession() {
        Settings before = Settings.DEFAULTS;
        SettingsValues values = WorkstationSession.valuesOf(before);
        SettingsValues faster = new SettingsValues(values.provider(), values.alpacaKeyId(), values.alpacaSecretKey(),
                values.alpacaBaseUrl(), values.alpacaFeed(), values.watchlist(), values.defaultTimeframe(), values.indicators(),
                values.theme(), values.timeZone(), values.simulatorSpeed() * 2);
        assertThat(WorkstationSession.feedChanged(before, WorkstationSession.edited(before, faster))).isTrue();
    }
}
