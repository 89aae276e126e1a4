package dev.tradedesk.app;

import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.live.MarketHandOff;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.settings.SettingsValues;
import dev.tradedesk.ui.workstation.Workstation;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Applies the settings dialog's OK: makes settings of what the dialog edited, puts them in effect
 * (saved in the background), and applies them where they act: the window's parts at once (the
 * watchlist shown, the time zone, the chart's indicator parameters, the provider's name and the
 * simulator's banner), the market session on the control thread: a new session when
 * {@link #needsNewSession} says so, the indicator parameters in place otherwise.
 *
 * <p>{@link #apply} runs on the JavaFX thread and returns at once: what reaches the market session
 * is queued on the control thread, in order with the restarts and watchlist edits queued there.
 * The static functions are pure and run on any thread.
 */
final class SettingsApplier {

    private final TradeDesk desk;
    private final Executor control;
    private final MarketHandOff handOff;
    private final MarketRestarts restartMarket;
    private final Consumer<IndicatorParameters> useIndicators;
    private final BooleanSupplier marketStopped;

    /**
     * @param control       the workstation's control thread, which runs the two below
     * @param handOff       the window's market hand-off, whose publisher a new session gets
     * @param restartMarket asked for a new market session for the settings given, publishing
     *                      through the publisher given, returns the restart to queue
     * @param useIndicators has the running session, if any, compute with the parameters given
     * @param marketStopped whether the running session has stopped for good (its key rejected):
     *                      OK then starts a new one, whatever it changed
     */
    SettingsApplier(TradeDesk desk, Executor control, MarketHandOff handOff,
            MarketRestarts restartMarket, Consumer<IndicatorParameters> useIndicators,
            BooleanSupplier marketStopped) {
        this.desk = desk;
        this.control = control;
        this.handOff = handOff;
        this.restartMarket = restartMarket;
        this.useIndicators = useIndicators;
        this.marketStopped = marketStopped;
    }

    /** Replaces the market session: asked for on the JavaFX thread, run on the control thread. */
    @FunctionalInterface
    interface MarketRestarts {
        /** Returns the restart to queue; {@code switchesProvider}: to another provider than the last asked for. */
        Runnable ask(Settings settings, boolean switchesProvider, Consumer<MarketUpdate> publisher);
    }

    /** What the settings dialog edits of {@code settings}. */
    static SettingsValues valuesOf(Settings settings) {
        AlpacaSettings alpaca = settings.alpaca();
        return new SettingsValues(settings.provider(), alpaca.keyId(), alpaca.secretKey(), alpaca.baseUrl(), alpaca.feed(),
                settings.watchlists(), settings.timeframe(), settings.indicators(), settings.theme(), settings.timeZone(),
                settings.simulator().speed());
    }

    /** {@code before} as the settings dialog left it with {@code values}. */
    static Settings edited(Settings before, SettingsValues values) {
        return new Settings(values.watchlists(), values.defaultTimeframe(), values.provider(),
                new AlpacaSettings(values.alpacaKeyId(), values.alpacaSecretKey(), values.alpacaBaseUrl(), values.alpacaFeed()),
                values.indicators(), values.theme(), values.timeZone(),
                before.simulator().withSpeed(values.simulatorSpeed()));
    }

    /**
     * Whether going from {@code before} to {@code after} needs a new market session: another
     * provider, or other connection settings of the one in use (Alpaca's key, URL and feed; the
     * simulator's speed). Those of a provider not in use wait in the settings for the switch to it,
     * which starts a session anyway. The rest is applied to the running session or the window: the
     * watchlist (the scheduler takes a new symbol list), the indicator parameters (the live series
     * are computed again), the theme, the time zone and the default timeframe (the window alone).
     */
    static boolean needsNewSession(Settings before, Settings after) {
        if (after.provider() != before.provider()) {
            return true;
        }
        return switch (after.provider()) {
            case ALPACA -> !after.alpaca().equals(before.alpaca());
            case SIM -> !after.simulator().equals(before.simulator()); // it serves on loopback: no Alpaca key or URL
            case BINANCE, COINBASE -> false; // public endpoints at fixed URLs
        };
    }

    /** The dialog's OK with {@code values}, applied to the settings, the window's {@code parts} and the market. JavaFX thread. */
    void apply(SettingsValues values, Workstation parts) {
        Settings before = desk.settings();
        Settings after = edited(before, values);
        desk.updateSettings(settings -> after);
        desk.context().logging().registerSecrets(after.secrets());
        boolean restart = restarts(before, after);
        // First: the chart's reads for the list shown below wait for a new provider's history.
        applyToMarket(before, after, restart);
        if (!after.watchlist().equals(before.watchlist())) {
            parts.watchlist().replaceAll(after.watchlist());
        }
        if (!after.zone().equals(before.zone())) {
            parts.chart().setZone(after.zone());
            parts.status().setZone(after.zone());
        }
        parts.chart().setIndicatorParameters(after.indicators());
        if (restart) {
            parts.status().switchProvider(after.provider().displayName());
            if (after.provider() != before.provider()) {
                parts.main().simulatedBannerProperty().set(after.provider() == ProviderKind.SIM);
            }
        }
    }

    /**
     * Whether OK from {@code before} to {@code after} starts a new session: when {@link
     * #needsNewSession} says so, or when the running one has stopped for good. A session stopped by a
     * key rejected twice (a proxy's or Alpaca's passing 401s, or a key since fixed on Alpaca's side)
     * was otherwise only started again by a restart of the app; OK is the way back, as the status
     * bar says.
     */
    private boolean restarts(Settings before, Settings after) {
        return needsNewSession(before, after) || marketStopped.getAsBoolean();
    }

    /**
     * The market side of the settings dialog's OK: a new session when {@link #needsNewSession} says
     * so or the running one has stopped; otherwise the running session keeps its scheduler, series
     * and backfill and takes the indicator parameters in place (its watchlist follows the list's own
     * edits). The parameters
     * go even when the settings kept them, since the dialog's last preview may have been of others.
     * Returns at once: the work is queued on the control thread, after any restart queued before
     * it, so a session still starting gets them too. JavaFX thread, as part of OK.
     */
    void applyToMarket(Settings before, Settings after) {
        applyToMarket(before, after, restarts(before, after));
    }

    private void applyToMarket(Settings before, Settings after, boolean restart) {
        if (after.provider() != before.provider()) {
            // Until the control thread has stopped it, the old provider's session still publishes:
            // its prices and states are not the new one's. A new session of the same provider (a new
            // key, another simulator speed) is let through: a bar it closes meanwhile is one the chart needs.
            handOff.endSession();
        }
        if (restart) {
            // The session the window shows from this OK on, asked for now: by the time the control
            // thread starts it, a second OK may have ended it, and it must not publish as that one's.
            Consumer<MarketUpdate> publisher = handOff.publisherForSession();
            control.execute(restartMarket.ask(after, after.provider() != before.provider(), publisher));
        } else {
            control.execute(() -> useIndicators.accept(after.indicators()));
        }
    }
}
