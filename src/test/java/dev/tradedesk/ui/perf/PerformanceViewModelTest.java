package dev.tradedesk.ui.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.feed.PipelineStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The panel's history ring and switches, without a scene or a running toolkit. */
class PerformanceViewModelTest {

    private final List<Boolean> cacheSwitches = new ArrayList<>();
    private final List<Boolean> lodSwitches = new ArrayList<>();

    private PerformanceViewModel model(int capacity) {
        return new PerformanceViewModel(capacity, true, cacheSwitches::add, true, lodSwitches::add);
    }

    private static PerformanceSample sample(int second) {
        return PerformanceSamples.at(second, true);
    }

    private static long time(int second) {
        return PerformanceSamples.START + second * 1000L;
    }

    @Test
    void startsEmptyWithBothSwitchesAsGiven() {
        PerformanceViewModel model = new PerformanceViewModel(true, on -> { }, false, on -> { });
        assertThat(model.size()).isZero();
        assertThat(model.capacity()).isEqualTo(PerformanceViewModel.HISTORY_SECONDS);
        assertThat(model.latestProperty().get()).isNull();
        assertThat(model.latestTime()).isEqualTo(PerformanceViewModel.NO_TIME);
        assertThat(model.max(PerformanceMetric.FETCH_P99)).isNaN();
        assertThat(model.readCacheProperty().get()).isTrue();
        assertThat(model.candleLevelOfDetailProperty().get()).isFalse();
    }

    @Test
    void keepsEveryMetricOfEachSampleOldestFirst() {
        PerformanceViewModel model = model(8);
        for (int second = 0; second < 3; second++) {
            assertThat(model.accept(sample(second))).isTrue();
        }
        assertThat(model.size()).isEqualTo(3);
        assertThat(model.time(0)).isEqualTo(time(0));
        assertThat(model.latestTime()).isEqualTo(time(2));
        assertThat(model.latestProperty().get()).isEqualTo(sample(2));
        for (PerformanceMetric metric : PerformanceMetric.values()) {
            assertThat(model.value(metric, 1)).as(metric.name()).isEqualTo(metric.of(sample(1)));
        }
        assertThat(model.value(PerformanceMetric.CACHE_HIT_PERCENT, 1)).isEqualTo(sample(1).readCacheHitRate() * 100);
        assertThat(model.value(PerformanceMetric.STORE_WRITE_P50, 1))
                .isEqualTo(sample(1).latency(PipelineStage.STORE_WRITE).p50Ms());
    }

    @Test
    void isBoundedAndDropsTheOldestSample() {
        PerformanceViewModel model = model(4);
        for (int second = 0; second < 10; second++) {
            model.accept(sample(second));
        }
        assertThat(model.size()).isEqualTo(4);
        assertThat(List.of(model.time(0), model.time(1), model.time(2), model.time(3)))
                .containsExactly(time(6), time(7), time(8), time(9));
        assertThat(model.value(PerformanceMetric.HEAP_USED, 0)).isEqualTo(sample(6).heapUsedMb());
    }

    @Test
    void holdsFiveMinutesAtOneSampleASecond() {
        PerformanceViewModel model = new PerformanceViewModel(true, on -> { }, true, on -> { });
        for (int second = 0; second <= PerformanceViewModel.HISTORY_SECONDS; second++) {
            model.accept(sample(second));
        }
        assertThat(model.size()).isEqualTo(300);
        assertThat(model.time(0)).isEqualTo(time(1));
        assertThat(model.latestTime()).isEqualTo(time(300));
    }

    @Test
    void ignoresASampleThatIsNotNewerThanTheLatest() {
        PerformanceViewModel model = model(4);
        model.accept(sample(5));
        assertThat(model.accept(sample(5))).isFalse();
        assertThat(model.accept(sample(3))).isFalse();
        assertThat(model.size()).isEqualTo(1);
    }

