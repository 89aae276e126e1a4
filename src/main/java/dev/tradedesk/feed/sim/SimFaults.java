package dev.tradedesk.feed.sim;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which faults the simulated exchange injects, and how often: each response fails with probability
 * {@code rate}, in one of {@code kinds} (only those that fit the endpoint), drawn from a
 * counter-based random stream keyed by {@code seed}, so the n-th response of a run always gets the
 * same decision.
 *
 * @param rate  fraction of responses that fail, in [0, 1]
 * @param kinds the faults to draw from; empty means none
 * @param seed  seed of the fault decisions (independent of the price model's seed)
 * @param stall how long a {@link FaultKind#STALL} keeps the client waiting: longer than its read timeout
 */
public record SimFaults(double rate, Set<FaultKind> kinds, long seed, Duration stall) {

    /** No faults at all. */
    public static final SimFaults NONE = new SimFaults(0, Set.of(), 0, Duration.ZERO);

    public SimFaults {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("fault rate must be between 0 and 1, was " + rate);
        }
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        if (stall.isNegative()) {
            throw new IllegalArgumentException("stall must not be negative");
        }
    }

    /** Every kind of fault at {@code rate}. */
    public static SimFaults all(double rate, long seed, Duration stall) {
        return new SimFaults(rate, EnumSet.allOf(FaultKind.class), seed, stall);
    }

    public boolean active() {
        return rate > 0 && !kinds.isEmpty();
    }
}
