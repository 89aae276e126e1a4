package dev.tradedesk.ui.live;

import dev.tradedesk.core.Symbol;

/**
 * One watchlist line's worth of live data for a symbol: the last price, the change since the
 * session's first bar, and the indicator values the watchlist shows. {@code NaN} means undefined
 * (an indicator still warming up). Immutable.
 *
 * @param time             open time of the bar the values belong to (epoch millis UTC)
 * @param changePercent    change of the last price since the open of the session's first bar, in %
 * @param stochK           StochRSI %K on the 0..100 scale
 * @param bandLower        dynamic lower band; %K below it is oversold
 * @param bandUpper        dynamic upper band; %K above it is overbought
 * @param relativeVolume   the last closed bar's volume over its moving average (a forming bar's
 *                         volume is still growing)
 */
public record Quote(Symbol symbol, long time, double last, double changePercent, double rsi, double stochK,
        double bandLower, double bandUpper, double relativeVolume) {

    /** Where %K stands against the dynamic bands. */
    public enum Zone {
        BELOW_LOWER, INSIDE, ABOVE_UPPER, UNDEFINED
    }

    public Zone zone() {
        if (Double.isNaN(stochK) || Double.isNaN(bandLower) || Double.isNaN(bandUpper)) {
            return Zone.UNDEFINED;
        }
        return stochK < bandLower ? Zone.BELOW_LOWER : stochK > bandUpper ? Zone.ABOVE_UPPER : Zone.INSIDE;
    }
}
