package dev.tradedesk.ui.perf;

import java.util.Locale;

/**
 * How the performance panel writes numbers: about three significant digits, a dash for unknown
 * (NaN), and in every figure, table and axes alike, thousands grouped with a comma and decimals
 * after a dot whatever the user's locale ("12,500", "1.25"): a table reading "12500" beside an
 * axis reading "10,000" looked like two different quantities. Stateless and thread-safe.
 */
final class PerformanceFormat {

    static final String UNKNOWN = "–";
    /** The heap chart's title, also the name of its value axis. */
    static final String HEAP_CHART = "Heap, MB";

    private PerformanceFormat() {
    }

    /** Milliseconds: "0.042", "1.25", "12.5", "125", "12,500". */
    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return UNKNOWN;
        }
        if (ms == 0) {
            return "0";
        }
        String pattern = ms < 1 ? "%.3f" : ms < 10 ? "%.2f" : ms < 100 ? "%.1f" : "%,.0f";
        return String.format(Locale.ROOT, pattern, ms);
    }

    /** A rate of 0..1 as a percentage: "97.5 %". */
    static String percent(double rate) {
        return Double.isNaN(rate) ? UNKNOWN : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    /** Frames per second: "59.8". */
    static String perSecond(double value) {
        return Double.isNaN(value) ? UNKNOWN : String.format(Locale.ROOT, "%,.1f", value);
    }

    /** "412 / 1,024 MB". */
    static String heap(double usedMb, double maxMb) {
        return whole(usedMb) + " / " + whole(maxMb) + " MB";
    }

    /**
     * The heap chart's title, naming the maximum its scale leaves out: "Heap, MB (max 6,028)";
     * "Heap, MB" before the first sample.
     */
    static String heapChartTitle(double maxMb) {
        return Double.isNaN(maxMb) ? HEAP_CHART : HEAP_CHART + " (max " + whole(maxMb) + ")";
    }

    /** "3 × 12.5 ms": collections and their total pause; "none" when there were none. */
    static String gc(long count, double pauseMs) {
        return count == 0 && !(pauseMs > 0) ? "none"
                : String.format(Locale.ROOT, "%,d", count) + " × " + millis(pauseMs) + " ms";
    }

    /**
     * An axis tick: a plain number with the decimals {@code step} (the distance between ticks) needs
     * and no trailing zeros, thousands grouped: "0", "0.05", "1.5", "2,500", "10,000". A decade on
     * a log axis is its own step: "0.001", "1,000".
     */
    static String tick(double value, double step) {
        if (!Double.isFinite(value)) {
            return UNKNOWN;
        }
        int decimals = step >= 1 || !(step > 0) ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        String text = String.format(Locale.ROOT, "%,." + decimals + "f", value);
        if (decimals > 0) {
            text = text.replaceAll("\\.?0+$", "");
        }
        return text.equals("-0") ? "0" : text;
    }

    private static String whole(double value) {
        return Double.isNaN(value) ? UNKNOWN : String.format(Locale.ROOT, "%,.0f", value);
    }
}
