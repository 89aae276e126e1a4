package dev.tradedesk.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tradedesk.core.PrintableText;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/**
 * One bar record as read from a provider body, before validation: the six values plus what was
 * missing or mistyped, and, for the log, the text of each unusable field as it was received.
 * Reused record after record by one parser. Confined to one thread.
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
    /** Fields whose text is kept in {@link #received}: those that could not be used. */
    private int unusable;
    private final String[] received = new String[FIELD_NAMES.length];

    public static final int TIME = 1;
    public static final int OPEN = 2;
    public static final int HIGH = 4;
    public static final int LOW = 8;
    public static final int CLOSE = 16;
    public static final int VOLUME = 32;
    private static final int ALL = TIME | OPEN | HIGH | LOW | CLOSE | VOLUME;
    /** Indexed by a field's bit position. */
    private static final String[] FIELD_NAMES = {"time", "open", "high", "low", "close", "volume"};
    /** Enough to recognise a value in the log; a provider's body may hold anything, of any length. */
    static final int MAX_RECEIVED_LENGTH = 40;
    /** Longer than any real price or volume; Jackson would parse a number of this length anyway. */
    private static final int MAX_DECIMAL_LENGTH = 64;
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity", "+Infinity");

    public void reset() {
        seen = 0;
        defect = null;
        unusable = 0;
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

    /**
     * Marks the record unusable because of {@code field}, whose value the parser is on: keeps that
     * value's text as received for the log. Call before skipping the value.
     */
    public void markDefect(String reason, int field, JsonParser json) throws IOException {
        if (defect == null) {
            defect = reason;
        }
        unusable |= field;
        received[Integer.numberOfTrailingZeros(field)] = receivedText(json);
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
            markDefect(RecordValidator.WRONG_TYPE, field, json);
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
                markDefect(RecordValidator.WRONG_TYPE, field, json);
                return;
            }
            try {
                set(field, Double.parseDouble(text));
            } catch (NumberFormatException notANumber) {
                markDefect(RecordValidator.WRONG_TYPE, field, json);
            }
        } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            set(field, json.getDoubleValue());
        } else {
            markDefect(RecordValidator.WRONG_TYPE, field, json);
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

    /**
     * The record as read, for a log sample: each value as parsed, its time as an instant where it is
     * one (so a reader need not convert), an unusable value as the text received
     * ({@code open="12,5"}) and a field never read as {@code (missing)}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < FIELD_NAMES.length; index++) {
            int field = 1 << index;
            text.append(index == 0 ? "" : " ").append(FIELD_NAMES[index]).append('=');
            if ((unusable & field) != 0) {
                text.append(received[index]);
            } else if ((seen & field) == 0) {
                text.append("(missing)");
            } else if (field == TIME) {
                text.append(readableTime(time));
            } else {
                text.append(value(field));
            }
        }
        return text.toString();
    }

    private double value(int field) {
        return switch (field) {
            case OPEN -> open;
            case HIGH -> high;
            case LOW -> low;
            case CLOSE -> close;
            default -> volume;
        };
    }

    /**
     * The JSON value the parser is on, as it stood in the body: a string in quotes, with control
     * characters escaped so that it stays on one log line; a number, {@code true} or {@code null} as
     * written; an object or a list as {@code {…}} or {@code […]}. At most {@value #MAX_RECEIVED_LENGTH}
     * characters of it.
     */
    public static String receivedText(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token == null) {
            return "(nothing)";
        }
        return switch (token) {
            case START_OBJECT -> "{…}";
            case START_ARRAY -> "[…]";
            case VALUE_STRING -> quoted(json.getText());
            default -> bounded(json.getText());
        };
    }

    /** A string received, for the log: in quotes, control characters escaped, at most {@value #MAX_RECEIVED_LENGTH} characters of it. */
    public static String quoted(String text) {
        StringBuilder escaped = new StringBuilder("\"");
        for (int i = 0; i < text.length() && i < MAX_RECEIVED_LENGTH; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else {
                PrintableText.append(escaped, c);
            }
        }
        return escaped.append(text.length() > MAX_RECEIVED_LENGTH ? "…\"" : "\"").toString();
    }

    private static String bounded(String text) {
        return text.length() <= MAX_RECEIVED_LENGTH ? text : text.substring(0, MAX_RECEIVED_LENGTH) + "…";
    }

    private static String readableTime(long millis) {
        return millis > 0 && millis <= MAX_READABLE_MILLIS ? Instant.ofEpochMilli(millis) + " (" + millis + ")" : Long.toString(millis);
    }
}
