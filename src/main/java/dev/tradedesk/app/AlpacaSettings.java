package dev.tradedesk.app;

import dev.tradedesk.core.InvalidFieldException;
import dev.tradedesk.core.Secret;
import dev.tradedesk.feed.alpaca.AlpacaBaseUrl;
import dev.tradedesk.feed.alpaca.AlpacaFeeds;

/**
 * Connection settings for Alpaca's Market Data API v2.
 *
 * @param keyId     the API key id ({@code APCA-API-KEY-ID}); empty means "take it from
 *                  {@code APCA_API_KEY_ID}"
 * @param secretKey the API secret ({@code APCA-API-SECRET-KEY}); never shown or logged
 * @param baseUrl   the data API host, {@code https://data.alpaca.markets} unless a proxy or a test
 *                  server stands in
 * @param feed      {@code iex} (free plan), {@code sip} or another of {@link AlpacaFeeds#NAMES}
 */
public record AlpacaSettings(Secret keyId, Secret secretKey, String baseUrl, String feed) {

    public static final AlpacaSettings DEFAULTS =
            new AlpacaSettings(Secret.empty(), Secret.empty(), AlpacaBaseUrl.DEFAULT, "iex");

    public AlpacaSettings {
        keyId = keyId == null ? Secret.empty() : keyId;
        secretKey = secretKey == null ? Secret.empty() : secretKey;
        baseUrl = AlpacaBaseUrl.normalized(baseUrl == null ? AlpacaBaseUrl.DEFAULT : baseUrl);
        feed = feed == null ? "iex" : AlpacaFeeds.normalized(feed);
        if (!AlpacaFeeds.NAMES.contains(feed)) {
            throw new InvalidFieldException("feed", "unknown Alpaca feed '" + feed + "': use one of " + AlpacaFeeds.NAMES);
        }
    }
}
