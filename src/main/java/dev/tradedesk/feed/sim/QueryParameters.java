package dev.tradedesk.feed.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The query parameters of one request, decoded as a browser or OkHttp encodes them. Immutable. */
final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static QueryParameters parse(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.put(name, value);
            }
        }
        return new QueryParameters(values);
    }

    /** Decodes {@code %XX} and {@code +}; a raw {@code +} in a time offset therefore breaks it, as on Alpaca. */
    static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new AlpacaRequestException(400, "malformed query string");
        }
    }

    String get(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Rejects any parameter outside {@code allowed}, as Alpaca does ("unexpected parameter"). */
    void requireOnly(Set<String> allowed) {
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw new AlpacaRequestException(400, "unexpected parameter: " + name);
            }
        }
    }
}
