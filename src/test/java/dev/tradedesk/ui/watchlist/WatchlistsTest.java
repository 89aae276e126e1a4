package dev.tradedesk.ui.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.ProviderKind;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchlistsTest {

    @Test
    void theSimulatorAndAlpacaShareTheStockListAndEachCryptoExchangeHasItsOwn() {
        Watchlists lists = Watchlists.DEFAULTS.with(ProviderKind.ALPACA, List.of(Symbol.of("SPY")));

        assertThat(lists.of(ProviderKind.SIM)).containsExactly(Symbol.of("SPY"));
        assertThat(lists.of(ProviderKind.BINANCE)).isEqualTo(Watchlists.DEFAULTS.binance()).contains(Symbol.of("BTCUSDT"));
        assertThat(lists.of(ProviderKind.COINBASE)).isEqualTo(Watchlists.DEFAULTS.coinbase()).contains(Symbol.of("BTC-USD"));
        assertThat(Watchlists.shared(ProviderKind.SIM, ProviderKind.ALPACA)).isTrue();
        assertThat(Watchlists.shared(ProviderKind.BINANCE, ProviderKind.COINBASE)).isFalse();
        assertThat(Watchlists.name(ProviderKind.ALPACA)).isEqualTo("stocks");
    }

    @Test
    void eachListDropsRepeatsAndRefusesMoreThanTheWatchlistHolds() {
        Watchlists lists = Watchlists.DEFAULTS.with(ProviderKind.COINBASE,
                List.of(Symbol.of("BTC-USD"), Symbol.of("ETH-USD"), Symbol.of("BTC-USD")));
        assertThat(lists.coinbase()).containsExactly(Symbol.of("BTC-USD"), Symbol.of("ETH-USD"));

        List<Symbol> tooMany = java.util.stream.IntStream.rangeClosed(1, WatchlistViewModel.MAX_SYMBOLS + 1)
                .mapToObj(i -> Symbol.of("S" + i)).toList();
        assertThatThrownBy(() -> Watchlists.DEFAULTS.with(ProviderKind.BINANCE, tooMany))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the binance watchlist holds 501 symbols");
        assertThatThrownBy(() -> new Watchlists(Collections.singletonList(null), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stocks");
    }
}
