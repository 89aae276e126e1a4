package dev.tradedesk.ui.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.feed.PipelineStage;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerformanceSampleTest {

    @Test
    void copiesTheStageMapAndTreatsMissingStagesAsUnknown() {
        Map<PipelineStage, PerformanceSample.StageLatency> stages = new EnumMap<>(PipelineStage.class);
        stages.put(PipelineStage.FETCH, new PerformanceSample.StageLatency(10, 40));
        PerformanceSample sample = new PerformanceSample(1, stages, 60, 16, 30, 0.9, 0, 0, 100, 1024);
        stages.put(PipelineStage.PARSE, new PerformanceSample.StageLatency(1, 2));
        assertThat(sample.latency(PipelineStage.PARSE)).isEqualTo(PerformanceSample.StageLatency.UNKNOWN);
        assertThat(sample.latency(PipelineStage.FETCH).p99Ms()).isEqualTo(40);
        assertThat(sample.stageLatencies()).isUnmodifiable();
    }

    @Test
    void acceptsNaNAsUnknownButRejectsImpossibleValuesNamingEach() {
        assertThat(new PerformanceSample(1, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                Double.NaN, Double.NaN).readCacheHitRate()).isNaN();
        assertThatThrownBy(() -> new PerformanceSample(1, Map.of(), -1, 16, 30, 1.5, 0, -2, 100, 1024))
                .hasMessageContaining("framesPerSecond").hasMessageContaining("readCacheHitRate")
                .hasMessageContaining("gcCount");
        assertThatThrownBy(() -> new PerformanceSample.StageLatency(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsFiguresForTheTable() {
        assertThat(PerformanceFormat.millis(0.0421)).isEqualTo("0.042");
        assertThat(PerformanceFormat.millis(12.34)).isEqualTo("12.3");
        assertThat(PerformanceFormat.millis(0)).isEqualTo("0");
        assertThat(PerformanceFormat.millis(Double.NaN)).isEqualTo(PerformanceFormat.UNKNOWN);
        assertThat(PerformanceFormat.percent(0.975)).isEqualTo("97.5 %");
        assertThat(PerformanceFormat.gc(0, 0)).isEqualTo("none");
        assertThat(PerformanceFormat.gc(3, 12.5)).isEqualTo("3 × 12.5 ms");
        assertThat(PerformanceFormat.heap(412.4, 1024)).isEqualTo("412 / 1024 MB");
    }

    @Test
    void writesAxisTicksAsPlainNumbersWithTheDecimalsTheirStepNeeds() {
        assertThat(PerformanceFormat.tick(0, 2_000)).isEqualTo("0");
        assertThat(PerformanceFormat.tick(10_000, 2_000)).isEqualTo("10,000");
        assertThat(PerformanceFormat.tick(0, 0.01)).isEqualTo("0");
        assertThat(PerformanceFormat.tick(3 * 0.01, 0.01)).isEqualTo("0.03");
        assertThat(PerformanceFormat.tick(1.5, 0.5)).isEqualTo("1.5");
        assertThat(PerformanceFormat.tick(1, 0.5)).isEqualTo("1");
        assertThat(PerformanceFormat.tick(0.001, 0.001)).isEqualTo("0.001");
    }

    @Test
    void axisStepsAreOneTwoOrFiveTimesAPowerOfTenAndReachTheLargestValue() {
        assertThat(RoundedValueAxis.step(9_800, 7)).isEqualTo(2_000);
        assertThat(RoundedValueAxis.step(100, 7)).isEqualTo(20);
        assertThat(RoundedValueAxis.step(100, 4)).isEqualTo(50);
        assertThat(RoundedValueAxis.step(63, 7)).isEqualTo(10);
        assertThat(RoundedValueAxis.step(60, 6)).isEqualTo(10);
        assertThat(RoundedValueAxis.step(0.042, 7)).isEqualTo(0.01);
    }
}
