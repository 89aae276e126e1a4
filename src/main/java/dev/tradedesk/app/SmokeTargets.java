package dev.tradedesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The workstation's measured targets (issue 6: software rendering, 1400×900, 50 symbols, the chart
 * over 100,000 bars), judged against a smoke test's figures. The smoke test passes or fails on
 * errors alone; these say plainly which targets a run met, so that a pass is not read as more.
 */
final class SmokeTargets {

    /** A figure's bound: at most {@code limit}, or at least it when {@code atLeast}. */
    record Target(String figure, double limit, boolean atLeast) {

        boolean metBy(double value) {
            return !Double.isNaN(value) && (atLeast ? value >= limit : value <= limit);
        }

        @Override
        public String toString() {
            return figure + (atLeast ? " >= " : " <= ") + String.format(Locale.ROOT, "%.0f", limit);
        }
    }

    static final List<Target> TARGETS = List.of(
            new Target("startup.first_frame_ms", 2_000, false),
            new Target("ui.fps.median", 59, true), // the 60 Hz pulse cap, less a frame's rounding
            new Target("ui.frame_ms.p99", 25, false),
            new Target("pipeline.tick_to_screen_ms.p99", 17, false),
            new Target("heap.after_gc_mb", 256, false));

    /** What a run met and missed. */
    record Verdict(List<Target> met, List<Target> missed) {
    }

    private SmokeTargets() {
    }

    /** Judges {@code figures} (as the smoke test prints them); a figure missing or unreadable is missed. */
    static Verdict judge(Map<String, String> figures) {
        List<Target> met = new ArrayList<>();
        List<Target> missed = new ArrayList<>();
        for (Target target : TARGETS) {
            (target.metBy(number(figures.get(target.figure()))) ? met : missed).add(target);
        }
        return new Verdict(List.copyOf(met), List.copyOf(missed));
    }

    private static double number(String text) {
        try {
            return text == null ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            return Double.NaN; // "none": no first frame
        }
    }
}
