package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.Symbol;
import java.util.Map;
import java.util.Set;

/**
 * The answer to one "latest bars" request for a batch of symbols: a bar for each symbol the
 * provider had one for, a failure for each symbol whose own request failed (providers without a
 * multi-symbol call fetch each symbol separately, so one can fail while the others succeed), and
 * the symbols whose latest record the provider did send but validation dropped (where the
 * provider's answer tells records apart by symbol). A symbol in none of them is unknown to the
 * provider. Immutable.
 */
public record LatestBars(Map<Symbol, Bar> bars, Map<Symbol, ProviderException> failures, Set<Symbol> invalid) {

    public LatestBars {
        bars = Map.copyOf(bars);
        failures = Map.copyOf(failures);
        invalid = Set.copyOf(invalid);
    }

    /** An answer in which no record was dropped. */
    public LatestBars(Map<Symbol, Bar> bars, Map<Symbol, ProviderException> failures) {
        this(bars, failures, Set.of());
    }
}
