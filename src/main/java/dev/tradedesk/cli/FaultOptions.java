package dev.tradedesk.cli;

import dev.tradedesk.core.Spaces;
import dev.tradedesk.feed.sim.FaultKind;
import dev.tradedesk.feed.sim.SimFaults;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code --faults RATE [--fault-kinds a,b] [--fault-seed N]}: the simulated exchange's injected
 * faults, shared by {@code simulate}, {@code record --provider sim} and {@code verify-sim}.
 */
final class FaultOptions {

    @Option(names = "--faults", paramLabel = "RATE", defaultValue = "0",
            description = "Fraction of the simulated exchange's responses that fail on purpose, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--fault-kinds", paramLabel = "A,B", split = ",",
            description = "Which faults to inject (default: all): ${COMPLETION-CANDIDATES}.",
            completionCandidates = KindLabels.class)
    List<String> kinds;

    @Option(names = "--fault-seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the fault decisions (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Labels for the help text. */
    static final class KindLabels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return EnumSet.allOf(FaultKind.class).stream().map(FaultKind::label).iterator();
        }
    }

    boolean requested() {
        return rate > 0 || kinds != null;
    }

    /**
     * @param stall how long a stall lasts: longer than the client's read timeout
     * @throws IllegalArgumentException on a bad rate or an unknown kind
     */
    SimFaults toFaults(Duration stall) {
        Set<FaultKind> chosen = EnumSet.allOf(FaultKind.class);
        if (kinds != null) {
            chosen = EnumSet.noneOf(FaultKind.class);
            for (String label : kinds) {
                if (!Spaces.isBlank(label)) {
                    chosen.add(FaultKind.parse(label));
                }
            }
        }
        return new SimFaults(rate, chosen, seed, stall);
    }
}
