package dev.tradedesk.core;

import java.util.Objects;

/** Identifies one bar series: a symbol at a timeframe. Immutable. */
public record SeriesKey(Symbol symbol, Timeframe timeframe) {

    public SeriesKey {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timeframe, "timeframe");
    }

    public static SeriesKey of(String symbol, Timeframe timeframe) {
        return new SeriesKey(Symbol.of(symbol), timeframe);
    }

    @Override
    public String toString() {
        return symbol + "/" + timeframe;
    }
}
