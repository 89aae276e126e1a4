package dev.tradedesk.core;

/**
 * The outputs of the indicator set, in the column order of docs/indicators.md; {@link #column()} is
 * the CSV header name. Rings and batch columns are indexed by {@link #ordinal()}.
 */
public enum Indicator {
    RSI("rsi"),
    STOCH_K("stoch_k"),
    STOCH_D("stoch_d"),
    ATR("atr"),
    ATR_MA("atr_ma"),
    VOLATILITY_RATIO("volatility_ratio"),
    BAND_LOWER("band_lower"),
    BAND_UPPER("band_upper"),
    VOLUME_SMA("volume_sma"),
    RELATIVE_VOLUME("relative_volume");

    /** Number of outputs, so code can size arrays without {@code values()} (which allocates). */
    public static final int COUNT = 10;

    private static final Indicator[] ALL = values();

    private final String column;

    Indicator(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    /** The output at {@code ordinal}, without allocating. */
    public static Indicator at(int ordinal) {
        return ALL[ordinal];
    }
}
