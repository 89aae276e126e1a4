package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The O(1) building blocks against window scans, including undefined inputs and peeks. */
class StreamingBuildingBlocksTest {

    @Test
    void rollingExtremesEqualAWindowScanAndPeekEqualsPush() {
        SplittableRandom random = new SplittableRandom(3);
        for (int period : new int[] {1, 2, 3, 14, 50}) {
            RollingExtremes extremes = new RollingExtremes(period);
            double[] values = new double[5_000];
            for (int i = 0; i < values.length; i++) {
                int kind = random.nextInt(100);
                values[i] = kind == 0 ? Double.NaN : kind < 20 ? Math.floor(random.nextDouble(5)) : random.nextDouble();
                extremes.peek(values[i]);
                double peekMin = extremes.min();
                double peekMax = extremes.max();
                extremes.push(values[i]);
                check(peekMin, extremes.min(), "peek min", i);
                check(peekMax, extremes.max(), "peek max", i);
                check(scan(values, i, period, true), extremes.min(), "min over " + period, i);
                check(scan(values, i, period, false), extremes.max(), "max over " + period, i);
            }
        }
    }

    @Test
    void rollingExtremesInBulkEqualPushesIncludingSignedZerosAndThenContinueLive() {
        SplittableRandom random = new SplittableRandom(4);
        for (int period : new int[] {1, 2, 3, 14, 50}) {
            RollingExtremes one = new RollingExtremes(period);
            RollingExtremes bulk = new RollingExtremes(period);
            double[] values = new double[4_000];
            for (int i = 0; i < values.length; i++) {
                int kind = random.nextInt(100);
                values[i] = kind == 0 ? Double.NaN
                        : kind < 10 ? (random.nextBoolean() ? 0.0 : -0.0)
                        : kind < 30 ? Math.floor(random.nextDouble(-3, 3)) : random.nextDouble(-1, 1);
            }
            double[] mins = new double[values.length + 7];
            double[] maxs = new double[values.length + 7];
            int from = 0;
            while (from < values.length) {
                int length = Math.min(values.length - from, random.nextInt(3 * period + 2));
                bulk.pushAll(values, from, mins, maxs, from + 7, length);
                for (int i = from; i < from + length; i++) {
                    one.push(values[i]);
                    check(one.min(), mins[i + 7], "bulk min over " + period, i);
                    check(one.max(), maxs[i + 7], "bulk max over " + period, i);
                }
                if (from + length < values.length && random.nextBoolean()) {
                    double x = values[from + length];
                    one.peek(x);
                    bulk.peek(x);
                    check(one.min(), bulk.min(), "peek min after bulk over " + period, from + length);
                    check(one.max(), bulk.max(), "peek max after bulk over " + period, from + length);
                    one.push(x);
                    bulk.push(x);
                    check(one.min(), bulk.min(), "live min after bulk over " + period, from + length);
                    length++;
                }
                from += length;
            }
        }
    }

