package dev.tradedesk.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.ProviderKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MarketHandOffTest {

    private static final Symbol AAPL = Symbol.of("AAPL");

    private static Bar bar(long minute) {
        return new Bar(minute * 60_000, 10, 11, 9, 10, 100);
    }

    private static MarketUpdate closed(long minute) {
        return new MarketUpdate(Map.of(), Map.of(AAPL, List.of(bar(minute))), Map.of(), Map.of(), null, null, minute);
    }

    @Test
    void updatesPublishedBetweenTwoFramesAreMergedWithoutLosingClosedBars() {
        MarketHandOff handOff = new MarketHandOff();
        handOff.publish(closed(1));
        handOff.publish(new MarketUpdate(Map.of(), Map.of(), Map.of(AAPL, bar(2)), Map.of(), null, null, 5));
        handOff.publish(closed(2));
        handOff.publish(MarketUpdate.ofConnection(ConnectionState.live(ProviderKind.SIM)));

        MarketUpdate frame = handOff.take();
        assertThat(frame.closedBars().get(AAPL)).containsExactly(bar(1), bar(2));
        assertThat(frame.formingBars()).as("the forming bar closed in the meantime").isEmpty();
        assertThat(frame.connection().status()).isEqualTo(ConnectionState.Status.LIVE);
        assertThat(frame.oldestResponseNanos()).isEqualTo(1);
        assertThat(handOff.take()).isNull();
    }

    @Test
    void anEndedSessionsPendingAndLaterUpdatesAreDroppedAndTheNextSessionsAreTaken() {
        MarketHandOff handOff = new MarketHandOff();
        Consumer<MarketUpdate> old = handOff.publisherForSession();
        old.accept(closed(1));

        handOff.endSession();
        assertThat(handOff.take()).as("published before the switch, not yet taken").isNull();
        old.accept(closed(2));
        assertThat(handOff.take()).as("published after the switch").isNull();

        Consumer<MarketUpdate> next = handOff.publisherForSession();
        next.accept(closed(3));
        old.accept(closed(4));
        assertThat(handOff.take().closedBars().get(AAPL)).containsExactly(bar(3));
        assertThat(handOff.take()).isNull();
    }

    @Test
    void aMergedUpdateKeepsThePublishTimeOfItsOldestResponse() {
        MarketUpdate older = new MarketUpdate(Map.of(), Map.of(), Map.of(AAPL, bar(1)), Map.of(), null, null, 100, Map.of(), 150);
        MarketUpdate newer = new MarketUpdate(Map.of(), Map.of(), Map.of(AAPL, bar(2)), Map.of(), null, null, 200, Map.of(), 210);
        assertThat(newer.merge(older).oldestPublishedNanos()).isEqualTo(150);
        assertThat(older.merge(newer).oldestPublishedNanos()).isEqualTo(150);
        assertThat(older.merge(MarketUpdate.ofConnection(null)).oldestResponseNanos()).isEqualTo(100);
        assertThat(older.merge(MarketUpdate.ofConnection(null)).oldestPublishedNanos()).isEqualTo(150);
    }

    @Test
    void aProblemClearsWhenTheSymbolQuotesAgain() {
        MarketUpdate failing = new MarketUpdate(Map.of(), Map.of(), Map.of(), Map.of(AAPL, "timeout"), null, null, Long.MAX_VALUE);
        MarketUpdate quoting = new MarketUpdate(Map.of(AAPL, new Quote(AAPL, 0, 1, 0, 50, 50, 35, 100, 1)), Map.of(), Map.of(),
                Map.of(), null, null, Long.MAX_VALUE);
        assertThat(failing.merge(quoting).problems()).isEmpty();
        assertThat(quoting.merge(failing).problems()).containsEntry(AAPL, "timeout");
    }

    @Test
    void aProblemSaidOverIsDroppedFromTheMergeAndAProblemSaidAfterItIsKept() {
        MarketUpdate waiting = new MarketUpdate(Map.of(), Map.of(), Map.of(), Map.of(AAPL, "Waiting for the history store"),
                null, null, Long.MAX_VALUE);
        MarketUpdate over = new MarketUpdate(Map.of(), Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE, Map.of(),
                Long.MAX_VALUE, Set.of(), Set.of(AAPL));
        MarketUpdate failing = new MarketUpdate(Map.of(), Map.of(), Map.of(), Map.of(AAPL, "timeout"), null, null, Long.MAX_VALUE);

        MarketUpdate ended = waiting.merge(over);
        assertThat(ended.problems()).isEmpty();
        assertThat(ended.problemsOver()).containsExactly(AAPL);
        assertThat(ended.merge(MarketUpdate.ofConnection(null)).problemsOver()).as("kept until the frame takes it")
                .containsExactly(AAPL);
        assertThat(over.merge(failing).problems()).as("newer than the end").containsEntry(AAPL, "timeout");
        assertThat(over.symbols()).containsExactly(AAPL);
    }

    @Test
    void concurrentProducersNeverLoseABar() throws Exception {
        MarketHandOff handOff = new MarketHandOff();
        ExecutorService producers = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        for (int p = 0; p < 4; p++) {
            int producer = p;
            producers.execute(() -> {
                for (int i = 0; i < 500; i++) {
                    handOff.publish(closed(producer * 1000L + i));
                }
                done.countDown();
            });
        }
        int seen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((done.getCount() > 0 || seen < 2000) && System.nanoTime() < deadline) {
            MarketUpdate frame = handOff.take();
            if (frame != null) {
                seen += frame.closedBars().get(AAPL).size();
            }
            done.await(1, TimeUnit.MILLISECONDS);
        }
        producers.shutdown();
        assertThat(seen).isEqualTo(2000);
    }
}
