package dev.tradedesk.feed.coinbase;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.ProviderHttp;
import dev.tradedesk.feed.RawBar;
import dev.tradedesk.feed.RecordValidator;
import java.io.IOException;

/**
 * Streams a Coinbase Exchange {@code /products/{id}/candles} body with Jackson's parser: a list of
 * rows {@code [time, low, high, open, close, volume]}, all JSON numbers, the time in epoch seconds,
 * newest first. Prices and volumes written as plain decimal strings ({@code "38000.01"}, as Coinbase's
 * other APIs and Binance write them) are read as the numbers they spell; the time must be a number.
 * Elements after the sixth are ignored. Each row is validated and dropped (and
 * counted) if bad, while the rest of the body is kept; a body that is not a JSON list of lists
 * fails as a whole. One instance per body; not thread-safe.
 */
final class CoinbaseCandlesParser {

    private static final int TIME = 0;
    private static final int VOLUME = 5;

    private final RecordValidator validator;
    private final Symbol product;
    private final long fromMillis;
    private final long toMillis;
    private final RawBar raw = new RawBar();

    /** Rows of {@code product} opening outside {@code [fromMillis, toMillis]} are dropped as outside the requested range. */
    CoinbaseCandlesParser(RecordValidator validator, Symbol product, long fromMillis, long toMillis) {
        this.validator = validator;
        this.product = product;
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
    }

    /** Appends the valid rows to {@code into} in body order, that is newest first; returns the rows read, valid or not. */
    int parse(JsonParser json, BarColumns into) throws IOException {
        if (json.nextToken() != JsonToken.START_ARRAY) {
            throw new JsonParseException(json, "expected a list of candles but found " + json.currentToken());
        }
        int rows = 0;
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonParseException(json, "the body ends inside the list of candles");
            }
            rows++;
            if (token != JsonToken.START_ARRAY) {
                validator.reject(RecordValidator.WRONG_TYPE, product, "a candle that is not a list: " + RawBar.receivedText(json));
                ProviderHttp.skipValue(json);
            } else if (readCandle(json)) {
                into.add(raw.time, raw.open, raw.high, raw.low, raw.close, raw.volume);
            }
        }
        if (json.nextToken() != null) {
            throw new JsonParseException(json, "unexpected content after the list of candles");
        }
        return rows;
    }

    /** Reads one row (the parser is on its START_ARRAY); returns whether it is a valid bar. */
    private boolean readCandle(JsonParser json) throws IOException {
        raw.reset();
        int index = 0;
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonParseException(json, "the body ends inside a candle");
            }
            switch (index) {
                case TIME -> readTime(json);
                case 1 -> raw.readDecimalText(json, RawBar.LOW);
                case 2 -> raw.readDecimalText(json, RawBar.HIGH);
                case 3 -> raw.readDecimalText(json, RawBar.OPEN);
                case 4 -> raw.readDecimalText(json, RawBar.CLOSE);
                case VOLUME -> raw.readDecimalText(json, RawBar.VOLUME);
                default -> ProviderHttp.skipValue(json);
            }
            index++;
        }
        return validator.accept(raw, product, fromMillis, toMillis);
    }

    /** An integral JSON number of epoch seconds; anything else marks the row as unusable. */
    private void readTime(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT) {
            raw.markDefect(token == JsonToken.VALUE_NUMBER_FLOAT ? RecordValidator.BAD_TIMESTAMP : RecordValidator.WRONG_TYPE,
                    RawBar.TIME, json);
            ProviderHttp.skipValue(json);
            return;
        }
        JsonParser.NumberType type = json.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            raw.markDefect(RecordValidator.BAD_TIMESTAMP, RawBar.TIME, json);
            return;
        }
        try {
            raw.setTime(Math.multiplyExact(json.getLongValue(), 1000L));
        } catch (ArithmeticException beyondAnyDate) {
            raw.markDefect(RecordValidator.BAD_TIMESTAMP, RawBar.TIME, json);
        }
    }
}
