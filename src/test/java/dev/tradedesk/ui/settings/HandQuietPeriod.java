package dev.tradedesk.ui.settings;

/** A quiet period that passes only when a test says so: typing in tests pauses when the test ends it. */
final class HandQuietPeriod implements QuietPeriod {

    private Runnable waiting;

    @Override
    public void restart(Runnable action) {
        waiting = action;
    }

    @Override
    public void stop() {
        waiting = null;
    }

    /** Whether an action waits for the period to pass. */
    boolean waiting() {
        return waiting != null;
    }

    /** The typing pauses: the action waiting, if any, runs once. */
    void pass() {
        Runnable action = waiting;
        waiting = null;
        if (action != null) {
            action.run();
        }
    }
}
