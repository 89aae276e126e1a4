package dev.tradedesk.cli;

import dev.tradedesk.app.LogMarkers;
import dev.tradedesk.app.TradeDesk;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.TimeRange;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.SeriesLedger;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tradedesk gaps}: what the completeness ledger knows of a series: since when it is tracked,
 * how much of that span is covered, and the ranges still missing (not yet fetched whole), which
 * the next {@code record} or workstation session fetches again. A series with neither a stored bar
 * nor a ledger (a mistyped symbol) is said on stderr and exits 1, as {@code export} does.
 */
@Command(name = "gaps", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the missing ranges of a stored series (not yet fetched whole) from the completeness ledger.",
                "Covered minutes without a bar are real gaps (no trades, market closed) and are not listed."})
final class GapsCommand implements Callable<Integer> {

    @ParentCommand
    private TradeDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private HistoryChoice source;

    @Option(names = "--symbol", paramLabel = "S", required = true, description = "The symbol, e.g. AAPL.")
    private String symbol;

    @Option(names = "--timeframe", paramLabel = "TF", defaultValue = "1Min",
            description = "1Min, 5Min, 15Min, 1Hour or 1Day (default: ${DEFAULT-VALUE}).")
    private String timeframe;

    @Override
    public Integer call() {
        SeriesKey key;
        try {
            key = new SeriesKey(Symbol.of(symbol), Timeframe.parse(timeframe));
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TradeDesk desk = new TradeDesk(root.contextOfStoredData(spec.commandLine()))) {
            HistoryStore store = source.existingStore(desk, root.context().paths()).orElse(null);
            SeriesLedger ledger = store == null ? null : store.ledger(key, Long.MIN_VALUE, Long.MAX_VALUE);
            if (store == null || ledger.trackedSince().isEmpty() && !hasStoredBars(store, key)) {
                // A mistyped symbol: "nothing is known missing" and exit 0 read as a complete series.
                String nothing = "no stored bars of " + key + " (history in " + source.folder(root.context().paths())
                        + (source.simulated() ? "" : "; --simulated reads the built-in exchange's")
                        + ") and no recording tracks it: nothing to report";
                spec.commandLine().getErr().println("tradedesk: " + nothing);
                LoggerFactory.getLogger(GapsCommand.class).warn(LogMarkers.TOLD_ON_CONSOLE, "Gaps failed: {}", nothing);
                return CommandLine.ExitCode.SOFTWARE;
            }
            if (ledger.trackedSince().isEmpty()) {
                out.println(key + ": not tracked (no recording has started it); nothing is known missing");
                out.flush();
                return 0;
            }
            long since = ledger.trackedSince().getAsLong();
            long now = key.timeframe().gridStart(System.currentTimeMillis());
            // Holes up to the end of what was covered; a series never covered is missing up to now.
            long until = ledger.coveredUntil().orElse(Math.max(since, now));
            List<TimeRange> missing = ledger.missing(since, until);
            out.println("series: " + key);
            out.println("tracked_since: " + Instant.ofEpochMilli(since));
            out.println("covered_until: " + (ledger.coveredUntil().isPresent() ? Instant.ofEpochMilli(until)
                    : "nothing covered yet"));
            out.println("completeness: " + String.format(Locale.ROOT, "%.4f", ledger.completeness(until)));
            out.println("missing_ranges: " + missing.size());
            for (TimeRange range : missing) {
                out.println("missing: " + range + " (" + Counted.of(range.length() / key.timeframe().millis(), "bar") + ")");
            }
            if (ledger.coveredUntil().isPresent() && until < now) {
                out.println("not_recorded_since: " + Instant.ofEpochMilli(until) + " ("
                        + Counted.of((now - until) / key.timeframe().millis(), "bar") + " up to now; the next recording backfills them)");
            }
            out.flush();
            return 0;
        }
    }

    /**
     * Whether {@code key} has a stored bar, or for a longer timeframe a stored minute: {@code export}
     * and the chart build its bars from those.
     */
    private static boolean hasStoredBars(HistoryStore store, SeriesKey key) {
        return store.lastTime(key).isPresent() || (key.timeframe() != Timeframe.ONE_MINUTE
                && store.lastTime(new SeriesKey(key.symbol(), Timeframe.ONE_MINUTE)).isPresent());
    }
}
