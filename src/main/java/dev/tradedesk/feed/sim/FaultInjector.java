package dev.tradedesk.feed.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decides, response by response, whether and how the simulated exchange fails, and counts what it
 * injected. Decisions are a pure function of (seed, response number), so a run is reproducible up
 * to the order in which concurrent requests arrive. Thread-safe.
 */
final class FaultInjector {

    private static final long DRAW = 1;
    private static final long PICK = 2;

    private final SimFaults faults;
    private final long key;
    private final AtomicLong responses = new AtomicLong();
    private final AtomicBoolean unauthorizedSent = new AtomicBoolean();
    private final Map<FaultKind, LongAdder> injected = new EnumMap<>(FaultKind.class);

    FaultInjector(SimFaults faults) {
        this.faults = faults;
        this.key = SimRandom.keyOf(faults.seed(), "faults");
        for (FaultKind kind : FaultKind.values()) {
            injected.put(kind, new LongAdder());
        }
    }

    /** The fault for the next response, or null for a good one. */
    FaultKind next(boolean latestEndpoint) {
        if (!faults.active()) {
            return null;
        }
        long n = responses.getAndIncrement();
        if (SimRandom.uniform(key, DRAW, n) >= faults.rate()) {
            return null;
        }
        List<FaultKind> fitting = new ArrayList<>();
        for (FaultKind kind : FaultKind.values()) {
            boolean fits = faults.kinds().contains(kind) && (!latestEndpoint || kind.appliesToLatest())
                    && !(kind == FaultKind.UNAUTHORIZED_ONCE && unauthorizedSent.get());
            if (fits) {
                fitting.add(kind);
            }
        }
        if (fitting.isEmpty()) {
            return null;
        }
        FaultKind kind = fitting.get((int) Long.remainderUnsigned(SimRandom.hash(key, PICK, n), fitting.size()));
        if (kind == FaultKind.UNAUTHORIZED_ONCE && !unauthorizedSent.compareAndSet(false, true)) {
            return null; // another thread sent the one 401 first
        }
        injected.get(kind).increment();
        return kind;
    }

    /** Faults injected so far, by kind (every kind present, in declaration order). */
    Map<FaultKind, Long> injected() {
        Map<FaultKind, Long> copy = new EnumMap<>(FaultKind.class);
        injected.forEach((kind, count) -> copy.put(kind, count.sum()));
        return copy;
    }

    long responses() {
        return responses.get();
    }

    SimFaults faults() {
        return faults;
    }
}