    @Test
    void unknownValuesStayNaNAndAreSkippedByMinAndMax() {
        PerformanceViewModel model = model(4);
        model.accept(new PerformanceSample(time(0), Map.of(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                0, 0, 100, 1024, 256));
        model.accept(sample(1));
        model.accept(new PerformanceSample(time(2), Map.of(PipelineStage.FETCH, new PerformanceSample.StageLatency(0, 500)),
                60, 16, 50, Double.NaN, 0, 0, 100, 1024, 256));
        assertThat(model.value(PerformanceMetric.PARSE_P99, 0)).isNaN();
        assertThat(model.value(PerformanceMetric.CACHE_HIT_PERCENT, 2)).isNaN();
        assertThat(model.max(PerformanceMetric.FETCH_P99)).isEqualTo(500);
        assertThat(model.min(PerformanceMetric.FETCH_P50)).isZero();
        assertThat(model.max(PerformanceMetric.PARSE_P99)).isEqualTo(sample(1).latency(PipelineStage.PARSE).p99Ms());
    }

    @Test
    void turningASwitchCallsItsCallbackAndMarksTheLatestSample() {
        PerformanceViewModel model = model(8);
        model.accept(sample(0));
        model.accept(sample(1));
        model.readCacheProperty().set(false);
        model.readCacheProperty().set(false);
        model.candleLevelOfDetailProperty().set(false);
        model.accept(sample(2));
        model.readCacheProperty().set(true);

        assertThat(cacheSwitches).containsExactly(false, true);
        assertThat(lodSwitches).containsExactly(false);
        assertThat(model.markerCount(PerformanceSwitch.READ_CACHE)).isEqualTo(2);
        assertThat(model.markerTime(PerformanceSwitch.READ_CACHE, 0)).isEqualTo(time(1));
        assertThat(model.markerOn(PerformanceSwitch.READ_CACHE, 0)).isFalse();
        assertThat(model.markerTime(PerformanceSwitch.READ_CACHE, 1)).isEqualTo(time(2));
        assertThat(model.markerOn(PerformanceSwitch.READ_CACHE, 1)).isTrue();
        assertThat(model.markerCount(PerformanceSwitch.CANDLE_LEVEL_OF_DETAIL)).isEqualTo(1);
    }

    @Test
    void aSwitchTurnedBackBeforeTheNextSampleTakesBackItsMark() {
        PerformanceViewModel model = model(8);
        model.accept(sample(0));
        model.readCacheProperty().set(false);
        model.accept(sample(1));
        model.readCacheProperty().set(true);
        model.readCacheProperty().set(false);
        model.readCacheProperty().set(true);

        assertThat(cacheSwitches).as("the app is told every change").containsExactly(false, true, false, true);
        assertThat(model.markerCount(PerformanceSwitch.READ_CACHE)).isEqualTo(2);
        assertThat(model.markerTime(PerformanceSwitch.READ_CACHE, 1)).isEqualTo(time(1));
        assertThat(model.markerOn(PerformanceSwitch.READ_CACHE, 1)).as("the newest mark says the switch's state").isTrue();

        model.readCacheProperty().set(false);
        assertThat(model.markerCount(PerformanceSwitch.READ_CACHE)).isEqualTo(1);
        assertThat(model.markerOn(PerformanceSwitch.READ_CACHE, 0)).isFalse();

        model.candleLevelOfDetailProperty().set(false);
        model.candleLevelOfDetailProperty().set(true);
        assertThat(model.markerCount(PerformanceSwitch.CANDLE_LEVEL_OF_DETAIL)).isZero();
    }

    @Test
    void aSwitchTurnedBeforeTheFirstSampleIsMarkedAtThatSample() {
        PerformanceViewModel model = model(8);
        model.candleLevelOfDetailProperty().set(false);
        assertThat(model.markerTime(PerformanceSwitch.CANDLE_LEVEL_OF_DETAIL, 0)).isEqualTo(PerformanceViewModel.NO_TIME);
        model.accept(sample(0));
        assertThat(model.markerTime(PerformanceSwitch.CANDLE_LEVEL_OF_DETAIL, 0)).isEqualTo(time(0));
    }

    @Test
    void marksOlderThanTheHistoryAreDropped() {
        PerformanceViewModel model = model(4);
        model.accept(sample(0));
        model.readCacheProperty().set(false);
        model.accept(sample(1));
        model.readCacheProperty().set(true);
        for (int second = 2; second <= 4; second++) {
            model.accept(sample(second));
        }
        assertThat(model.time(0)).isEqualTo(time(1));
        assertThat(model.markerCount(PerformanceSwitch.READ_CACHE)).as("the mark at second 0 is gone").isEqualTo(1);
        assertThat(model.markerOn(PerformanceSwitch.READ_CACHE, 0)).isTrue();
        model.accept(sample(5));
        assertThat(model.markerCount(PerformanceSwitch.READ_CACHE)).isZero();
    }

    @Test
    void keepsAtMostSixtyFourMarksPerSwitch() {
        PerformanceViewModel model = model(128);
        for (int i = 0; i < 100; i++) {
            model.accept(sample(i));
            model.readCacheProperty().set(!model.readCacheProperty().get());
        }
        assertThat(model.markerCount(PerformanceSwitch.READ_CACHE)).isEqualTo(PerformanceViewModel.MAX_MARKERS);
        assertThat(model.markerOn(PerformanceSwitch.READ_CACHE, PerformanceViewModel.MAX_MARKERS - 1))
                .isEqualTo(model.readCacheProperty().get());
        assertThat(cacheSwitches).hasSize(100);
    }
}
