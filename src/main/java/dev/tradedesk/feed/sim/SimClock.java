package dev.tradedesk.feed.sim;

import java.time.Clock;
import java.time.Instant;

/**
 * The simulated exchange's clock: starts at {@code simulatedStart} and runs {@code speed} times
 * faster than the wall clock it is given ({@code speed} 60 = one simulated minute per second).
 * Thread-safe (immutable).
 */
public final class SimClock {

    private final Clock wallClock;
    private final long wallStartMillis;
    private final long simulatedStartMillis;
    private final double speed;

    public SimClock(Clock wallClock, Instant simulatedStart, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, was " + speed);
        }
        this.wallClock = wallClock;
        this.wallStartMillis = wallClock.millis();
        this.simulatedStartMillis = simulatedStart.toEpochMilli();
        this.speed = speed;
    }

    /** Simulated time in epoch milliseconds. */
    public long millis() {
        return simulatedStartMillis + (long) ((wallClock.millis() - wallStartMillis) * speed);
    }

    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    /** This clock as a {@link Clock}, for code that takes one (the scheduler's market clock). */
    public Clock asClock() {
        SimClock sim = this;
        return new Clock() {
            @Override
            public long millis() {
                return sim.millis();
            }

            @Override
            public Instant instant() {
                return sim.instant();
            }

            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException("the simulated clock is UTC");
            }
        };
    }

    public double speed() {
        return speed;
    }
}
