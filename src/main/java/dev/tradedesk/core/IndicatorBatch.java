package dev.tradedesk.core;

/**
 * The batch path: every indicator over an array of bars at once, used to warm a series from
 * history and to process files. It runs {@link IndicatorPipeline#pushAll}, whose column loops share
 * every per-value formula with the live series' bar-by-bar path, so a series fed bar by bar gives
 * exactly these numbers. Stateless and thread-safe.
 */
public final class IndicatorBatch {

    private IndicatorBatch() {
    }

    /**
     * All indicator values for {@code bars} (valid bars in time order), one row per bar.
     */
    public static IndicatorColumns compute(BarColumns bars, IndicatorParameters parameters) {
        IndicatorColumns out = new IndicatorColumns(bars.size());
        new IndicatorPipeline(parameters).pushAll(bars, out);
        return out;
    }
}
