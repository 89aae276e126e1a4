package dev.tradedesk.feed;

import dev.tradedesk.core.Symbol;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the closing and history lanes send a request to the provider's history endpoint through the
 * {@link PriceScheduler}, which tracks it (so {@link PriceScheduler#close} cancels it) and handles its
 * failure (backing off the lane). Scheduler thread only.
 */
@FunctionalInterface
interface HistoryRequests {

    /**
     * Asks for the bars of {@code symbols} in {@code [from, to]} (epoch millis, both inclusive). On the
     * scheduler thread, calls {@code answer} when the answer is in, else {@code failed} once the lane
     * backs off, also when the provider threw instead of failing the request (never at the caller);
     * {@code failed} also undoes the lane's bookkeeping if {@code answer} throws. The
     * answer's {@link HistoryBars#unknown()} holds every asked symbol the provider does not know
     * (refused now or before, so not asked again), and {@link HistoryBars#whole} says whose range
     * came back whole.
     */
    void send(PriceScheduler.Lane lane, List<Symbol> symbols, long from, long to, Runnable failed,
            Consumer<HistoryBars> answer);
}
