package dev.tradedesk.core;

/**
 * The volatility-adaptive StochRSI bands (docs/indicators.md), tested in the trading bot's order:
 * {@code ratio > s} widens them, else {@code ratio < 1/s} narrows them, else the bases; both are
 * finally clamped to {@code [0, 100]}. An undefined ratio gives undefined bands. Immutable and
 * thread-safe.
 */
public final class DynamicBands {

    private final double baseLower;
    private final double baseUpper;
    private final double sensitivity;
    private final double inverseSensitivity;

    public DynamicBands(IndicatorParameters parameters) {
        this.baseLower = parameters.baseLower();
        this.baseUpper = parameters.baseUpper();
        this.sensitivity = parameters.sensitivity();
        this.inverseSensitivity = 1 / parameters.sensitivity();
    }

    /** The lower band for a volatility ratio ({@code NaN} when the ratio is). */
    public double lower(double ratio) {
        if (Double.isNaN(ratio)) {
            return Double.NaN;
        }
        double lower;
        if (ratio > sensitivity) {
            lower = Math.max(baseLower - 30 * (ratio - 1), baseLower - 50);
        } else if (ratio < inverseSensitivity) {
            lower = Math.min(baseLower + 30 * (1 - ratio), baseLower + 10);
        } else {
            lower = baseLower;
        }
        return clamp(lower);
    }

    /** The upper band for a volatility ratio ({@code NaN} when the ratio is). */
    public double upper(double ratio) {
        if (Double.isNaN(ratio)) {
            return Double.NaN;
        }
        double upper;
        if (ratio > sensitivity) {
            upper = Math.min(baseUpper + 30 * (ratio - 1), baseUpper + 50);
        } else if (ratio < inverseSensitivity) {
            upper = Math.max(baseUpper - 30 * (1 - ratio), baseUpper - 10);
        } else {
            upper = baseUpper;
        }
        return clamp(upper);
    }

    private static double clamp(double band) {
        return Math.min(100, Math.max(0, band));
    }
}
