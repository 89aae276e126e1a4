package dev.tradedesk.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/**
 * One bar record as read from a provider body, before validation: the six values plus what was
 * missing or mistyped. Reused record after record by one parser. Confined to one thread.
 */
public final class RawBar {

    /** 9999-12-31T23:59:59.999Z: later times are shown as the number they are. */
    private static final long MAX_READABLE_MILLIS = 253_402_300_799_999L;

    public long time;
    public double open;
    public double high;
    public double low;
    public double close;
    public double volume;
    private int seen;
    private String defect;

    public static final int TIME = 1;
    public static final int OPEN = 2;
    public static final int HIGH = 4;
    public static final int LOW = 8;
    public static final int CLOSE = 16;
    public static final int VOLUME = 32;
    private static final int ALL = TIME | OPEN | HIGH | LOW | CLOSE | VOLUME;
    /** Longer than any real price or volume; Jackson would parse a number of this length anyway. */
    private static final int MAX_DECIMAL_LENGTH = 64;
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity", "+Infinity");

    public void reset() {
        seen = 0;
        defect = null;
    }

    public void set(int field, double value) {
        switch (field) {
            case OPEN -> open = value;
            case HIGH -> high = value;
            case LOW -> low = value;
            case CLOSE -> close = value;
            case VOLUME -> volume = value;
            default -> throw new IllegalArgumentException("not a price field: " + field);
        }
        seen |= field;
    }

    public void setTime(long epochMillis) {
        time = epochMillis;
        seen |= TIME;
    }

    public void markDefect(String reason) {
        if (defect == null) {
            defect = reason;
        }
    }

    /** Why the record cannot be used before value checks (a field missing or mistyped), or null. */
    public String readDefect() {
        if (defect != null) {
            return defect;
        }
        return seen == ALL ? null : RecordValidator.MISSING_FIELD;
    }

    /** Reads a JSON number into {@code field}; anything else marks the record as mistyped. */
    public void readNumber(JsonParser json, int field) throws IOException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            set(field, json.getDoubleValue());
        } else {
            markDefect(RecordValidator.WRONG_TYPE);
            ProviderHttp.skipValue(json);
        }
    }

    /** Reads a decimal given as a JSON string (Binance, Coinbase tickers) into {@code field}. */
    public void readDecimalText(JsonParser json, int field) throws IOException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            String text = json.getText();
            if (!isPlainDecimal(text) && !NON_FINITE.contains(text)) {
                // Double.parseDouble would also take " 1 ", "1f" and "0x1p3": not what a provider sends.
                // NaN and Infinity get through to be rejected by the bar check, which names them better.
                markDefect(RecordValidator.WRONG_TYPE);
                return;
            }
            try {
                set(field, Double.parseDouble(text));
            } catch (NumberFormatException notANumber) {
                markDefect(RecordValidator.WRONG_TYPE);
            }
        } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            set(field, json.getDoubleValue());
        } else {
            markDefect(RecordValidator.WRONG_TYPE);
            ProviderHttp.skipValue(json);
        }
    }

    /** Digits with at most a sign, a point and an exponent, as decimal strings are sent; the parse decides the rest. */
    private static boolean isPlainDecimal(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_DECIMAL_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }

    /** The record as read, for a log sample: its time as an instant where it is one, so a reader need not convert. */
    @Override
    public String toString() {
        return "time=" + readableTime(time) + " open=" + open + " high=" + high + " low=" + low + " close=" + close
                + " volume=" + volume;
    }

    private static String readableTime(long millis) {
        return millis > 0 && millis <= MAX_READABLE_MILLIS ? Instant.ofEpochMilli(millis) + " (" + millis + ")" : Long.toString(millis);
    }
}
