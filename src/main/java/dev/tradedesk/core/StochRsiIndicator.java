package dev.tradedesk.core;

/**
 * Stochastic RSI over a stream of RSI values (docs/indicators.md, the TradingView definition):
 * {@code raw = 100 * (rsi - min) / (max - min)} over the last {@code m} RSI values (all defined),
 * {@code %K = SMA_k(raw)}, {@code %D = SMA_d(%K)}. A flat window ({@code max - min < 1e-10}) gives
 * an undefined raw value rather than a false signal, and an SMA is undefined while its window holds
 * an undefined value.
 *
 * <p>Warm-up, counted in RSI values from the first defined one: raw after {@link #rawWarmUpLength()},
 * %K after {@link #kWarmUpLength()}, %D after {@link #warmUpLength()}.
 *
 * <p>{@link #push} commits an RSI value; {@link #peek} computes the values a next RSI would give,
 * bit-identical to {@code push}, without changing committed state. Results of the last push or peek
 * are read with {@link #raw()}, {@link #k()} and {@link #d()}; {@link #pushAll} commits a column as
 * repeated pushes would. O(1) amortized, no allocation per value. Not thread-safe.
 */
public final class StochRsiIndicator {

    /** Below this RSI range the window is flat: raw StochRSI is undefined. */
    public static final double FLAT_RANGE = 1e-10;

    private final RollingExtremes extremes;
    private final SmaIndicator kAverage;
    private final SmaIndicator dAverage;
    private double raw = Double.NaN;
    private double k = Double.NaN;
    private double d = Double.NaN;
    private double[] lows = new double[0];
    private double[] highs = new double[0];

    /**
     * @param period    window m of RSI values
     * @param kSmoothing SMA length of %K
     * @param dSmoothing SMA length of %D
     */
    public StochRsiIndicator(int period, int kSmoothing, int dSmoothing) {
        this.extremes = new RollingExtremes(period);
        this.kAverage = new SmaIndicator(kSmoothing);
        this.dAverage = new SmaIndicator(dSmoothing);
    }

    /** Commits {@code rsi} ({@code NaN} while RSI warms up). */
    public void push(double rsi) {
        // The extremes push would give (peek's), used at once, then the deques' update: so they
        // reach raw in registers rather than through memory.
        extremes.peek(rsi);
        double rawValue = raw(rsi, extremes.min(), extremes.max());
        extremes.commit(rsi);
        raw = rawValue;
        k = kAverage.push(rawValue);
        d = dAverage.push(k);
    }

    /** Computes raw, %K and %D for {@code rsi} as the next value; the committed state is unchanged. */
    public void peek(double rsi) {
        extremes.peek(rsi);
        raw = raw(rsi, extremes.min(), extremes.max());
        k = kAverage.peek(raw);
        d = dAverage.peek(k);
    }

    /**
     * Commits {@code length} RSI values from {@code rsi[from]} as {@code push} would, one by one,
     * writing %K and %D from {@code outFrom} on (in the manner of {@link System#arraycopy}): the
     * rolling extremes, the raw values, %K and %D each in a pass of their own. Allocates only when
     * {@code length} exceeds every earlier call's (two scratch columns).
     */
    public void pushAll(double[] rsi, int from, double[] kOut, double[] dOut, int outFrom, int length) {
        if (length == 0) {
            return;
        }
        if (lows.length < length) {
            lows = new double[length];
            highs = new double[length];
        }
        double[] raws = lows; // each raw value replaces the minimum it is computed from
        extremes.pushAll(rsi, from, lows, highs, 0, length);
        for (int i = 0; i < length; i++) {
            raws[i] = raw(rsi[from + i], lows[i], highs[i]);
        }
        kAverage.pushAll(raws, 0, kOut, outFrom, length);
        dAverage.pushAll(kOut, outFrom, dOut, outFrom, length);
        raw = raws[length - 1];
        k = kOut[outFrom + length - 1];
        d = dOut[outFrom + length - 1];
    }

    public double raw() {
        return raw;
    }

    public double k() {
        return k;
    }

    public double d() {
        return d;
    }

    public int rawWarmUpLength() {
        return extremes.warmUpLength();
    }

    public int kWarmUpLength() {
        return rawWarmUpLength() + kAverage.warmUpLength();
    }

    /** RSI values before the first defined %D. */
    public int warmUpLength() {
        return kWarmUpLength() + dAverage.warmUpLength();
    }

    static double raw(double rsi, double min, double max) {
        double range = max - min;
        if (!(range >= FLAT_RANGE)) {
            return Double.NaN;
        }
        return 100.0 * (rsi - min) / range;
    }
}
