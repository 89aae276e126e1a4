package dev.tradedesk.core;

import java.util.Arrays;

/**
 * docs/indicators.md written out as plainly as possible, for tests: whole arrays, window scans and
 * window sums recomputed at every bar. Slow (O(n * window)) and obviously right.
 */
final class ReferenceIndicators {

    final double[] rsi;
    final double[] raw;
    final double[] stochK;
    final double[] stochD;
    final double[] atr;
    final double[] atrMa;
    final double[] ratio;
    final double[] lower;
    final double[] upper;
    final double[] volumeSma;
    final double[] relativeVolume;

    ReferenceIndicators(BarColumns bars, IndicatorParameters p) {
        int size = bars.size();
        double[] close = Arrays.copyOf(bars.closesArray(), size);
        double[] high = Arrays.copyOf(bars.highsArray(), size);
        double[] low = Arrays.copyOf(bars.lowsArray(), size);
        double[] volume = Arrays.copyOf(bars.volumesArray(), size);
        double[] gain = new double[size];
        double[] loss = new double[size];
        double[] trueRange = new double[size];
        for (int t = 1; t < size; t++) {
            double change = close[t] - close[t - 1];
            gain[t] = Math.max(change, 0);
            loss[t] = Math.max(-change, 0);
            trueRange[t] = Math.max(high[t] - low[t],
                    Math.max(Math.abs(high[t] - close[t - 1]), Math.abs(low[t] - close[t - 1])));
        }
        double[] avgGain = wilder(gain, p.rsiPeriod());
        double[] avgLoss = wilder(loss, p.rsiPeriod());
        rsi = new double[size];
        for (int t = 0; t < size; t++) {
            double total = avgGain[t] + avgLoss[t];
            rsi[t] = Double.isNaN(total) ? Double.NaN : total == 0 ? 0 : 100 * (avgGain[t] / total);
        }
        raw = new double[size];
        for (int t = 0; t < size; t++) {
            raw[t] = rawStoch(t, p.stochPeriod());
        }
        stochK = sma(raw, p.kSmoothing());
        stochD = sma(stochK, p.dSmoothing());
        atr = wilder(trueRange, p.atrPeriod());
        atrMa = sma(atr, p.atrMaPeriod());
        ratio = new double[size];
        lower = new double[size];
        upper = new double[size];
        volumeSma = sma(volume, p.volumePeriod());
        relativeVolume = new double[size];
        for (int t = 0; t < size; t++) {
            ratio[t] = Double.isNaN(atrMa[t]) || atrMa[t] == 0 ? Double.NaN : atr[t] / atrMa[t];
            lower[t] = band(ratio[t], p, true);
            upper[t] = band(ratio[t], p, false);
            relativeVolume[t] = Double.isNaN(volumeSma[t]) || volumeSma[t] == 0 ? Double.NaN : volume[t] / volumeSma[t];
        }
    }

    double[] column(Indicator indicator) {
        return switch (indicator) {
            case RSI -> rsi;
            case STOCH_K -> stochK;
            case STOCH_D -> stochD;
            case ATR -> atr;
            case ATR_MA -> atrMa;
            case VOLATILITY_RATIO -> ratio;
            case BAND_LOWER -> lower;
            case BAND_UPPER -> upper;
            case VOLUME_SMA -> volumeSma;
            case RELATIVE_VOLUME -> relativeVolume;
        };
    }

    /** Wilder average of {@code x[1..]}: seeded at {@code n} with the mean of {@code x[1..n]}. */
    private static double[] wilder(double[] x, int n) {
        double[] out = new double[x.length];
        Arrays.fill(out, Double.NaN);
        if (x.length <= n) {
            return out;
        }
        double sum = 0;
        for (int t = 1; t <= n; t++) {
            sum += x[t];
        }
        out[n] = sum / n;
        for (int t = n + 1; t < x.length; t++) {
            out[t] = (out[t - 1] * (n - 1) + x[t]) / n;
        }
        return out;
    }

    private double rawStoch(int t, int m) {
        if (t - m + 1 < 0) {
            return Double.NaN;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = t - m + 1; i <= t; i++) {
            if (Double.isNaN(rsi[i])) {
                return Double.NaN;
            }
            min = Math.min(min, rsi[i]);
            max = Math.max(max, rsi[i]);
        }
        return max - min < 1e-10 ? Double.NaN : 100 * (rsi[t] - min) / (max - min);
    }

    /** Window sums recomputed at every bar; undefined when the window holds an undefined value. */
    static double[] sma(double[] x, int n) {
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            if (t - n + 1 < 0) {
                out[t] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (int i = t - n + 1; i <= t; i++) {
                sum += x[i];
            }
            out[t] = sum / n;
        }
        return out;
    }

    private static double band(double ratio, IndicatorParameters p, boolean lowerBand) {
        if (Double.isNaN(ratio)) {
            return Double.NaN;
        }
        double l = p.baseLower();
        double u = p.baseUpper();
        double s = p.sensitivity();
        double lower;
        double upper;
        if (ratio > s) {
            lower = Math.max(l - 30 * (ratio - 1), l - 50);
            upper = Math.min(u + 30 * (ratio - 1), u + 50);
        } else if (ratio < 1 / s) {
            lower = Math.min(l + 30 * (1 - ratio), l + 10);
            upper = Math.max(u - 30 * (1 - ratio), u - 10);
        } else {
            lower = l;
            upper = u;
        }
        double band = lowerBand ? lower : upper;
        return Math.min(100, Math.max(0, band));
    }
}
