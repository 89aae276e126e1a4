package dev.tradedesk.core;

import java.util.Arrays;

/**
 * The whole indicator set of one series: RSI, StochRSI %K/%D, ATR, ATR moving average, volatility
 * ratio, dynamic bands, volume SMA and relative volume (docs/indicators.md). This is the one place
 * the numbers are computed: the batch path ({@link IndicatorBatch}, {@link #pushAll}), series
 * warm-up and the live series ({@link IndicatorSeries}) all run it. Bar by bar ({@link #push},
 * {@link #peek}) and column by column ({@link #pushAll}) share every per-value formula and keep the
 * same state, so they agree bit for bit and can be mixed freely.
 *
 * <p>{@link #push} commits a closed bar; {@link #peek} computes the values a bar would have if it
 * closed now, without touching the committed state, any number of times. After either, the values
 * are read with {@link #value(Indicator)} or copied with {@link #copyTo}. O(1) amortized per bar, no
 * allocation per bar. Bars must be valid ({@link Bar#problem}); time order is the caller's
 * business. Not thread-safe.
 */
public final class IndicatorPipeline {

    /** Bars per tile of {@link #pushAll}: every column of a tile fits in the core's L2 cache. */
    static final int TILE = 2048;

    private final IndicatorParameters parameters;
    private final RsiIndicator rsi;
    private final StochRsiIndicator stochRsi;
    private final AtrIndicator atr;
    private final SmaIndicator atrAverage;
    private final SmaIndicator volumeAverage;
    private final DynamicBands bands;
    private final double[] values = new double[Indicator.COUNT];
    /** RSI and ATR are past their warm-up, so {@link #push} takes their lean steady step. */
    private boolean seeded;

    public IndicatorPipeline(IndicatorParameters parameters) {
        this.parameters = parameters;
        this.rsi = new RsiIndicator(parameters.rsiPeriod());
        this.stochRsi = new StochRsiIndicator(parameters.stochPeriod(), parameters.kSmoothing(),
                parameters.dSmoothing());
        this.atr = new AtrIndicator(parameters.atrPeriod());
        this.atrAverage = new SmaIndicator(parameters.atrMaPeriod());
        this.volumeAverage = new SmaIndicator(parameters.volumePeriod());
        this.bands = new DynamicBands(parameters);
        Arrays.fill(values, Double.NaN);
    }

    public IndicatorParameters parameters() {
        return parameters;
    }

    /** Commits a closed bar and computes its values. */
    public void push(double high, double low, double close, double volume) {
        push(high, low, close, volume, values, 0);
    }

    /** Computes the values of a bar as if it closed now; the committed state is unchanged. */
    public void peek(double high, double low, double close, double volume) {
        peek(high, low, close, volume, values, 0);
    }

    /**
     * {@link #push(double, double, double, double)}, writing the values in {@link Indicator} order
     * straight to {@code out[offset...]} (a live series' row) rather than keeping them for
     * {@link #value}, which still gives those of the last public push or peek.
     */
    void push(double high, double low, double close, double volume, double[] out, int offset) {
        // Order matters for speed, not for the numbers: the stages off the long RSI -> StochRSI ->
        // %K -> %D chain come before it, so the next bar's RSI follows this bar's %D closely and
        // the core can start it while %D is still on its way (about 10 % per append, measured).
        double rsiValue;
        double atrValue;
        if (seeded) {
            rsiValue = rsi.pushSteady(close);
            atrValue = atr.pushSteady(high, low, close);
        } else {
            rsiValue = rsi.push(close);
            atrValue = atr.push(high, low, close);
            seeded = rsi.steady() && atr.steady();
        }
        double atrMa = atrAverage.push(atrValue);
        double volumeSma = volumeAverage.push(volume);
        stochRsi.push(rsiValue);
        publish(out, offset, rsiValue, atrValue, atrMa, volume, volumeSma);
    }

