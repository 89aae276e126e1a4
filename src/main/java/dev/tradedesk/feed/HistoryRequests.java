package dev.tradedesk.feed;

import dev.tradedesk.core.Symbol;
import java.util.List;

/**
 * How the closing and history lanes send a request to the provider's history endpoint through the
 * {@link PriceScheduler}, which tracks it (so {@link PriceScheduler#close} cancels it), counts it in
 * flight (so a dropped record is blamed on it), and handles its failure (backing off the lane).
 * Scheduler thread only.
 */
@FunctionalInterface
interface HistoryRequests {

    /**
     * Asks for the bars of {@code symbols} in {@code [from, to]} (epoch millis, both inclusive). On the
     * scheduler thread, calls {@code answer} when the answer is in, else {@code failed} before the lane
     * backs off; {@code failed} also undoes the lane's bookkeeping if {@code answer} throws.
     */
    void send(PriceScheduler.Lane lane, List<Symbol> symbols, long from, long to, Runnable failed, Answer answer);

    /** A history request's answer. */
    @FunctionalInterface
    interface Answer {
        /**
         * @param answer   the bars, and every asked symbol the provider does not know (refused now or
         *                 before, so not asked again): nothing of such a symbol was answered
         * @param whole    no record was dropped by validation while the request ran
         * @param ranAlone no other request ran beside it, so an incomplete answer can be pinned on it
         */
        void accept(HistoryBars answer, boolean whole, boolean ranAlone);
    }
}
