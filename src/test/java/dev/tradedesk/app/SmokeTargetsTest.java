package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTargetsTest {

    @Test
    void eachTargetIsJudgedOnItsOwnFigureWithItsBoundItself() {
        SmokeTargets.Verdict verdict = SmokeTargets.judge(Map.of("startup.first_frame_ms", "2000",
                "ui.fps.median", "60.0", "ui.frame_ms.p99", "25.1", "pipeline.tick_to_screen_ms.p99", "17.0",
                "heap.after_gc_mb", "257"));

        assertThat(verdict.met()).extracting(SmokeTargets.Target::figure)
                .containsExactly("startup.first_frame_ms", "ui.fps.median", "pipeline.tick_to_screen_ms.p99");
        assertThat(verdict.missed()).extracting(SmokeTargets.Target::toString)
                .containsExactly("ui.frame_ms.p99 <= 25", "heap.after_gc_mb <= 256");
    }

    @Test
    void aFigureThatIsMissingOrNotANumberMissesItsTarget() {
        SmokeTargets.Verdict verdict = SmokeTargets.judge(Map.of("startup.first_frame_ms", "none", "ui.fps.median", "NaN"));

        assertThat(verdict.met()).isEmpty();
        assertThat(verdict.missed()).hasSize(SmokeTargets.TARGETS.size());
    }
}
