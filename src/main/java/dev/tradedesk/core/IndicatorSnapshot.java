package dev.tradedesk.core;

/**
 * The latest bar of a series and its indicator values, as published to other threads (the UI, the
 * store). Built outside the per-tick hot path, once per publish. {@code NaN} means undefined.
 * Immutable and thread-safe.
 *
 * @param key     the series
 * @param index   absolute index of the bar since the series began
 * @param forming whether the bar is still open (its values change until it closes)
 */
public record IndicatorSnapshot(
        SeriesKey key, long index, boolean forming,
        long time, double open, double high, double low, double close, double volume,
        double rsi, double stochK, double stochD, double atr, double atrMa, double volatilityRatio,
        double bandLower, double bandUpper, double volumeSma, double relativeVolume) {

    /** The value of {@code indicator} in this snapshot. */
    public double value(Indicator indicator) {
        return switch (indicator) {
            case RSI -> rsi;
            case STOCH_K -> stochK;
            case STOCH_D -> stochD;
            case ATR -> atr;
            case ATR_MA -> atrMa;
            case VOLATILITY_RATIO -> volatilityRatio;
            case BAND_LOWER -> bandLower;
            case BAND_UPPER -> bandUpper;
            case VOLUME_SMA -> volumeSma;
            case RELATIVE_VOLUME -> relativeVolume;
        };
    }
}
