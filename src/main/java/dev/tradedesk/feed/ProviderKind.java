package dev.tradedesk.feed;

import dev.tradedesk.core.BarAggregator;
import dev.tradedesk.core.Spaces;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The market data sources TradeDesk speaks; the label is used in settings and on the command line. */
public enum ProviderKind {
    /** The built-in simulated exchange on loopback, speaking Alpaca's API: no account, no network. */
    SIM("sim", "Simulated exchange", BarAggregator.NEW_YORK),
    ALPACA("alpaca", "Alpaca", BarAggregator.NEW_YORK),
    BINANCE("binance", "Binance", ZoneOffset.UTC),
    COINBASE("coinbase", "Coinbase", ZoneOffset.UTC);

    private final String label;
    private final String displayName;
    private final ZoneId tradingDayZone;

    ProviderKind(String label, String displayName, ZoneId tradingDayZone) {
        this.label = label;
        this.displayName = displayName;
        this.tradingDayZone = tradingDayZone;
    }

    /**
     * The zone whose calendar days are its market's trading days: a daily bar spans one, the
     * session's change is counted from its first bar. New York's for the US stocks Alpaca (and the
     * simulated exchange, which speaks its API) serves; UTC's for the crypto markets of Binance and
     * Coinbase, whose own daily candles open at 00:00 UTC, so that a 1Day chart of BTCUSDT shows the
     * candles Binance shows.
     */
    public ZoneId tradingDayZone() {
        return tradingDayZone;
    }

    public String label() {
        return label;
    }

    /** The name a user knows it by, as the status bar and the settings dialog show it: "Simulated exchange", "Alpaca". */
    public String displayName() {
        return displayName;
    }

    public static ProviderKind parse(String text) {
        for (ProviderKind kind : values()) {
            if (kind.label.equalsIgnoreCase(Spaces.trimmed(text))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + text + "': use one of "
                + Arrays.stream(values()).map(ProviderKind::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
