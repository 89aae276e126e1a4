package dev.tradedesk.feed;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * While the {@link PriceScheduler}'s live request fails, names the symbols without a price yet with
 * the provider's problem, by one batch while it stays the same (a symbol with a price keeps it), so
 * that their rows say why no price comes ({@link ProblemsTold#outageProblems}): one added while the
 * provider is down, one whose wait for the store ended meanwhile (the batch says so too, so its row
 * stops saying it waits), every symbol when the provider is down from the start. A rejected key
 * that stops the scheduler is told so too. The store's answers stay untold: the next latest answer
 * names them again, which ends the outage's problem too, as {@link CycleBatch#answeredAgain} does
 * for the others.
 *
 * <p>Confined to the scheduler thread.
 */
final class OutageReport {

    /** The listener, remembering which symbols' rows show a provider's problem. */
    private final ProblemsTold problemsTold;
    private final UnknownSymbols unknown;
    private final HandoverLedger ledger;
    private final Timeframe timeframe;

    /** The live lane's last cycle, and the symbols it asked the provider for. */
    private long cycle;
    private List<Symbol> asked = List.of();

    OutageReport(ProblemsTold problemsTold, UnknownSymbols unknown, HandoverLedger ledger, Timeframe timeframe) {
        this.problemsTold = problemsTold;
        this.unknown = unknown;
        this.ledger = ledger;
        this.timeframe = timeframe;
    }

    /** The live lane's cycle numbered {@code cycleNumber} asks the provider for {@code watched}. */
    void cycleAsks(long cycleNumber, List<Symbol> watched) {
        cycle = cycleNumber;
        asked = watched;
    }

    /**
     * The live request failed with {@code problem} ({@code perSymbol}: each symbol's own, from a
     * provider asked symbol by symbol), or a rejected key stopped the scheduler: a batch names the
     * symbols of the last cycle without a price yet, each with the provider's problem. No batch while
     * the rows say it already.
     */
    void tell(Map<Symbol, ProviderException> perSymbol, ProviderException problem) {
        // Not those the provider refused meanwhile: their rows say it does not know them.
        Map<Symbol, ProviderException> failures = problemsTold.outageProblems(unknown.without(asked), ledger.waiting(),
                perSymbol, problem);
        if (!failures.isEmpty()) {
            problemsTold.onBatch(new CycleBatch(cycle, timeframe, Map.of(), Map.of(), Set.of(), failures,
                    Long.MAX_VALUE, Map.of(), Set.of(), ledger.waiting(), ledger.storeAnswered()));
        }
    }
}
