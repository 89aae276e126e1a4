package dev.tradedesk.feed.alpaca;

import java.util.List;

/**
 * The feeds Alpaca's bars endpoints accept, as the {@code feed} parameter names them. One list for
 * the settings file and the settings dialog, which had each written their own.
 */
public final class AlpacaFeeds {

    /** Lower case, in the order the settings dialog offers them: {@code iex}, the free plan's, first. */
    public static final List<String> NAMES = List.of("iex", "sip", "delayed_sip", "otc");

    private AlpacaFeeds() {
    }
}
