package dev.tradedesk.feed.sim;

import java.time.Clock;
import java.time.Instant;

/**
 * The simulated exchange's clock: starts at {@code simulatedStart} and runs {@code speed} times
 * faster than the wall clock it is given ({@code speed} 60 = one simulated minute per second).
 * It can be frozen, so that a check can compare a store with a market that no longer moves.
 * Thread-safe.
 */
public final class SimClock {

    private final Clock wallClock;
    private final long wallStartMillis;
    private final long simulatedStartMillis;
    private final double speed;
    private volatile long frozenAt = Long.MIN_VALUE;

    /** A clock that reads {@code simulatedStart} now. */
    public SimClock(Clock wallClock, Instant simulatedStart, double speed) {
        this(wallClock, wallClock.instant(), simulatedStart, speed);
    }

    /**
     * A clock that read {@code simulatedAtAnchor} when the wall clock read {@code wallAnchor}: two
     * processes given the same anchors and speed agree on the simulated time, so a run restarted
     * after a crash continues the same simulated day.
     */
    public SimClock(Clock wallClock, Instant wallAnchor, Instant simulatedAtAnchor, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, was " + speed);
        }
        this.wallClock = wallClock;
        this.wallStartMillis = wallAnchor.toEpochMilli();
        this.simulatedStartMillis = simulatedAtAnchor.toEpochMilli();
        this.speed = speed;
    }

    /** Simulated time in epoch milliseconds. */
    public long millis() {
        long frozen = frozenAt;
        return frozen != Long.MIN_VALUE ? frozen : simulatedStartMillis + (long) ((wallClock.millis() - wallStartMillis) * speed);
    }

    /** Stops simulated time where it is now; returns that time. Idempotent. */
    public synchronized long freeze() {
        if (frozenAt == Long.MIN_VALUE) {
            frozenAt = millis();
        }
        return frozenAt;
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