    @Test
    void indicatorsInBulkEqualPushesAndContinueLive() {
        SplittableRandom random = new SplittableRandom(6);
        BarColumns bars = TestBars.generate(6, 5_000, 30, 0.02);
        double[] highs = bars.highsArray();
        double[] lows = bars.lowsArray();
        double[] closes = bars.closesArray();
        RsiIndicator rsiOne = new RsiIndicator(14);
        RsiIndicator rsiBulk = new RsiIndicator(14);
        AtrIndicator atrOne = new AtrIndicator(5);
        AtrIndicator atrBulk = new AtrIndicator(5);
        SmaIndicator smaOne = new SmaIndicator(20);
        SmaIndicator smaBulk = new SmaIndicator(20);
        StochRsiIndicator stochOne = new StochRsiIndicator(14, 3, 3);
        StochRsiIndicator stochBulk = new StochRsiIndicator(14, 3, 3);
        double[] rsi = new double[bars.size()];
        double[] atr = new double[bars.size()];
        double[] sma = new double[bars.size()];
        double[] k = new double[bars.size()];
        double[] d = new double[bars.size()];
        int from = 0;
        while (from < bars.size()) {
            int length = Math.min(bars.size() - from, random.nextInt(200));
            rsiBulk.pushAll(closes, from, rsi, from, length);
            atrBulk.pushAll(highs, lows, closes, from, atr, from, length);
            smaBulk.pushAll(closes, from, sma, from, length);
            stochBulk.pushAll(rsi, from, k, d, from, length);
            for (int i = from; i < from + length; i++) {
                double r = rsiOne.push(closes[i]);
                check(r, rsi[i], "rsi", i);
                check(atrOne.push(highs[i], lows[i], closes[i]), atr[i], "atr", i);
                check(smaOne.push(closes[i]), sma[i], "sma", i);
                stochOne.push(r);
                check(stochOne.k(), k[i], "%K", i);
                check(stochOne.d(), d[i], "%D", i);
            }
            from += length;
            if (from < bars.size()) {
                check(rsiOne.peek(closes[from]), rsiBulk.peek(closes[from]), "rsi peek after bulk", from);
                check(atrOne.peek(highs[from], lows[from], closes[from]),
                        atrBulk.peek(highs[from], lows[from], closes[from]), "atr peek after bulk", from);
                check(smaOne.peek(closes[from]), smaBulk.peek(closes[from]), "sma peek after bulk", from);
            }
        }
    }

    @Test
    void movingAverageIsUndefinedWhileItsWindowHoldsAnUndefinedValue() {
        SmaIndicator sma = new SmaIndicator(3);
        assertThat(sma.push(1)).isNaN();
        assertThat(sma.push(2)).isNaN();
        assertThat(sma.push(3)).isEqualTo(2.0);
        assertThat(sma.push(Double.NaN)).isNaN();
        assertThat(sma.push(4)).isNaN();
        assertThat(sma.peek(5)).isNaN();
        assertThat(sma.push(5)).isNaN();
        assertThat(sma.peek(6)).isEqualTo(5.0);
        assertThat(sma.push(6)).isEqualTo(5.0);
        assertThat(sma.warmUpLength()).isEqualTo(2);
    }

    @Test
    void movingAverageOfAWindowOfZerosIsExactlyZero() {
        SmaIndicator sma = new SmaIndicator(4);
        for (double x : new double[] {1e-3, 1e17, 0.1, 3.3}) {
            sma.push(x);
        }
        double last = Double.NaN;
        for (int i = 0; i < 4; i++) {
            last = sma.push(0);
        }
        assertThat(last).isZero();
    }

    @Test
    void movingAverageDoesNotDriftOverMillionsOfUpdatesOfWildMagnitudes() {
        SplittableRandom random = new SplittableRandom(5);
        int period = 20;
        SmaIndicator sma = new SmaIndicator(period);
        double[] window = new double[period];
        double mean = Double.NaN;
        for (int i = 0; i < 3_000_000; i++) {
            double x = i > 2_999_900 ? random.nextDouble() * 1e-9 : Math.exp(random.nextDouble(-30, 30));
            window[i % period] = x;
            mean = sma.push(x);
        }
        double exact = 0;
        for (double x : window) {
            exact += x;
        }
        exact /= period;
        assertThat(Math.abs(mean - exact) / exact).isLessThan(1e-12);
    }