    /** {@link #peek(double, double, double, double)} into {@code out[offset...]}, in {@link #push}'s order. */
    void peek(double high, double low, double close, double volume, double[] out, int offset) {
        double rsiValue = rsi.peek(close);
        double atrValue = atr.peek(high, low, close);
        double atrMa = atrAverage.peek(atrValue);
        double volumeSma = volumeAverage.peek(volume);
        stochRsi.peek(rsiValue);
        publish(out, offset, rsiValue, atrValue, atrMa, volume, volumeSma);
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
     * bar {@code i} to row {@code i} of {@code out} (resized to {@code bars.size()}), exactly as
     * {@link #push} bar by bar would. Feeding a long history chunk by chunk gives the same numbers as
     * one call over all of it.
     *
     * <p>Column by column rather than bar by bar: in tiles of {@value #TILE} bars (small enough to
     * stay in cache), each stage runs its own tight loop over primitive columns with its state in
     * registers, with the same per-value arithmetic as {@code push}. So the Wilder chains of RSI
     * and ATR are the only long dependencies, and the rolling extremes need no deque (see
     * {@link RollingExtremes#pushAll}).
     */
    public void pushAll(BarColumns bars, IndicatorColumns out) {
        int size = bars.size();
        out.resize(size);
        double[] highs = bars.highsArray();
        double[] lows = bars.lowsArray();
        double[] closes = bars.closesArray();
        double[] volumes = bars.volumesArray();
        double[][] columns = out.columns();
        for (int from = 0; from < size; from += TILE) {
            int length = Math.min(TILE, size - from);
            double[] rsiColumn = columns[Indicator.RSI.ordinal()];
            double[] atrColumn = columns[Indicator.ATR.ordinal()];
            pushRsiAndAtr(highs, lows, closes, rsiColumn, atrColumn, from, from + length);
            stochRsi.pushAll(rsiColumn, from, columns[Indicator.STOCH_K.ordinal()],
                    columns[Indicator.STOCH_D.ordinal()], from, length);
            atrAverage.pushAll(atrColumn, from, columns[Indicator.ATR_MA.ordinal()], from, length);
            volumeAverage.pushAll(volumes, from, columns[Indicator.VOLUME_SMA.ordinal()], from, length);
            derive(columns, volumes, from, from + length);
        }
        if (size > 0) {
            for (int i = 0; i < Indicator.COUNT; i++) {
                values[i] = columns[i][size - 1];
            }
        }
    }

    /**
     * RSI and ATR of rows {@code [from, to)} in one loop: each is a chain of Wilder steps whose
     * latency (a division) bounds it, and in one loop the two chains overlap. Bar by bar through
     * {@code push} until both are seeded; then the same {@link WilderAverage#smooth},
     * {@link RsiIndicator#rsi} and {@link AtrIndicator#trueRange} with the state in registers.
     */
    private void pushRsiAndAtr(double[] highs, double[] lows, double[] closes, double[] rsiOut, double[] atrOut,
            int from, int to) {
        int i = from;
        for (; i < to && !(rsi.steady() && atr.steady()); i++) {
            rsiOut[i] = rsi.push(closes[i]);
            atrOut[i] = atr.push(highs[i], lows[i], closes[i]);
        }
        if (i == to) {
            return;
        }
        double rsiPeriodMinusOne = rsi.gains().periodMinusOne();
        double rsiPeriod = rsi.gains().periodAsDouble();
        double atrPeriodMinusOne = atr.average().periodMinusOne();
        double atrPeriod = atr.average().periodAsDouble();
        double previous = rsi.previousClose(); // the ATR's too: both saw the same closes
        double averageGain = rsi.gains().value();
        double averageLoss = rsi.losses().value();
        double averageRange = atr.average().value();
        for (int j = i; j < to; j++) {
            double close = closes[j];
            double change = close - previous;
            double gain = RsiIndicator.gain(change);
            averageGain = WilderAverage.smooth(averageGain, gain, rsiPeriodMinusOne, rsiPeriod);
            averageLoss = WilderAverage.smooth(averageLoss, RsiIndicator.loss(change, gain), rsiPeriodMinusOne,
                    rsiPeriod);
            rsiOut[j] = RsiIndicator.rsi(averageGain, averageLoss);
            double range = AtrIndicator.trueRange(highs[j], lows[j], previous);
            averageRange = WilderAverage.smooth(averageRange, range, atrPeriodMinusOne, atrPeriod);
            atrOut[j] = averageRange;
            previous = close;
        }
        rsi.resume(previous, averageGain, averageLoss, to - i);
        atr.resume(previous, averageRange, to - i);
        seeded = true;
    }

    /** Ratio, bands and relative volume of rows {@code [from, to)} from the columns already filled. */
    private void derive(double[][] columns, double[] volumes, int from, int to) {
        double[] atrColumn = columns[Indicator.ATR.ordinal()];
        double[] atrMa = columns[Indicator.ATR_MA.ordinal()];
        double[] ratios = columns[Indicator.VOLATILITY_RATIO.ordinal()];
        double[] lower = columns[Indicator.BAND_LOWER.ordinal()];
        double[] upper = columns[Indicator.BAND_UPPER.ordinal()];
        double[] volumeSma = columns[Indicator.VOLUME_SMA.ordinal()];
        double[] relativeVolume = columns[Indicator.RELATIVE_VOLUME.ordinal()];
        for (int i = from; i < to; i++) {
            double ratio = ratio(atrColumn[i], atrMa[i]);
            ratios[i] = ratio;
            lower[i] = bands.lower(ratio);
            upper[i] = bands.upper(ratio);
            relativeVolume[i] = ratio(volumes[i], volumeSma[i]);
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

    /** Bars before every indicator has its first value: the longest warm-up, plus the bar that value is at. */
    public int barsUntilAllDefined() {
        int bars = 0;
        for (Indicator indicator : Indicator.values()) {
            bars = Math.max(bars, warmUpLength(indicator) + 1);
        }
        return bars;
    }

    private void publish(double[] out, int offset, double rsiValue, double atrValue, double atrMa, double volume,
            double volumeSma) {
        double ratio = ratio(atrValue, atrMa);
        // Indexed by Indicator ordinal, in declaration order.
        out[offset] = rsiValue;
        out[offset + 1] = stochRsi.k();
        out[offset + 2] = stochRsi.d();
        out[offset + 3] = atrValue;
        out[offset + 4] = atrMa;
        out[offset + 5] = ratio;
        out[offset + 6] = bands.lower(ratio);
        out[offset + 7] = bands.upper(ratio);
        out[offset + 8] = volumeSma;
        out[offset + 9] = ratio(volume, volumeSma);
    }

    /** {@code value / average}, undefined when the average is undefined or exactly 0. */
    static double ratio(double value, double average) {
        return average == 0 || Double.isNaN(average) ? Double.NaN : value / average;
    }
}
