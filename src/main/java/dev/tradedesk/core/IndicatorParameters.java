package dev.tradedesk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of the indicator set, with the trading bot's defaults (see docs/indicators.md in
 * the shared reference): Wilder RSI, StochRSI %K/%D, Wilder ATR, the ATR moving average behind
 * the volatility ratio, the dynamic StochRSI bands and the volume SMA.
 *
 * <p>Validated at construction; every problem is reported at once, each naming its field, and the
 * exception lists the fields refused ({@link InvalidFieldException#fields()}).
 * Immutable and thread-safe.
 *
 * @param rsiPeriod    RSI look-back n (default 14)
 * @param stochPeriod  StochRSI min/max window m over RSI values, at least 2 (default 14)
 * @param kSmoothing   SMA length of %K over the raw StochRSI (default 3)
 * @param dSmoothing   SMA length of %D over %K (default 3)
 * @param atrPeriod    Wilder ATR period (default 14)
 * @param atrMaPeriod  SMA length over ATR for the volatility ratio (default 20)
 * @param baseLower    lower band at normal volatility, on the 0..100 StochRSI scale (default 35)
 * @param baseUpper    upper band at normal volatility (default 100)
 * @param sensitivity  volatility ratio threshold s in (0, 1] (default 0.7)
 * @param volumePeriod SMA length of volume for relative volume (default 20)
 */
public record IndicatorParameters(
        int rsiPeriod,
        int stochPeriod,
        int kSmoothing,
        int dSmoothing,
        int atrPeriod,
        int atrMaPeriod,
        double baseLower,
        double baseUpper,
        double sensitivity,
        int volumePeriod) {

    /** Longest period accepted: far beyond any trading use, small enough to keep buffers sane. */
    public static final int MAX_PERIOD = 10_000;

    public static final IndicatorParameters DEFAULTS =
            new IndicatorParameters(14, 14, 3, 3, 14, 20, 35, 100, 0.7, 20);

    public IndicatorParameters {
        List<String> problems = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        checkPeriod(problems, refused, "rsiPeriod", rsiPeriod);
        // One RSI value has no range to place it in: %K and %D were never defined, and nothing said why.
        checkPeriod(problems, refused, "stochPeriod", stochPeriod, 2);
        checkPeriod(problems, refused, "kSmoothing", kSmoothing);
        checkPeriod(problems, refused, "dSmoothing", dSmoothing);
        checkPeriod(problems, refused, "atrPeriod", atrPeriod);
        checkPeriod(problems, refused, "atrMaPeriod", atrMaPeriod);
        checkPeriod(problems, refused, "volumePeriod", volumePeriod);
        checkBase(problems, refused, "baseLower", baseLower);
        checkBase(problems, refused, "baseUpper", baseUpper);
        if (isBase(baseLower) && isBase(baseUpper) && baseLower >= baseUpper) {
            problems.add("baseLower (" + baseLower + ") must be below baseUpper (" + baseUpper + ")");
            refused.addAll(List.of("baseLower", "baseUpper"));
        }
        if (!(sensitivity > 0 && sensitivity <= 1)) {
            problems.add("sensitivity must be in (0, 1], was " + sensitivity);
            refused.add("sensitivity");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(refused, "invalid indicator parameters: " + String.join("; ", problems));
        }
    }

    private static void checkPeriod(List<String> problems, List<String> refused, String name, int period) {
        checkPeriod(problems, refused, name, period, 1);
    }

    private static void checkPeriod(List<String> problems, List<String> refused, String name, int period, int least) {
        if (period < least || period > MAX_PERIOD) {
            problems.add(name + " must be between " + least + " and " + MAX_PERIOD + ", was " + period);
            refused.add(name);
        }
    }

    private static void checkBase(List<String> problems, List<String> refused, String name, double base) {
        if (!isBase(base)) {
            problems.add(name + " must be within [0, 100], was " + base);
            refused.add(name);
        }
    }

    private static boolean isBase(double value) {
        return value >= 0 && value <= 100;
    }
}
