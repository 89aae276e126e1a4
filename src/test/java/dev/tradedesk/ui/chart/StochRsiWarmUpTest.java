package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Indicator;
import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorSeries;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the StochRSI pane says it waits for while a series is too short for its values. */
class StochRsiWarmUpTest {

    private static final SeriesKey KEY = SeriesKey.of("AAPL", Timeframe.ONE_MINUTE);
    private static final long MINUTE = 60_000;
    /** RSI 20, window 10, %K 5, %D 4, ATR 10, ATR MA 5: the band before the lines, the other way round from the defaults. */
    private static final IndicatorParameters BAND_FIRST = new IndicatorParameters(20, 10, 5, 4, 10, 5, 35, 100, 0.7, 20);

    @Test
    void theBarsNeededAreThoseBeforeTheFirstValueOfEachPart() {
        for (IndicatorParameters parameters : List.of(IndicatorParameters.DEFAULTS, BAND_FIRST)) {
            IndicatorSeries series = new IndicatorSeries(KEY, parameters, 1 << 10);
            series.appendAll(ChartFixtures.minuteBars(3, 200));
            StochRsiWarmUp warmUp = new StochRsiWarmUp(parameters);

            assertThat(warmUp.linesNeeded()).as("%K").isEqualTo(firstDefined(series, Indicator.STOCH_K) + 1);
            assertThat(warmUp.signalNeeded()).as("%D").isEqualTo(firstDefined(series, Indicator.STOCH_D) + 1);
            assertThat(warmUp.bandNeeded()).as("band").isEqualTo(firstDefined(series, Indicator.BAND_UPPER) + 1);
        }
        StochRsiWarmUp defaults = new StochRsiWarmUp(IndicatorParameters.DEFAULTS);
        assertThat(List.of(defaults.linesNeeded(), defaults.signalNeeded(), defaults.bandNeeded())).containsExactly(30, 32, 34);
    }

    @Test
    void theHintNamesWhatIsStillMissingAndIsGoneOnceEveryPartIsDrawn() {
        StochRsiWarmUp warmUp = new StochRsiWarmUp(IndicatorParameters.DEFAULTS);

        assertThat(warmUp.hintFor(3)).isEqualTo(new StochRsiWarmUp.Hint("StochRSI needs 30 bars, the band 34; 3 so far", true));
        assertThat(warmUp.hintFor(29).paneEmpty()).isTrue();
        assertThat(warmUp.hintFor(30)).isEqualTo(new StochRsiWarmUp.Hint("%D needs 32 bars, the band 34; 30 so far", false));
        assertThat(warmUp.hintFor(32)).isEqualTo(new StochRsiWarmUp.Hint("The band needs 34 bars; 32 so far", false));
        assertThat(warmUp.hintFor(34)).isNull();
        assertThat(warmUp.hintFor(100_000)).isNull();
    }

    @Test
    void theHintFollowsTheParameters() {
        StochRsiWarmUp warmUp = new StochRsiWarmUp(BAND_FIRST);

        assertThat(warmUp.hintFor(3)).isEqualTo(new StochRsiWarmUp.Hint("StochRSI needs 34 bars, the band 15; 3 so far", true));
        assertThat(warmUp.hintFor(15)).as("the band drawn, the lines not yet")
                .isEqualTo(new StochRsiWarmUp.Hint("StochRSI needs 34 bars; 15 so far", false));
        assertThat(warmUp.hintFor(34).text()).isEqualTo("%D needs 37 bars; 34 so far");
        assertThat(warmUp.hintFor(37)).isNull();
    }

    @Test
    void theModelsHintCountsItsBarsTheFormingOneIncludedAndGoesWithTheFirstValues() {
        BarColumns bars = ChartFixtures.minuteBars(7, 40);
        ChartModel model = new ChartModel(KEY, IndicatorParameters.DEFAULTS, 1 << 10);
        assertThat(model.warmUpHint()).as("no data").isNull();
        model.loadHistory(prefix(bars, 3));
        model.applyPending();
        assertThat(model.warmUpHint().text()).isEqualTo("StochRSI needs 30 bars, the band 34; 3 so far");

        List<StochRsiWarmUp.Hint> changes = new ArrayList<>();
        model.warmUpHintProperty().addListener((property, before, after) -> changes.add(after));
        for (int i = 3; i < bars.size(); i++) {
            for (int tick = 0; tick < 3; tick++) { // ticks of the forming bar change no count
                model.pushFormingBar(bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i) + tick);
                model.applyPending();
            }
            long size = model.series().orElseThrow().size();
            double k = model.series().orElseThrow().value(Indicator.STOCH_K, size - 1);
            assertThat(model.warmUpHint() != null && model.warmUpHint().paneEmpty()).as("pane empty at " + size)
                    .isEqualTo(Double.isNaN(k));
        }
        assertThat(changes).as("one change a bar until the band's first value, then none")
                .hasSize(34 - 3).last().isNull();
        assertThat(changes.get(0).text()).isEqualTo("StochRSI needs 30 bars, the band 34; 4 so far");
    }

    @Test
    void aModelWithOtherParametersCountsWithThem() {
        ChartModel model = new ChartModel(KEY, BAND_FIRST, 1 << 10);
        model.loadHistory(prefix(ChartFixtures.minuteBars(7, 40), 20));
        model.applyPending();
        assertThat(model.warmUpHint().text()).isEqualTo("StochRSI needs 34 bars; 20 so far");
    }

    private static BarColumns prefix(BarColumns bars, int count) {
        BarColumns first = new BarColumns(count);
        for (int i = 0; i < count; i++) {
            first.add(bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        }
        return first;
    }

    private static long firstDefined(IndicatorSeries series, Indicator indicator) {
        for (long i = 0; i < series.size(); i++) {
            if (!Double.isNaN(series.value(indicator, i))) {
                return i;
            }
        }
        throw new AssertionError(indicator + " never defined");
    }
}
