package dev.tradedesk.ui.settings;

import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Spaces;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.alpaca.AlpacaBaseUrl;
import dev.tradedesk.feed.alpaca.AlpacaFeeds;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.watchlist.WatchlistViewModel;
import dev.tradedesk.ui.watchlist.Watchlists;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the settings dialog edits, as one validated value: what the dialog starts from and
 * what it returns on OK. The app maps its own settings to and from this record (the {@code ui}
 * package does not know the app's types).
 *
 * <p>Validated at construction, with the same rules the dialog applies while the user types
 * ({@link #baseUrlProblem}, {@link #timeZoneProblem}, ...), so an invalid value cannot be made.
 * {@link #toString()} shows the credentials masked ({@link Secret}). Immutable and thread-safe.
 *
 * @param provider         where market data comes from
 * @param alpacaKeyId      Alpaca API key id; empty means "from the environment"
 * @param alpacaSecretKey  Alpaca API secret key; empty means "from the environment"
 * @param alpacaBaseUrl    Alpaca data API base, an http(s) URL with a host
 * @param alpacaFeed       Alpaca feed, one of {@link AlpacaFeeds#NAMES} (lower case)
 * @param watchlists       the watchlist of each kind of provider; {@link #watchlist()} is the
 *                         chosen provider's
 * @param defaultTimeframe the chart's default timeframe
 * @param indicators       indicator parameters
 * @param theme            light or dark
 * @param timeZone         {@link #SYSTEM_ZONE} or a zone id {@link ZoneId#of} accepts, such as
 *                         {@code America/New_York}
 * @param simulatorSpeed   simulated minutes per real minute, in (0, {@link #MAX_SIMULATOR_SPEED}]
 */
public record SettingsValues(
        ProviderKind provider,
        Secret alpacaKeyId,
        Secret alpacaSecretKey,
        String alpacaBaseUrl,
        String alpacaFeed,
        Watchlists watchlists,
        Timeframe defaultTimeframe,
        IndicatorParameters indicators,
        Theme theme,
        String timeZone,
        double simulatorSpeed) {

    /** The time zone value meaning "whatever zone the computer is set to". */
    public static final String SYSTEM_ZONE = "system";
    public static final double MAX_SIMULATOR_SPEED = 10_000;
    /** "10,000": thousands grouped as the status bar's and the Performance panel's figures are. */
    static final String MAX_SIMULATOR_SPEED_TEXT = String.format(Locale.ROOT, "%,d", (long) MAX_SIMULATOR_SPEED);

    public SettingsValues {
        Objects.requireNonNull(provider, "provider");
        alpacaKeyId = alpacaKeyId == null ? Secret.empty() : alpacaKeyId;
        alpacaSecretKey = alpacaSecretKey == null ? Secret.empty() : alpacaSecretKey;
        alpacaBaseUrl = Spaces.trimmed(alpacaBaseUrl);
        alpacaFeed = AlpacaFeeds.normalized(alpacaFeed);
        Objects.requireNonNull(watchlists, "watchlists");
        Objects.requireNonNull(defaultTimeframe, "defaultTimeframe");
        Objects.requireNonNull(indicators, "indicators");
        Objects.requireNonNull(theme, "theme");
        timeZone = normalisedTimeZone(timeZone);
        rejectIfPresent(baseUrlProblem(alpacaBaseUrl));
        rejectIfPresent(feedProblem(alpacaFeed));
        rejectIfPresent(timeZoneProblem(timeZone));
        rejectIfPresent(simulatorSpeedProblem(simulatorSpeed));
    }

    /** The chosen provider's watchlist. */
    public List<Symbol> watchlist() {
        return watchlists.of(provider);
    }

    /** Why {@code url} is not an Alpaca base URL ({@link AlpacaBaseUrl#problem}), or empty if it is. */
    public static Optional<String> baseUrlProblem(String url) {
        return AlpacaBaseUrl.problem(url);
    }

    /** Why {@code feed} is not an Alpaca feed, or empty if it is. */
    public static Optional<String> feedProblem(String feed) {
        return AlpacaFeeds.NAMES.contains(AlpacaFeeds.normalized(feed)) ? Optional.empty()
                : Optional.of("Choose one of " + String.join(", ", AlpacaFeeds.NAMES));
    }

    /** Why a watchlist of {@code size} symbols is not accepted, or empty if it is. */
    public static Optional<String> watchlistSizeProblem(int size) {
        return size <= WatchlistViewModel.MAX_SYMBOLS ? Optional.empty()
                : Optional.of("The watchlist holds at most " + WatchlistViewModel.MAX_SYMBOLS
                        + " symbols, this has " + size);
    }

    /**
     * Why {@code zone} is neither {@code system} nor a known zone id, or empty if it is one. The
     * message quotes what was typed, as the watchlist's does its symbol: the settings dialog says it
     * at the foot of the tab, away from the field.
     */
    public static Optional<String> timeZoneProblem(String zone) {
        String text = normalisedTimeZone(zone);
        if (text.equals(SYSTEM_ZONE)) {
            return Optional.empty();
        }
        try {
            ZoneId.of(text);
            return Optional.empty();
        } catch (DateTimeException unknown) {
            return Optional.of("Unknown time zone '" + text + "': use \"system\" or a zone id such as America/New_York");
        }
    }

    /** Why {@code speed} is not a simulator speed, or empty if it is one. */
    public static Optional<String> simulatorSpeedProblem(double speed) {
        return speed > 0 && speed <= MAX_SIMULATOR_SPEED ? Optional.empty()
                : Optional.of("Must be above 0 and at most " + MAX_SIMULATOR_SPEED_TEXT);
    }

    /**
     * {@code system} for blank or any spelling of "system"; a region id in its own spelling
     * whatever the case typed ("america/new_york" is America/New_York, which ZoneId alone refuses);
     * otherwise the text without the spaces around it ({@link Spaces}, no-break ones too).
     */
    static String normalisedTimeZone(String zone) {
        String text = Spaces.trimmed(zone);
        if (text.isEmpty() || text.equalsIgnoreCase(SYSTEM_ZONE)) {
            return SYSTEM_ZONE;
        }
        return ZoneId.getAvailableZoneIds().stream().filter(id -> id.equalsIgnoreCase(text)).findFirst().orElse(text);
    }

    private static void rejectIfPresent(Optional<String> problem) {
        problem.ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
    }
}
