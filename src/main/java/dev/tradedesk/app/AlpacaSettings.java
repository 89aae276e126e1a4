package dev.tradedesk.app;

import dev.tradedesk.core.Secret;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Connection settings for Alpaca's Market Data API v2.
 *
 * @param keyId     the API key id ({@code APCA-API-KEY-ID}); empty means "take it from
 *                  {@code APCA_API_KEY_ID}"
 * @param secretKey the API secret ({@code APCA-API-SECRET-KEY}); never shown or logged
 * @param baseUrl   the data API host, {@code https://data.alpaca.markets} unless a proxy or a test
 *                  server stands in
 * @param feed      {@code iex} (free plan) or {@code sip}
 */
public record AlpacaSettings(Secret keyId, Secret secretKey, String baseUrl, String feed) {

    public static final String DEFAULT_BASE_URL = "https://data.alpaca.markets";
    private static final Set<String> FEEDS = Set.of("iex", "sip", "delayed_sip", "otc");

    public static final AlpacaSettings DEFAULTS =
            new AlpacaSettings(Secret.empty(), Secret.empty(), DEFAULT_BASE_URL, "iex");

    public AlpacaSettings {
        keyId = keyId == null ? Secret.empty() : keyId;
        secretKey = secretKey == null ? Secret.empty() : secretKey;
        baseUrl = validBaseUrl(baseUrl == null ? DEFAULT_BASE_URL : baseUrl.strip());
        feed = feed == null ? "iex" : feed.strip().toLowerCase(Locale.ROOT);
        if (!FEEDS.contains(feed)) {
            throw new IllegalArgumentException("unknown Alpaca feed '" + feed + "': use one of " + FEEDS);
        }
    }

    /**
     * {@code url} without a trailing slash and with its scheme in lower case. A scheme is read in
     * any case, as the settings dialog ({@code SettingsValues.baseUrlProblem}) and OkHttp read it:
     * refused here alone, "HTTPS://..." passed the dialog and failed its OK.
     */
    private static String validBaseUrl(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                String lowerScheme = scheme + url.substring(scheme.length());
                return lowerScheme.endsWith("/") ? lowerScheme.substring(0, lowerScheme.length() - 1) : lowerScheme;
            }
        } catch (IllegalArgumentException invalid) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException("baseUrl '" + url + "' must be an http(s) URL such as " + DEFAULT_BASE_URL);
    }
}
