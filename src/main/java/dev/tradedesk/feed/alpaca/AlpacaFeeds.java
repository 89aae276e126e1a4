package dev.tradedesk.feed.alpaca;

import dev.tradedesk.core.Spaces;
import java.util.List;
import java.util.Locale;

/**
 * The feeds Alpaca's bars endpoints accept, as the {@code feed} parameter names them. One list for
 * the settings file and the settings dialog, which had each written their own.
 */
public final class AlpacaFeeds {

    /** Lower case, in the order the settings dialog offers them: {@code iex}, the free plan's, first. */
    public static final List<String> NAMES = List.of("iex", "sip", "delayed_sip", "otc");

    private AlpacaFeeds() {
    }

    /**
     * {@code text} as {@link #NAMES} writes feeds: without the spaces around it ({@link Spaces}), in
     * lower case; {@code null} is empty. Whether it is one of them is the caller's check.
     */
    public static String normalized(String text) {
        return Spaces.trimmed(text).toLowerCase(Locale.ROOT);
    }
}
