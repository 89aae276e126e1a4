package dev.tradedesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every output against docs/indicators.md written out plainly ({@link ReferenceIndicators}), with
 * the warm-up lengths and the degenerate cases the definitions call out.
 */
class IndicatorDefinitionTest {

    private static final IndicatorParameters DEFAULTS = IndicatorParameters.DEFAULTS;

    @Test
    void everyOutputFollowsTheWrittenDefinitionOnMixedSeries() {
        IndicatorParameters other = new IndicatorParameters(9, 5, 2, 4, 7, 10, 20, 90, 0.9, 5);
        for (IndicatorParameters parameters : new IndicatorParameters[] {DEFAULTS, other}) {
            for (long seed = 1; seed <= 4; seed++) {
                BarColumns bars = TestBars.generate(seed, 3_000, seed == 4 ? 3e-5 : 50, 0.01);
                assertMatchesReference(bars, parameters);
            }
        }
    }

    @Test
    void outputsAreUndefinedExactlyDuringTheirWarmUp() {
        BarColumns bars = TestBars.generate(7, 200, 100, 0.02);
        IndicatorColumns out = IndicatorBatch.compute(bars, DEFAULTS);
        IndicatorPipeline pipeline = new IndicatorPipeline(DEFAULTS);
        int[] expected = {14, 29, 31, 14, 33, 33, 33, 33, 19, 19};
        for (Indicator indicator : Indicator.values()) {
            int first = expected[indicator.ordinal()];
            assertThat(pipeline.warmUpLength(indicator)).as(indicator.column()).isEqualTo(first);
            double[] column = out.column(indicator);
            for (int t = 0; t < first; t++) {
                assertThat(column[t]).as("%s at %d", indicator.column(), t).isNaN();
            }
            assertThat(column[first]).as("%s at %d", indicator.column(), first).isNotNaN();
        }
    }

    @Test
    void rsiOfAnUnchangedSeriesIsZeroAndItsStochRsiAndRatioAreUndefined() {
        BarColumns bars = new BarColumns(100);
        for (int i = 0; i < 100; i++) {
            bars.add(i * 60_000L, 10, 10, 10, 10, 0);
        }
        IndicatorColumns out = IndicatorBatch.compute(bars, DEFAULTS);
        assertThat(out.get(Indicator.RSI, 99)).isZero();
        assertThat(out.get(Indicator.STOCH_K, 99)).as("flat RSI gives no signal").isNaN();
        assertThat(out.get(Indicator.ATR, 99)).isZero();
        assertThat(out.get(Indicator.ATR_MA, 99)).isZero();
        assertThat(out.get(Indicator.VOLATILITY_RATIO, 99)).as("atr_ma is 0").isNaN();
        assertThat(out.get(Indicator.BAND_LOWER, 99)).isNaN();
        assertThat(out.get(Indicator.VOLUME_SMA, 99)).isZero();
        assertThat(out.get(Indicator.RELATIVE_VOLUME, 99)).as("volume_sma is 0").isNaN();
    }

    @Test
    void rsiIsExactWhereTaLibsZeroEpsilonWouldPrintZero() {
        BarColumns bars = new BarColumns(40);
        for (int i = 0; i < 40; i++) {
            double close = 1e-6 + (i % 2 == 0 ? 0 : 2e-9) + i * 1e-10;
            bars.add(i * 60_000L, close, close, close, close, 1);
        }
        double rsi = IndicatorBatch.compute(bars, DEFAULTS).get(Indicator.RSI, 39);
        assertThat(rsi).isBetween(50.0, 60.0);
        double[] taLib = new double[40];
        new Core().rsi(0, 39, Arrays.copyOf(bars.closesArray(), 40), 14, new MInteger(), new MInteger(), taLib);
        assertThat(taLib[39 - 14]).as("TA-Lib's quirk, which we do not copy").isZero();
    }

    @Test
    void movingAverageStaysExactWhereTaLibsRunningSumDrifts() {
        // A volatile spell, then a long flat run: ATR decays geometrically towards 0.
        BarColumns bars = TestBars.generate(3, 400, 1e6, 0.05);
        double last = bars.close(399);
        for (int i = 400; i < 900; i++) {
            bars.add(i * 60_000L + 1_700_000_000_000L, last, last, last, last, 1);
        }
        IndicatorColumns out = IndicatorBatch.compute(bars, DEFAULTS);
        double[] atr = Arrays.copyOfRange(out.column(Indicator.ATR), 14, 900);
        double[] exact = ReferenceIndicators.sma(atr, 20);
        double[] taLib = new double[atr.length];
        MInteger begin = new MInteger();
        new Core().sma(0, atr.length - 1, atr, 20, begin, new MInteger(), taLib);
        int t = 899 - 14;
        double ours = out.get(Indicator.ATR_MA, 899);
        assertThat(Math.abs(ours - exact[t]) / exact[t]).isLessThan(1e-12);
        double taLibError = Math.abs(taLib[t - begin.value] - exact[t]) / exact[t];
        assertThat(taLibError).as("TA-Lib's running sum has drifted far (the quirk this guards against)")
                .isGreaterThan(1e-3);
    }

    @Test
    void bandsFollowTheBotsOrderOfTests() {
        DynamicBands bands = new DynamicBands(DEFAULTS);
        // ratio > 0.7: widened (or, between 0.7 and 1, narrowed by the same formula)
        assertThat(bands.lower(2.0)).isEqualTo(5.0);
        assertThat(bands.upper(2.0)).isEqualTo(100.0);
        assertThat(bands.lower(3.0)).isEqualTo(0.0);
        assertThat(bands.lower(0.8)).isEqualTo(35 + 30 * 0.2, org.assertj.core.data.Offset.offset(1e-12));
        // ratio <= 0.7 (< 1/0.7): low volatility, capped at +10 / -10
        assertThat(bands.lower(0.5)).isEqualTo(45.0);
        assertThat(bands.upper(0.5)).isEqualTo(90.0);
        assertThat(bands.lower(0.69)).isEqualTo(44.3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(bands.lower(Double.NaN)).isNaN();
        DynamicBands neutral = new DynamicBands(new IndicatorParameters(14, 14, 3, 3, 14, 20, 35, 100, 1.0, 20));
        assertThat(neutral.lower(1.0)).as("only s = 1 reaches the base case").isEqualTo(35.0);
        assertThat(neutral.upper(1.0)).isEqualTo(100.0);
        DynamicBands wide = new DynamicBands(new IndicatorParameters(14, 14, 3, 3, 14, 20, 5, 96, 0.7, 20));
        assertThat(wide.upper(2.5)).as("clamped to 100").isEqualTo(100.0);
        assertThat(wide.lower(0.9)).isEqualTo(8.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    static void assertMatchesReference(BarColumns bars, IndicatorParameters parameters) {
        IndicatorColumns out = IndicatorBatch.compute(bars, parameters);
        ReferenceIndicators reference = new ReferenceIndicators(bars, parameters);
        for (Indicator indicator : Indicator.values()) {
            double[] ours = out.column(indicator);
            double[] expected = reference.column(indicator);
            for (int t = 0; t < bars.size(); t++) {
                boolean agree = Double.isNaN(expected[t])
                        ? Double.isNaN(ours[t])
                        : Math.abs(ours[t] - expected[t]) <= 1e-9 * Math.abs(expected[t]);
                if (!agree) {
                    fail(indicator.column() + " at " + t + " with " + parameters + ": ours " + ours[t] + ", defined "
                            + expected[t]);
                }
            }
        }
    }
}
