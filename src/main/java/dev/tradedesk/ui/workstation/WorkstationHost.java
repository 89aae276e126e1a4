package dev.tradedesk.ui.workstation;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.Workspace;
import dev.tradedesk.ui.settings.SettingsValues;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What the workstation window asks of the application around it. Implemented by the composition
 * root; every method returns quickly, and slow work (the database, saving) happens on the
 * application's own threads unless a method says otherwise.
 */
public interface WorkstationHost {

    /**
     * The stored one-minute bars of {@code symbol} in the {@code minutes} up to its newest, and
     * whether older ones are stored. Reads the database, the provider's in use once a provider
     * switch asked for has taken effect (it waits for it, and {@link #tradingDayZone} is the new
     * provider's after it): call on a background thread, never on the JavaFX thread.
     */
    StoredMinutes minuteHistory(Symbol symbol, int minutes);

    /**
     * Waits, for a moment at most, until the store holds every closed bar the UI has been given, so
     * that a {@link #minuteHistory} read after it leaves none of them out. Call on a background
     * thread, never on the JavaFX thread.
     */
    default void awaitStoredBars() {
    }

    /**
     * The latest {@code bars} bars stored of {@code symbol} at {@code timeframe} itself, oldest first,
     * daily ones on their trading days in {@code tradingDayZone}; empty at 1Min. What the chart shows
     * of a symbol with no stored minute (an imported daily history), and before its first minute
     * otherwise, as {@code snapshot} does. Reads the database: call on a background thread, never on
     * the JavaFX thread.
     */
    BarColumns timeframeHistory(Symbol symbol, Timeframe timeframe, ZoneId tradingDayZone, int bars);

    /**
     * The zone whose calendar days the provider's market trades in: New York's for US stocks, UTC's
     * for crypto. A chart's daily bars span them. Any thread.
     */
    ZoneId tradingDayZone();

    /** The chart now shows {@code symbol} (or nothing): the feed brings it up to date first. */
    void chartShowing(Symbol symbol);

    /** The watchlist changed (added, removed, reordered). */
    void watchlistChanged(List<Symbol> symbols);

    /**
     * The settings dialog previews other indicator parameters (or puts its initial ones back): the
     * watchlist's figures follow them, as the chart does, until the dialog's OK makes them settings.
     */
    default void indicatorsPreviewed(IndicatorParameters previewed) {
    }

    /** The theme changed from the View menu. */
    void themeChanged(Theme theme);

    /** The settings in effect, for the settings dialog. */
    SettingsValues currentSettings();

    /** The user confirmed the settings dialog. */
    void settingsChanged(SettingsValues values);

    /**
     * Writes the settings in effect to {@code file} as a settings file TradeDesk reads (to share a
     * setup, or to carry it to another computer), with no API key or secret in it. Returns at once;
     * the write happens in the background, and the stage fails with the reason it could not.
     */
    CompletionStage<Void> exportSettings(Path file);

    /**
     * Starts importing the bars of a CSV file ({@code tradedesk import}'s format) into the history as
     * {@code series}' in the background, in one transaction, reading timestamps without an offset
     * as {@code localTimes}' times. The bars go to the real providers' history, which the simulated
     * exchange does not chart. Returns at once.
     */
    BarImport importBars(Path file, SeriesKey series, ZoneId localTimes);

    /** Turns the history store's read cache on or off (performance panel A/B switch). */
    void setReadCache(boolean enabled);

    boolean readCacheEnabled();

    /** Remembers the window layout for the next start (saved in the background). */
    void workspaceChanged(Workspace workspace);

    /**
     * The window layout as it is now, taken every few seconds while the window is open: what is
     * saved if the process is stopped (SIGTERM at logout) without the window being closed.
     */
    default void workspaceNow(Workspace workspace) {
    }
}
