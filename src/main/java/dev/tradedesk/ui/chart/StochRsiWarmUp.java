package dev.tradedesk.ui.chart;

import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorPipeline;

/**
 * How many bars the StochRSI pane's drawings need before their first value, with the parameters in
 * use (docs/indicators.md): the %K line, the %D line a smoothing later, and the dynamic band, which
 * waits for the ATR's moving average. A series shorter than that draws an empty pane (or part of
 * one) that looks no different from a broken chart; {@link #hintFor} says in words what it waits
 * for, as the pane shows it.
 *
 * <p>Counts are of bars since the series' first, the forming bar included: it has values as if it
 * closed now, so the first value appears on it. A flat RSI, which leaves StochRSI undefined after
 * the warm-up (no signal rather than a false one), is not a warm-up and gets no hint.
 *
 * <p>Immutable and thread-safe.
 */
final class StochRsiWarmUp {

    /**
     * What the pane waits for, as shown in it.
     *
     * @param text      "StochRSI needs 30 bars, the band 34; 3 so far"
     * @param paneEmpty whether nothing of the pane is drawn yet (rather than some of it)
     */
    record Hint(String text, boolean paneEmpty) {
    }

    private final int linesNeeded;
    private final int signalNeeded;
    private final int bandNeeded;

    StochRsiWarmUp(IndicatorParameters parameters) {
        IndicatorPipeline pipeline = new IndicatorPipeline(parameters);
        // warmUpLength is the index of the first defined value: one bar more are needed.
        linesNeeded = pipeline.warmUpLength(Indicator.STOCH_K) + 1;
        signalNeeded = pipeline.warmUpLength(Indicator.STOCH_D) + 1;
        bandNeeded = Math.max(pipeline.warmUpLength(Indicator.BAND_LOWER), pipeline.warmUpLength(Indicator.BAND_UPPER)) + 1;
    }

    /** Bars before the first %K, and so before any StochRSI line. */
    int linesNeeded() {
        return linesNeeded;
    }

    /** Bars before the first %D. */
    int signalNeeded() {
        return signalNeeded;
    }

    /** Bars before the first value of the dynamic band. */
    int bandNeeded() {
        return bandNeeded;
    }

    /**
     * What a series of {@code bars} bars still waits for, or null when it draws every part. While
     * no line is drawn, the lines are named "StochRSI" (the %D waits with them); once %K is drawn,
     * a %D still missing is named on its own.
     */
    Hint hintFor(long bars) {
        if (bars >= linesNeeded && bars >= signalNeeded && bars >= bandNeeded) {
            return null;
        }
        StringBuilder text = new StringBuilder(64);
        if (bars < linesNeeded) {
            missing(text, "StochRSI", linesNeeded);
        } else if (bars < signalNeeded) {
            missing(text, "%D", signalNeeded);
        }
        if (bars < bandNeeded) {
            missing(text, text.isEmpty() ? "The band" : "the band", bandNeeded);
        }
        text.append("; ").append(bars).append(" so far");
        return new Hint(text.toString(), bars < linesNeeded && bars < bandNeeded);
    }

    /** "X needs n bars" for the first part missing, ", x n" for the next. */
    private static void missing(StringBuilder text, String part, int needed) {
        if (text.isEmpty()) {
            text.append(part).append(" needs ").append(needed).append(" bars");
        } else {
            text.append(", ").append(part).append(' ').append(needed);
        }
    }
}
