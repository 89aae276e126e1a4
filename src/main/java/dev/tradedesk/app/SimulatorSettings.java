package dev.tradedesk.app;

/**
 * The built-in simulated exchange's settings.
 *
 * @param speed simulated minutes per real minute (1 = real time; 60 = a minute per second)
 * @param seed  seed of the price model: the same seed gives the same prices
 */
public record SimulatorSettings(double speed, long seed) {

    public static final double MAX_SPEED = 10_000;
    public static final SimulatorSettings DEFAULTS = new SimulatorSettings(1, 42);

    public SimulatorSettings {
        if (!(speed > 0 && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("simulator speed must be in (0, " + (long) MAX_SPEED + "], was " + speed);
        }
    }
}
