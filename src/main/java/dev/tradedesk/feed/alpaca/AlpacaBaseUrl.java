package dev.tradedesk.feed.alpaca;

import dev.tradedesk.core.InvalidFieldException;
import dev.tradedesk.core.Spaces;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What TradeDesk takes as the base of Alpaca's data API: an http(s) URL with a host, its scheme in
 * any case. One rule for the settings dialog and the settings file; two copies of it had drifted
 * apart ("HTTPS://..." passed the dialog and failed its OK).
 */
public final class AlpacaBaseUrl {

    public static final String DEFAULT = "https://data.alpaca.markets";

    private AlpacaBaseUrl() {
    }

    /** Why {@code url} cannot be the API's base, in words for the settings dialog; empty if it can. */
    public static Optional<String> problem(String url) {
        String text = Spaces.trimmed(url);
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.of("Enter an http(s) URL such as " + DEFAULT);
            }
            // The HTTP client's thread names and failures carry the URL into the log, where only the
            // key and the secret are masked.
            if (uri.getRawUserInfo() != null) {
                return Optional.of("Leave the user name and password out of the URL: they would be written"
                        + " to the log (the key and secret have fields of their own)");
            }
            // java.net.URI takes any digits as a port, and OkHttp refuses what it took.
            if (uri.getPort() == 0 || uri.getPort() > 65_535) {
                return Optional.of("A port is a number from 1 to 65535");
            }
            return Optional.empty();
        } catch (URISyntaxException invalid) {
            return Optional.of("Enter an http(s) URL such as " + DEFAULT);
        }
    }

    /**
     * {@code url} without the spaces around it ({@link Spaces}), its scheme in lower case and without
     * a trailing slash.
     *
     * @throws IllegalArgumentException saying {@link #problem} if it cannot be the API's base; the
     *         URL itself is quoted only when it holds no user name or password
     */
    public static String normalized(String url) {
        String text = Spaces.trimmed(url);
        Optional<String> problem = problem(text);
        if (problem.isPresent()) {
            String quoted = text.contains("@") ? "" : " '" + text + "'";
            throw new InvalidFieldException("baseUrl", "baseUrl" + quoted + ": " + problem.get());
        }
        int schemeEnd = text.indexOf(':');
        String lowerScheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT) + text.substring(schemeEnd);
        return lowerScheme.endsWith("/") ? lowerScheme.substring(0, lowerScheme.length() - 1) : lowerScheme;
    }
}
