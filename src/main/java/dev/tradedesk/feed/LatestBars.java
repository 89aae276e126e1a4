package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.Symbol;
import java.util.Map;

/**
 * The answer to one "latest bars" request for a batch of symbols: a bar for each symbol the
 * provider had one for, and a failure for each symbol whose own request failed (providers without
 * a multi-symbol call fetch each symbol separately, so one can fail while the others succeed). A
 * symbol in neither map is unknown to the provider. Immutable.
 */
public record LatestBars(Map<Symbol, Bar> bars, Map<Symbol, ProviderException> failures) {

    public LatestBars {
        bars = Map.copyOf(bars);
        failures = Map.copyOf(failures);
    }
}
