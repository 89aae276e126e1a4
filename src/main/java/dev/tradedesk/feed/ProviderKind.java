package dev.tradedesk.feed;

import dev.tradedesk.core.Spaces;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The market data sources TradeDesk speaks; the label is used in settings and on the command line. */
public enum ProviderKind {
    /** The built-in simulated exchange on loopback, speaking Alpaca's API: no account, no network. */
    SIM("sim", "Simulated exchange"),
    ALPACA("alpaca", "Alpaca"),
    BINANCE("binance", "Binance"),
    COINBASE("coinbase", "Coinbase");

    private final String label;
    private final String displayName;

    ProviderKind(String label, String displayName) {
        this.label = label;
        this.displayName = displayName;
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
