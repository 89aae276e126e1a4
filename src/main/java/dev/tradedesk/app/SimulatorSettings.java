package dev.tradedesk.app;

import dev.tradedesk.core.InvalidFieldException;

/**
 * The built-in simulated exchange's settings.
 *
 * @param speed       simulated minutes per real minute (1 = real time; 60 = a minute per second)
 * @param seed        seed of the price model: the same seed gives the same prices
 * @param historyDays days of history the exchange serves before now (at least the backfill's look-back)
 */
public record SimulatorSettings(double speed, long seed, int historyDays) {

    public static final double MAX_SPEED = 10_000;
    public static final int MAX_HISTORY_DAYS = 3_650;
    public static final SimulatorSettings DEFAULTS = new SimulatorSettings(1, 42, 3);

    public SimulatorSettings {
        if (!(speed > 0 && speed <= MAX_SPEED)) {
            throw new InvalidFieldException("speed", "simulator speed must be in (0, " + (long) MAX_SPEED + "], was " + speed);
        }
        if (historyDays < 1 || historyDays > MAX_HISTORY_DAYS) {
            throw new InvalidFieldException("historyDays", "simulator historyDays must be between 1 and " + MAX_HISTORY_DAYS
                    + ", was " + historyDays);
        }
    }

    public SimulatorSettings withSpeed(double newSpeed) {
        return new SimulatorSettings(newSpeed, seed, historyDays);
    }
}
