package dev.tradedesk.feed.alpaca;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.Rfc3339;
import dev.tradedesk.feed.ProviderHttp;
import dev.tradedesk.feed.RawBar;
import dev.tradedesk.feed.RecordValidator;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Streams Alpaca's bar bodies with Jackson's parser: {@code {"bars":{"AAPL":[...]},
 * "next_page_token":...}} (history), {@code {"bars":{"AAPL":{...}}}} (latest) and the single-symbol
 * form {@code {"bars":[...],"symbol":"AAPL"}}; {@code "bars": null} means no data. Unknown fields
 * are skipped; each record is validated and dropped (and counted) if bad, while the rest of the
 * body is kept. A body that is not JSON of this shape fails as a whole. One instance per body.
 */
final class AlpacaBarsParser {

    private final RecordValidator validator;
    private final Set<Symbol> requested;
    private final long fromMillis;
    private final long toMillis;
    private final RawBar raw = new RawBar();
    private final Set<Symbol> invalidLatest = new HashSet<>();

    AlpacaBarsParser(RecordValidator validator, Set<Symbol> requested, long fromMillis, long toMillis) {
        this.validator = validator;
        this.requested = requested;
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
    }

    /** Appends one history page to {@code into}; returns the next page token, or null on the last page. */
    String parseHistoryPage(JsonParser json, Map<Symbol, BarColumns> into) throws IOException {
        expect(json, json.nextToken(), JsonToken.START_OBJECT);
        String nextPageToken = null;
        String singleSymbol = null;
        boolean sawBars = false;
        BarColumns singleSymbolBars = new BarColumns(0);
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            sawBars |= "bars".equals(field);
            if ("bars".equals(field) && value == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    Symbol symbol = symbolOf(json.currentName());
                    JsonToken bars = json.nextToken();
                    if (bars == JsonToken.START_ARRAY) {
                        readArray(json, symbol, symbol == null ? null : into.computeIfAbsent(symbol, key -> new BarColumns(16)));
                    } else if (bars != JsonToken.VALUE_NULL) {
                        throw malformed(json, "expected a list of bars for " + json.currentName());
                    }
                }
            } else if ("bars".equals(field) && value == JsonToken.START_ARRAY) {
                // The "symbol" field may come after the bars: a dropped one is pinned on the only symbol asked, if one.
                readArray(json, requested.size() == 1 ? requested.iterator().next() : null, singleSymbolBars);
            } else if ("bars".equals(field) && value != JsonToken.VALUE_NULL) {
                throw malformed(json, "\"bars\" is neither an object, a list nor null");
            } else if ("symbol".equals(field) && value == JsonToken.VALUE_STRING) {
                singleSymbol = json.getText();
            } else if ("next_page_token".equals(field)) {
                nextPageToken = pageToken(json, value);
            } else {
                ProviderHttp.skipValue(json);
            }
        }
        expectEnd(json);
        expectBars(json, sawBars);
        if (!singleSymbolBars.isEmpty()) {
            Symbol symbol = singleSymbol == null ? withoutItsSymbol(singleSymbolBars) : symbolOf(singleSymbol);
            if (symbol != null) {
                BarColumns target = into.computeIfAbsent(symbol, key -> new BarColumns(singleSymbolBars.size()));
                for (int i = 0; i < singleSymbolBars.size(); i++) {
                    target.add(singleSymbolBars.time(i), singleSymbolBars.open(i), singleSymbolBars.high(i),
                            singleSymbolBars.low(i), singleSymbolBars.close(i), singleSymbolBars.volume(i));
                }
            }
        }
        return nextPageToken;
    }

    /**
     * A page token as sent: a string, or null on the last page. Anything else cannot be sent back,
     * and taking it for the last page would end the history early with its later pages never read.
     */
    private static String pageToken(JsonParser json, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw malformed(json, "next_page_token is neither a string nor null but " + RawBar.receivedText(json));
        }
        return json.getText();
    }

    /**
     * Single-symbol bars whose body names no symbol: they cannot be told apart, so each is dropped
     * and pinned on every symbol asked, whose range is then fetched again rather than taken as read.
     */
    private Symbol withoutItsSymbol(BarColumns bars) {
        for (int i = 0; i < bars.size(); i++) {
            validator.reject(RecordValidator.MISSING_FIELD, null, "a bar without the \"symbol\" it is of: " + bars.bar(i));
        }
        return null;
    }

    /** Reads {@code {"bars":{"AAPL":{bar},...}}}. */
    Map<Symbol, Bar> parseLatest(JsonParser json) throws IOException {
        expect(json, json.nextToken(), JsonToken.START_OBJECT);
        Map<Symbol, Bar> latest = new HashMap<>();
        boolean sawBars = false;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            sawBars |= "bars".equals(field);
            if ("bars".equals(field) && value == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    Symbol symbol = symbolOf(json.currentName());
                    JsonToken bar = json.nextToken();
                    if (bar == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    if (bar != JsonToken.START_OBJECT) {
                        // One symbol's broken record must not cost the other symbols of the batch their bars.
                        validator.reject(RecordValidator.WRONG_TYPE, symbol,
                                "a latest bar that is not an object: " + RawBar.receivedText(json));
                        ProviderHttp.skipValue(json);
                        invalid(symbol);
                        continue;
                    }
                    if (readBar(json, symbol) && symbol != null) {
                        latest.put(symbol, new Bar(raw.time, raw.open, raw.high, raw.low, raw.close, raw.volume));
                    } else {
                        invalid(symbol);
                    }
                }
            } else if ("bars".equals(field) && value != JsonToken.VALUE_NULL) {
                throw malformed(json, "\"bars\" is not an object");
            } else {
                ProviderHttp.skipValue(json);
            }
        }
        expectEnd(json);
        expectBars(json, sawBars);
        return latest;
    }

    /** The requested symbols whose latest record {@link #parseLatest} dropped. */
    Set<Symbol> invalidLatest() {
        return invalidLatest;
    }

    private void invalid(Symbol symbol) {
        if (symbol != null) {
            invalidLatest.add(symbol);
        }
    }

    /** Reads a list of {@code symbol}'s bars ({@code null}: not one asked for) into {@code into}, if any. */
    private void readArray(JsonParser json, Symbol symbol, BarColumns into) throws IOException {
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw malformed(json, "the body ends inside a list of bars");
            }
            if (token != JsonToken.START_OBJECT) {
                validator.reject(RecordValidator.WRONG_TYPE, symbol, "a bar that is not an object: " + RawBar.receivedText(json));
                ProviderHttp.skipValue(json);
                continue;
            }
            if (readBar(json, symbol) && into != null) {
                into.add(raw.time, raw.open, raw.high, raw.low, raw.close, raw.volume);
            }
        }
    }

    /** Reads one bar object (the parser is on its START_OBJECT); returns whether it is valid. */
    private boolean readBar(JsonParser json, Symbol symbol) throws IOException {
        raw.reset();
        JsonToken token;
        while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "t" -> readTime(json);
                case "o" -> raw.readNumber(json, RawBar.OPEN);
                case "h" -> raw.readNumber(json, RawBar.HIGH);
                case "l" -> raw.readNumber(json, RawBar.LOW);
                case "c" -> raw.readNumber(json, RawBar.CLOSE);
                case "v" -> raw.readNumber(json, RawBar.VOLUME);
                default -> ProviderHttp.skipValue(json);
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw malformed(json, "the body ends inside a bar");
        }
        return validator.accept(raw, symbol, fromMillis, toMillis);
    }

    private void readTime(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            raw.markDefect(RecordValidator.WRONG_TYPE, RawBar.TIME, json);
            ProviderHttp.skipValue(json);
            return;
        }
        try {
            raw.setTime(Rfc3339.toEpochMillis(json.getText()));
        } catch (DateTimeParseException | ArithmeticException unreadable) {
            raw.markDefect(RecordValidator.BAD_TIMESTAMP, RawBar.TIME, json);
        }
    }

    private Symbol symbolOf(String text) {
        try {
            Symbol symbol = Symbol.of(text);
            if (requested.contains(symbol)) {
                return symbol;
            }
        } catch (IllegalArgumentException invalid) {
            // counted below like any other symbol we did not ask for
        }
        validator.reject(RecordValidator.UNREQUESTED_SYMBOL, null, "bars for " + RawBar.quoted(text));
        return null;
    }

    private static void expect(JsonParser json, JsonToken actual, JsonToken expected) throws JsonParseException {
        if (actual != expected) {
            throw malformed(json, "expected " + expected + " but found " + actual);
        }
    }

    private static void expectEnd(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.END_OBJECT) {
            throw malformed(json, "the body ends before the closing brace");
        }
        if (json.nextToken() != null) {
            throw malformed(json, "unexpected content after the closing brace");
        }
    }

    /**
     * No data is {@code "bars": {}} or {@code null}; a body without the field at all (a proxy's
     * {@code {"message":...}} with 200) says nothing about the symbols, so it is not read as none.
     */
    private static void expectBars(JsonParser json, boolean sawBars) throws JsonParseException {
        if (!sawBars) {
            throw malformed(json, "no \"bars\" in the answer");
        }
    }

    private static JsonParseException malformed(JsonParser json, String message) {
        return new JsonParseException(json, message);
    }
}
