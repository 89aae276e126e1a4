package dev.tradedesk.app;

import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.InvalidFieldException;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Spaces;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.watchlist.Watchlists;
import java.util.List;
import java.util.stream.Stream;

/**
 * The user's settings, read from {@code settings.json}. Immutable: a change makes a new value
 * ({@code withTheme}, ...), which the settings writer saves. Every field has a documented default
 * ({@link #DEFAULTS}, and docs/CONFIGURATION.md); a field missing from the file takes its default.
 *
 * @param watchlists the watchlist of each kind of provider (stocks, Binance, Coinbase); the
 *                   provider in use shows and polls its own ({@link #watchlist()})
 * @param timeframe  the chart's default timeframe
 * @param provider   where market data comes from; {@code sim} is the built-in simulated exchange
 * @param alpaca     Alpaca credentials and endpoint
 * @param indicators indicator parameters
 * @param theme      light or dark
 * @param timeZone   the zone chart times are shown in: {@code system} or an IANA zone id such as
 *                   {@code America/New_York}
 * @param simulator  the built-in simulated exchange
 */
public record Settings(
        Watchlists watchlists,
        Timeframe timeframe,
        ProviderKind provider,
        AlpacaSettings alpaca,
        IndicatorParameters indicators,
        Theme theme,
        String timeZone,
        SimulatorSettings simulator) {

    /** The {@code timeZone} value meaning "whatever zone the computer is set to". */
    public static final String SYSTEM_ZONE = "system";

    public static final Settings DEFAULTS = new Settings(
            Watchlists.DEFAULTS,
            Timeframe.ONE_MINUTE,
            ProviderKind.SIM,
            AlpacaSettings.DEFAULTS,
            IndicatorParameters.DEFAULTS,
            Theme.LIGHT,
            SYSTEM_ZONE,
            SimulatorSettings.DEFAULTS);

    public Settings {
        requireSet(watchlists, "watchlists");
        requireSet(timeframe, "timeframe");
        requireSet(provider, "provider");
        requireSet(alpaca, "alpaca");
        requireSet(indicators, "indicators");
        requireSet(theme, "theme");
        requireSet(simulator, "simulator");
        timeZone = Spaces.isBlank(timeZone) ? SYSTEM_ZONE : Spaces.trimmed(timeZone);
        if (!SYSTEM_ZONE.equals(timeZone)) {
            try {
                java.time.ZoneId.of(timeZone);
            } catch (java.time.DateTimeException unknown) {
                throw new InvalidFieldException("timeZone", "unknown time zone '" + timeZone
                        + "': use \"system\" or an IANA zone id such as America/New_York");
            }
        }
    }

    /** The symbols the provider in use shows and polls. */
    public List<Symbol> watchlist() {
        return watchlists.of(provider);
    }

    /** The zone to show times in, resolving {@code system} to the computer's zone. */
    public java.time.ZoneId zone() {
        return SYSTEM_ZONE.equals(timeZone) ? java.time.ZoneId.systemDefault() : java.time.ZoneId.of(timeZone);
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(watchlists, timeframe, provider, alpaca, indicators, newTheme, timeZone, simulator);
    }

    /** These settings with the provider in use watching {@code newWatchlist}; the other lists stay. */
    public Settings withWatchlist(List<Symbol> newWatchlist) {
        return new Settings(watchlists.with(provider, newWatchlist), timeframe, provider, alpaca, indicators, theme, timeZone,
                simulator);
    }

    public Settings withTimeframe(Timeframe newTimeframe) {
        return new Settings(watchlists, newTimeframe, provider, alpaca, indicators, theme, timeZone, simulator);
    }

    public Settings withIndicators(IndicatorParameters newIndicators) {
        return new Settings(watchlists, timeframe, provider, alpaca, newIndicators, theme, timeZone, simulator);
    }

    public Settings withConnection(ProviderKind newProvider, AlpacaSettings newAlpaca) {
        return new Settings(watchlists, timeframe, newProvider, newAlpaca, indicators, theme, timeZone, simulator);
    }

    public Settings withTimeZone(String newTimeZone) {
        return new Settings(watchlists, timeframe, provider, alpaca, indicators, theme, newTimeZone, simulator);
    }

    /**
     * These settings as they may leave this computer: Alpaca's key id and secret left empty, as a
     * new settings file has them (the environment variables then apply), the rest as it is.
     */
    public Settings withoutSecrets() {
        return withConnection(provider, new AlpacaSettings(Secret.empty(), Secret.empty(), alpaca.baseUrl(), alpaca.feed()));
    }

    /** Every configured credential, so the logging layer can mask it wherever it might appear. */
    public List<Secret> secrets() {
        return Stream.of(alpaca.keyId(), alpaca.secretKey()).filter(Secret::isPresent).toList();
    }

    private static void requireSet(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
