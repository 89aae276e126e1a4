package dev.tradedesk.cli;

import dev.tradedesk.core.Symbol;
import picocli.CommandLine.Option;

/**
 * A required {@code --symbol}, validated as it is parsed: for the commands on one series, with
 * ({@link SeriesOptions}) or without a required timeframe.
 */
final class SymbolOption {

    @Option(names = "--symbol", required = true, paramLabel = "SYMBOL", converter = SeriesOptions.SymbolConverter.class,
            description = "Symbol, e.g. AAPL, BRK.B, BTC/USD.")
    private Symbol symbol;

    Symbol symbol() {
        return symbol;
    }
}
