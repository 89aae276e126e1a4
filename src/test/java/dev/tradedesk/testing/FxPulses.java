package dev.tradedesk.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/** Waits for JavaFX pulses: what a chart draws, it draws in a pulse, not when its data is set. */
public final class FxPulses {

    private FxPulses() {
    }

    /** Waits until JavaFX has run {@code count} more pulses (5 s at the most), then for its queued events. */
    public static void await(int count) {
        AtomicInteger pulses = new AtomicInteger();
        AtomicReference<AnimationTimer> timer = new AtomicReference<>();
        Platform.runLater(() -> {
            AnimationTimer counter = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.incrementAndGet();
                }
            };
            timer.set(counter);
            counter.start();
        });
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pulses.get() > count);
        } catch (TimeoutException e) {
            throw new AssertionError("JavaFX ran " + pulses.get() + " of " + count + " pulses in 5 s", e);
        } finally {
            Platform.runLater(() -> timer.get().stop());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
