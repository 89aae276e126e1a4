package dev.tradedesk.feed.binance;

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
 * Streams a Binance {@code /api/v3/klines} body with Jackson's parser: a list of rows
 * {@code [openTime, "open", "high", "low", "close", "volume", closeTime, "quoteVolume", trades,
 * "takerBase", "takerQuote", "unused"]}, times in epoch milliseconds, prices and volumes as decimal
 * strings (plain numbers are accepted too). Only the first six elements are read. Each row is
 * validated and dropped (and counted) if bad, while the rest of the body is kept; a body that is
 * not a JSON list of lists fails as a whole. One instance per body; not thread-safe.
 */
final class BinanceKlinesParser {

    /** What paging needs to know about one body: how many rows it had and the latest open time among them. */
    record Page(int rows, long latestOpenTime) {

        /** {@code latestOpenTime} when no row of the page had a readable open time. */
        static final long NO_OPEN_TIME = Long.MIN_VALUE;
    }

    private static final int OPEN_TIME = 0;
    private static final int VOLUME = 5;

    private final RecordValidator validator;
    private final Symbol symbol;
    private final long fromMillis;
    private final long toMillis;
    private final RawBar raw = new RawBar();
    private long latestOpenTime;

    /** Rows of {@code symbol} opening outside {@code [fromMillis, toMillis]} are dropped as outside the requested range. */
    BinanceKlinesParser(RecordValidator validator, Symbol symbol, long fromMillis, long toMillis) {
        this.validator = validator;
        this.symbol = symbol;
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
    }

    /** Appends the valid rows to {@code into}, in body order (Binance sends them oldest first). */
    Page parse(JsonParser json, BarColumns into) throws IOException {
        if (json.nextToken() != JsonToken.START_ARRAY) {
            throw new JsonParseException(json, "expected a list of klines but found " + json.currentToken());
        }
        int rows = 0;
        latestOpenTime = Page.NO_OPEN_TIME;
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonParseException(json, "the body ends inside the list of klines");
            }
            rows++;
            if (token != JsonToken.START_ARRAY) {
                validator.reject(RecordValidator.WRONG_TYPE, symbol, "a kline that is not a list: " + RawBar.receivedText(json));
                ProviderHttp.skipValue(json);
            } else if (readKline(json)) {
                into.add(raw.time, raw.open, raw.high, raw.low, raw.close, raw.volume);
            }
        }
        if (json.nextToken() != null) {
            throw new JsonParseException(json, "unexpected content after the list of klines");
        }
        return new Page(rows, latestOpenTime);
    }

    /** Reads one row (the parser is on its START_ARRAY); returns whether it is a valid bar. */
    private boolean readKline(JsonParser json) throws IOException {
        raw.reset();
        int index = 0;
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonParseException(json, "the body ends inside a kline");
            }
            switch (index) {
                case OPEN_TIME -> readOpenTime(json);
                case 1 -> raw.readDecimalText(json, RawBar.OPEN);
                case 2 -> raw.readDecimalText(json, RawBar.HIGH);
                case 3 -> raw.readDecimalText(json, RawBar.LOW);
                case 4 -> raw.readDecimalText(json, RawBar.CLOSE);
                case VOLUME -> raw.readDecimalText(json, RawBar.VOLUME);
                default -> ProviderHttp.skipValue(json);
            }
            index++;
        }
        return validator.accept(raw, symbol, fromMillis, toMillis);
    }

    /** An integral JSON number of epoch milliseconds; anything else marks the row as unusable. */
    private void readOpenTime(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT) {
            raw.markDefect(token == JsonToken.VALUE_NUMBER_FLOAT ? RecordValidator.BAD_TIMESTAMP : RecordValidator.WRONG_TYPE,
                    RawBar.TIME, json);
            ProviderHttp.skipValue(json);
        } else if (json.getNumberType() != JsonParser.NumberType.INT && json.getNumberType() != JsonParser.NumberType.LONG) {
            raw.markDefect(RecordValidator.BAD_TIMESTAMP, RawBar.TIME, json);
        } else {
            raw.setTime(json.getLongValue());
            latestOpenTime = Math.max(latestOpenTime, raw.time);
        }
    }
}
