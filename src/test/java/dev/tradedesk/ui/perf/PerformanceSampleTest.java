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
        PerformanceSample sample = new PerformanceSample(1, stages, 60, 16, 30, 0.9, 0, 0, 100, 1024, 256);
        stages.put(PipelineStage.PARSE, new PerformanceSample.StageLatency(1, 2));
        assertThat(sample.latency(PipelineStage.PARSE)).isEqualTo(PerformanceSample.StageLatency.UNKNOWN);
        assertThat(sample.latency(PipelineStage.FETCH).p99Ms()).isEqualTo(40);
        assertThat(sample.stageLatencies()).isUnmodifiable();
    }

    @Test
    void acceptsNaNAsUnknownButRejectsImpossibleValuesNamingEach() {
        assertThat(new PerformanceSample(1, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                Double.NaN, Double.NaN, Double.NaN).readCacheHitRate()).isNaN();
        assertThatThrownBy(() -> new PerformanceSample(1, Map.of(), -1, 16, 30, 1.5, 0, -2, 100, 1024, 256))
                .hasMessageContaining("framesPerSecond").hasMessageContaining("readCacheHitRate")
                .hasMessageContaining("gcCount");
        assertThatThrownBy(() -> new PerformanceSample.StageLatency(-1, 2)).isInstanceOf(IllegalArgumentException.class);
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
