package dev.tradedesk.core;

/**
 * The whole indicator set of one series, fed bar by bar: RSI, StochRSI %K/%D, ATR, ATR moving
 * average, volatility ratio, dynamic bands, volume SMA and relative volume (docs/indicators.md).
 * This is the one place the numbers are computed: the batch path ({@link IndicatorBatch}), series
 * warm-up and the live series ({@link IndicatorSeries}) all run this code, so they agree bit for
 * bit.
 *
 * <p>{@link #push} commits a closed bar; {@link #peek} computes the values a bar would have if it
 * closed now, without touching the committed state, any number of times. After either, the values
 * are read with {@link #value(Indicator)} or copied with {@link #copyTo}. O(1) amortized per bar, no
 * allocation. Bars must be valid ({@link Bar#problem}); time order is the caller's business. Not
 * thread-safe.
 */
public final class IndicatorPipeline {

    private final IndicatorParameters parameters;
    private final RsiIndicator rsi;
    private final StochRsiIndicator stochRsi;
    private final AtrIndicator atr;
    private final SmaIndicator atrAverage;
    private final SmaIndicator volumeAverage;
    private final DynamicBands bands;
    private final double[] values = new double[Indicator.COUNT];

    public IndicatorPipeline(IndicatorParameters parameters) {
        this.parameters = parameters;
        this.rsi = new RsiIndicator(parameters.rsiPeriod());
        this.stochRsi = new StochRsiIndicator(parameters.stochPeriod(), parameters.kSmoothing(),
                parameters.dSmoothing());
        this.atr = new AtrIndicator(parameters.atrPeriod());
        this.atrAverage = new SmaIndicator(parameters.atrMaPeriod());
        this.volumeAverage = new SmaIndicator(parameters.volumePeriod());
        this.bands = new DynamicBands(parameters);
        java.util.Arrays.fill(values, Double.NaN);
    }

    public IndicatorParameters parameters() {
        return parameters;
    }

    /** Commits a closed bar and computes its values. */
    public void push(double high, double low, double close, double volume) {
        double rsiValue = rsi.push(close);
        stochRsi.push(rsiValue);
        double atrValue = atr.push(high, low, close);
        publish(rsiValue, atrValue, atrAverage.push(atrValue), volume, volumeAverage.push(volume));
    }

    /** Computes the values of a bar as if it closed now; the committed state is unchanged. */
    public void peek(double high, double low, double close, double volume) {
        double rsiValue = rsi.peek(close);
        stochRsi.peek(rsiValue);
        double atrValue = atr.peek(high, low, close);
        publish(rsiValue, atrValue, atrAverage.peek(atrValue), volume, volumeAverage.peek(volume));
    }

    /** A value of the last push or peek ({@code NaN} when undefined). */
    public double value(Indicator indicator) {
        return values[indicator.ordinal()];
    }

    /** Copies the values of the last push or peek into {@code columns[indicator.ordinal()][index]}. */
    public void copyTo(double[][] columns, int index) {
        for (int i = 0; i < Indicator.COUNT; i++) {
            columns[i][index] = values[i];
        }
    }

    /** Copies the values of the last push or peek, in {@link Indicator} order, to {@code row[offset...]}. */
    public void copyTo(double[] row, int offset) {
        System.arraycopy(values, 0, row, offset, Indicator.COUNT);
    }

    /**
     * Pushes every bar of {@code bars}, continuing from the current state, and writes the values of
     * bar {@code i} to row {@code i} of {@code out} (resized to {@code bars.size()}). Feeding a long
     * history chunk by chunk gives the same numbers as one call over all of it.
     */
    public void pushAll(BarColumns bars, IndicatorColumns out) {
        int size = bars.size();
        out.resize(size);
        double[] highs = bars.highsArray();
        double[] lows = bars.lowsArray();
        double[] closes = bars.closesArray();
        double[] volumes = bars.volumesArray();
        double[][] columns = out.columns();
        for (int i = 0; i < size; i++) {
            push(highs[i], lows[i], closes[i], volumes[i]);
            copyTo(columns, i);
        }
    }

    /** Index of the first bar at which {@code indicator} is defined (on a series without flat runs). */
    public int warmUpLength(Indicator indicator) {
        int rsiWarmUp = rsi.warmUpLength();
        int atrMaWarmUp = atr.warmUpLength() + atrAverage.warmUpLength();
        return switch (indicator) {
            case RSI -> rsiWarmUp;
            case STOCH_K -> rsiWarmUp + stochRsi.kWarmUpLength();
            case STOCH_D -> rsiWarmUp + stochRsi.warmUpLength();
            case ATR -> atr.warmUpLength();
            case ATR_MA, VOLATILITY_RATIO, BAND_LOWER, BAND_UPPER -> atrMaWarmUp;
            case VOLUME_SMA, RELATIVE_VOLUME -> volumeAverage.warmUpLength();
        };
    }

    private void publish(double rsiValue, double atrValue, double atrMa, double volume, double volumeSma) {
        double ratio = ratio(atrValue, atrMa);
        double[] v = values; // indexed by Indicator ordinal, in declaration order
        v[0] = rsiValue;
        v[1] = stochRsi.k();
        v[2] = stochRsi.d();
        v[3] = atrValue;
        v[4] = atrMa;
        v[5] = ratio;
        v[6] = bands.lower(ratio);
        v[7] = bands.upper(ratio);
        v[8] = volumeSma;
        v[9] = ratio(volume, volumeSma);
    }

    /** {@code value / average}, undefined when the average is undefined or exactly 0. */
    static double ratio(double value, double average) {
        return average == 0 || Double.isNaN(average) ? Double.NaN : value / average;
    }
}
