package dev.tradedesk.ui.workstation;

import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.alpaca.AlpacaBaseUrl;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.Workspace;
import dev.tradedesk.ui.settings.SettingsValues;
import dev.tradedesk.ui.watchlist.Watchlists;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The application around a workstation window with nothing stored and the default settings, which
 * takes every request and does nothing with it; tests override what they watch or feed.
 */
class StubWorkstationHost implements WorkstationHost {

    @Override
    public StoredMinutes minuteHistory(Symbol symbol, int minutes) {
        return new StoredMinutes(new BarColumns(0), false);
    }

    @Override
    public BarColumns timeframeHistory(Symbol symbol, Timeframe timeframe, ZoneId tradingDayZone, int bars) {
        return new BarColumns(0);
    }

    @Override
    public ZoneId tradingDayZone() {
        return BarAggregator.NEW_YORK;
    }

    @Override
    public void chartShowing(Symbol symbol) {
    }

    @Override
    public void watchlistChanged(List<Symbol> symbols) {
    }

    @Override
    public void themeChanged(Theme theme) {
    }

    @Override
    public SettingsValues currentSettings() {
        return new SettingsValues(ProviderKind.SIM, null, null, AlpacaBaseUrl.DEFAULT, "iex",
                Watchlists.DEFAULTS, Timeframe.ONE_MINUTE, IndicatorParameters.DEFAULTS, Theme.LIGHT,
                SettingsValues.SYSTEM_ZONE, 1);
    }

    @Override
    public void settingsChanged(SettingsValues values) {
    }

    @Override
    public CompletionStage<Void> exportSettings(Path file) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public BarImport importBars(Path file, SeriesKey series, ZoneId localTimes) {
        ScriptedBarImport nothing = new ScriptedBarImport(file, series);
        nothing.outcome.complete(new BarImport.Outcome(0, 0, List.of(), true));
        return nothing;
    }

    @Override
    public void setReadCache(boolean enabled) {
    }

    @Override
    public boolean readCacheEnabled() {
        return true;
    }

    @Override
    public void workspaceChanged(Workspace workspace) {
    }
}
