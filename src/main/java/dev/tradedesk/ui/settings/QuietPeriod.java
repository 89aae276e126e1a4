package dev.tradedesk.ui.settings;

import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Puts an action off until the user pauses: each {@link #restart} replaces the action waiting and
 * starts the wait again, so a burst of changes runs the last action once. {@link #typingPause()}
 * waits on the JavaFX clock; tests pass one they end by hand, so nothing in them depends on time.
 *
 * <p>Use on the JavaFX thread (or, for a hand-driven one, any one thread); the action runs there.
 */
public interface QuietPeriod {

    /** How long typing must pause before a typed indicator value is previewed. */
    Duration TYPING_PAUSE = Duration.millis(250);

    /** Runs {@code action} once the quiet period has passed with no other restart or stop. */
    void restart(Runnable action);

    /** Drops the action waiting, if any. */
    void stop();

    /** A {@link #TYPING_PAUSE} on the JavaFX clock (a {@link PauseTransition}); create on the JavaFX thread. */
    static QuietPeriod typingPause() {
        return new Pause(TYPING_PAUSE);
    }

    /** The JavaFX clock's quiet period: the action runs on the JavaFX thread, never on a thread of its own. */
    final class Pause implements QuietPeriod {
        private final PauseTransition pause;

        Pause(Duration length) {
            pause = new PauseTransition(length);
        }

        @Override
        public void restart(Runnable action) {
            Objects.requireNonNull(action);
            pause.setOnFinished(event -> action.run());
            pause.playFromStart();
        }

        @Override
        public void stop() {
            pause.stop();
            pause.setOnFinished(null);
        }
    }
}
