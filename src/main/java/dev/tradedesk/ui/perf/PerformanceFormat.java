package dev.tradedesk.ui.perf;

import java.util.Locale;

/**
 * How the performance panel writes numbers: about three significant digits, a dash for unknown
 * (NaN). Stateless and thread-safe.
 */
final class PerformanceFormat {

    static final String UNKNOWN = "–";
    private static final double[] ROUND_STEPS = {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};

    private PerformanceFormat() {
    }

    /** Milliseconds: "0.042", "1.25", "12.5", "125". */
    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return UNKNOWN;
        }
        if (ms == 0) {
            return "0";
        }
        String pattern = ms < 1 ? "%.3f" : ms < 10 ? "%.2f" : ms < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, ms);
    }

    /** A rate of 0..1 as a percentage: "97.5 %". */
    static String percent(double rate) {
        return Double.isNaN(rate) ? UNKNOWN : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    /** Frames per second: "59.8". */
    static String perSecond(double value) {
        return Double.isNaN(value) ? UNKNOWN : String.format(Locale.ROOT, "%.1f", value);
    }

    /** "412 / 1024 MB". */
    static String heap(double usedMb, double maxMb) {
        return whole(usedMb) + " / " + whole(maxMb) + " MB";
    }

    /** "3 × 12.5 ms": collections and their total pause; "none" when there were none. */
    static String gc(long count, double pauseMs) {
        return count == 0 && !(pauseMs > 0) ? "none" : count + " × " + millis(pauseMs) + " ms";
    }

    /**
     * The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or
     * above {@code value}, for an axis maximum; {@code fallback} when value is not a positive number.
     */
    static double niceCeiling(double value, double fallback) {
        if (!(value > 0) || Double.isInfinite(value)) {
            return fallback;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : ROUND_STEPS) {
            if (step * magnitude >= value * (1 - 1e-12)) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String whole(double value) {
        return Double.isNaN(value) ? UNKNOWN : String.format(Locale.ROOT, "%.0f", value);
    }
}