    @Test
    void movingAverageOfNonNegativeInputsIsWithinAFewUlpsOfTheExactMean() {
        SplittableRandom random = new SplittableRandom(11);
        for (int period : new int[] {1, 3, 20}) {
            SmaIndicator sma = new SmaIndicator(period);
            double[] window = new double[period];
            for (int i = 0; i < 50_000; i++) {
                // Like the engine's inputs (raw StochRSI, %K, ATR, volume): runs of zeros, and
                // magnitudes twelve orders apart within one window.
                double x = switch (random.nextInt(4)) {
                    case 0 -> 0.0;
                    case 1 -> Math.exp(random.nextDouble(-14, 14));
                    default -> random.nextDouble(100);
                };
                window[i % period] = x;
                double mean = sma.push(x);
                if (i < period - 1) {
                    continue;
                }
                BigDecimal sum = BigDecimal.ZERO;
                for (double w : window) {
                    sum = sum.add(new BigDecimal(w));
                }
                double exact = sum.divide(BigDecimal.valueOf(period), MathContext.DECIMAL128).doubleValue();
                if (exact == 0) {
                    assertThat(mean).as("period %d, input %d", period, i).isZero();
                } else {
                    assertThat(Math.abs(mean - exact) / exact).as("period %d, input %d", period, i)
                            .isLessThanOrEqualTo(1e-15);
                }
            }
        }
    }

    @Test
    void wilderAverageSeedsWithTheMeanThenSmooths() {
        WilderAverage average = new WilderAverage(3);
        assertThat(average.push(3)).isNaN();
        assertThat(average.push(6)).isNaN();
        assertThat(average.peek(9)).isEqualTo(6.0);
        assertThat(average.push(9)).isEqualTo(6.0);
        assertThat(average.push(0)).isEqualTo(4.0);
        assertThat(average.warmUpLength()).isEqualTo(2);
        assertThatThrownBy(() -> new WilderAverage(0)).hasMessage("period must be at least 1, was 0");
    }

    @Test
    void steadyStepsOfRsiAndAtrEqualTheirPushes() {
        BarColumns bars = TestBars.generate(8, 3_000, 50, 0.02);
        for (int period : new int[] {1, 2, 14}) {
            RsiIndicator rsi = new RsiIndicator(period);
            RsiIndicator steadyRsi = new RsiIndicator(period);
            AtrIndicator atr = new AtrIndicator(period);
            AtrIndicator steadyAtr = new AtrIndicator(period);
            for (int i = 0; i < bars.size(); i++) {
                double high = bars.high(i);
                double low = bars.low(i);
                double close = bars.close(i);
                double expectedRsi = rsi.push(close);
                double expectedAtr = atr.push(high, low, close);
                boolean steady = steadyRsi.steady() && steadyAtr.steady();
                check(expectedRsi, steady ? steadyRsi.pushSteady(close) : steadyRsi.push(close), "rsi " + period, i);
                check(expectedAtr, steady ? steadyAtr.pushSteady(high, low, close) : steadyAtr.push(high, low, close),
                        "atr " + period, i);
                check(rsi.peek(close * 1.01), steadyRsi.peek(close * 1.01), "rsi peek " + period, i);
            }
            assertThat(steadyRsi.steady()).isTrue();
        }
    }

    @Test
    void lossAsGainMinusChangeIsExactlyMaxOfMinusChangeAndZero() {
        SplittableRandom random = new SplittableRandom(9);
        double[] edges = {0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, -1e-300, 1e300, -1e300,
            Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0};
        for (int i = 0; i < 100_000 + edges.length; i++) {
            double change = i < edges.length ? edges[i]
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-20, 20));
            double gain = RsiIndicator.gain(change);
            check(Math.max(change, 0.0), gain, "gain of " + change, i);
            check(Math.max(-change, 0.0), RsiIndicator.loss(change, gain), "loss of " + change, i);
        }
    }

    private static double scan(double[] values, int end, int period, boolean min) {
        if (end - period + 1 < 0) {
            return Double.NaN;
        }
        double extreme = min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (int i = end - period + 1; i <= end; i++) {
            if (Double.isNaN(values[i])) {
                return Double.NaN;
            }
            extreme = min ? Math.min(extreme, values[i]) : Math.max(extreme, values[i]);
        }
        return extreme;
    }

    private static void check(double expected, double actual, String what, int index) {
        if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
            fail(what + " at " + index + ": expected " + expected + ", was " + actual);
        }
    }
}
