package dev.tradedesk.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemsToldTest {

    private static final Symbol ETH = Symbol.of("ETHUSDT");
    private static final Symbol SOL = Symbol.of("SOLUSDT");
    private static final Bar BAR = new Bar(60_000, 10, 11, 9, 10.5, 100);
    private static final ProviderException TIMEOUT = new ProviderException(ProviderException.Kind.TIMEOUT,
            "Binance did not answer in time", null);

    private final List<CycleBatch> handed = new ArrayList<>();
    private final ProblemsTold told = new ProblemsTold(handed::add);

    private static CycleBatch latest(Set<Symbol> withoutData, Map<Symbol, ProviderException> failures) {
        return new CycleBatch(1, Timeframe.ONE_MINUTE, Map.of(), Map.of(), withoutData, failures, 42);
    }

    @Test
    void aSymbolNamedWithAFailureOrWithoutDataIsAnsweredAgainWhenItsBarComesWithoutAFormingBar() {
        told.onBatch(latest(Set.of(SOL), Map.of(ETH, TIMEOUT)));
        assertThat(handed).hasSize(1);

        Map<Symbol, Bar> bars = Map.of(ETH, BAR, SOL, BAR);
        assertThat(told.answeredAgain(bars, Map.of())).containsExactlyInAnyOrder(ETH, SOL);
        assertThat(told.answeredAgain(bars, Map.of(ETH, BAR))).as("a forming bar's quote ends it itself")
                .containsExactly(SOL);
        assertThat(told.answeredAgain(Map.of(ETH, BAR), Map.of())).as("no bar, no answer").containsExactly(ETH);
    }

    @Test
    void aProblemEndedOrReplacedByAPriceIsForgotten() {
        told.onBatch(latest(Set.of(), Map.of(ETH, TIMEOUT, SOL, TIMEOUT)));
        told.onBatch(new CycleBatch(2, Timeframe.ONE_MINUTE, Map.of(), Map.of(), Set.of(), Map.of(), 43, Map.of(), Set.of(),
                Map.of(), Set.of(), Set.of(ETH)));
        BarColumns window = new BarColumns(1);
        window.add(BAR);
        told.onBatch(new CycleBatch(2, Timeframe.ONE_MINUTE, Map.of(SOL, window), Map.of(), Set.of(), Map.of(), Long.MAX_VALUE,
                Map.of(), Set.of()));

        assertThat(told.answeredAgain(Map.of(ETH, BAR, SOL, BAR), Map.of())).isEmpty();
    }

    @Test
    void aBackfillWindowShortOfTheLiveEdgeEndsNoProblem() {
        told.onBatch(latest(Set.of(), Map.of(SOL, TIMEOUT)));
        BarColumns window = new BarColumns(1);
        window.add(BAR);
        told.onBatch(new CycleBatch(2, Timeframe.ONE_MINUTE, Map.of(SOL, window), Map.of(), Set.of(), Map.of(), Long.MAX_VALUE,
                Map.of(), Set.of(SOL)));

        assertThat(told.answeredAgain(Map.of(SOL, BAR), Map.of())).containsExactly(SOL);
    }

    @Test
    void aSymbolRemovedFromTheWatchlistIsForgotten() {
        Symbol btc = Symbol.of("BTCUSDT");
        told.onBatch(new CycleBatch(1, Timeframe.ONE_MINUTE, Map.of(), Map.of(btc, BAR), Set.of(),
                Map.of(ETH, TIMEOUT, SOL, TIMEOUT), 42));
        told.watchlist(List.of(ETH, SOL, btc));
        told.watchlist(List.of(ETH));

        assertThat(told.answeredAgain(Map.of(ETH, BAR, SOL, BAR), Map.of())).containsExactly(ETH);
        assertThat(told.outageProblems(List.of(ETH, SOL, btc), Map.of(), Map.of(), TIMEOUT))
                .as("added again, SOL and BTC have new rows, without a price or a problem").containsOnlyKeys(ETH, SOL, btc);
    }

    @Test
    void anOutageNamesTheSymbolsWithoutAPriceThatDoNotWaitForTheStoreOnceWhileItsProblemStays() {
        ProviderException down = new ProviderException(ProviderException.Kind.NETWORK, "Binance request failed", null);
        Symbol btc = Symbol.of("BTCUSDT");
        told.onBatch(new CycleBatch(1, Timeframe.ONE_MINUTE, Map.of(), Map.of(ETH, BAR), Set.of(), Map.of(), 42));
        List<Symbol> asked = List.of(ETH, SOL, btc);
        Map<Symbol, String> waiting = Map.of(btc, "the history database is closed");

        Map<Symbol, ProviderException> named = told.outageProblems(asked, waiting, Map.of(), down);
        assertThat(named).as("ETH keeps its price; BTC's row says it waits for the store").containsOnlyKeys(SOL);
        told.onBatch(latest(Set.of(), named));
        assertThat(told.outageProblems(asked, waiting, Map.of(), down)).as("its row says it already").isEmpty();

        assertThat(told.outageProblems(asked, Map.of(), Map.of(), down)).as("BTC's wait ended: all are named again")
                .containsOnlyKeys(SOL, btc);
        ProviderException timeout = new ProviderException(ProviderException.Kind.TIMEOUT, "Binance did not answer", null);
        assertThat(told.outageProblems(asked, waiting, Map.of(SOL, timeout), down)).as("another problem")
                .containsExactly(Map.entry(SOL, timeout));
    }

    @Test
    void aBatchTheListenerThrowsOnIsNotRemembered() {
        ProblemsTold throwing = new ProblemsTold(batch -> {
            throw new IllegalStateException("listener bug");
        });
        assertThatThrownBy(() -> throwing.onBatch(latest(Set.of(), Map.of(ETH, TIMEOUT)))).hasMessage("listener bug");

        assertThat(throwing.answeredAgain(Map.of(ETH, BAR), Map.of())).isEmpty();
    }
}
