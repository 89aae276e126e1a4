package dev.tradedesk.feed;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The market data sources TradeDesk speaks; the label is used in settings and on the command line. */
public enum ProviderKind {
    /** The built-in simulated exchange on loopback, speaking Alpaca's API: no account, no network. */
    SIM("sim"),
    ALPACA("alpaca"),
    BINANCE("binance"),
    COINBASE("coinbase");

    private final String label;

    ProviderKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ProviderKind parse(String text) {
        for (ProviderKind kind : values()) {
            if (kind.label.equalsIgnoreCase(text == null ? "" : text.strip())) {
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
