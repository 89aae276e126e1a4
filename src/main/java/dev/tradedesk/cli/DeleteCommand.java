package dev.tradedesk.cli;

import dev.tradedesk.app.LogMarkers;
import dev.tradedesk.app.TradeDesk;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.SeriesInfo;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tradedesk delete}: deletes a stored series, or its bars in a span, such as an import read
 * in the wrong time zone, whose bars a corrected import would only add to. Without {@code --yes}
 * it says what it would delete and deletes nothing: a stored history may hold bars no provider
 * serves any more. A deleted span is no longer counted as recorded, so the next recording fetches
 * again what its provider still serves of it.
 */
@Command(name = "delete", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Delete a stored series, or its bars from --from to --to, in one transaction.",
                "Without --yes, only says what it would delete.",
                "The completeness ledger no longer counts the span as recorded, so the next recording fetches"
                        + " it again where its provider still serves it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the bars were deleted, or (without --yes) what would be deleted was said",
            "1:no stored bar of the series in that span, or the delete failed; said on stderr",
            "2:a usage error"})
final class DeleteCommand implements Callable<Integer> {

    @ParentCommand
    private TradeDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SeriesOptions series;

    @Mixin
    private HistoryChoice source;

    @Mixin
    private TimeSpanOptions span;

    @Option(names = "--yes", description = "Delete; without it, only say what would be deleted.")
    private boolean yes;

    @Override
    public Integer call() {
        TimeSpanOptions.Span asked = span.span(spec.commandLine());
        long first = asked.first();
        long last = asked.last();
        boolean wholeSeries = asked.whole();
        SeriesKey key = series.key();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Logger log = LoggerFactory.getLogger(DeleteCommand.class);
        try (TradeDesk desk = new TradeDesk(root.contextOfStoredData(spec.commandLine()))) {
            Optional<HistoryStore> existing = source.existingStore(desk, root.context().paths());
            Optional<SeriesInfo> stored = existing.flatMap(store -> store.span(key, first, last));
            if (stored.isEmpty()) {
                String nothing = "nothing deleted: no stored bars of " + key + (wholeSeries ? "" : " in that range")
                        + " (history in " + source.folder(root.context().paths())
                        + (source.simulated() ? "" : "; --simulated deletes from the built-in exchange's") + ")";
                err.println("tradedesk: " + nothing);
                log.warn(LogMarkers.TOLD_ON_CONSOLE, "Delete failed: {}", nothing);
                return CommandLine.ExitCode.SOFTWARE;
            }
            HistoryStore store = existing.get();
            String what = Counted.of(stored.get().bars(), "bar") + " of " + key + " ("
                    + Instant.ofEpochMilli(stored.get().firstTime()) + " to " + Instant.ofEpochMilli(stored.get().lastTime())
                    + (wholeSeries ? ", the whole series" + (store.ledger(key, first, first).trackedSince().isPresent()
                            ? " with its completeness ledger" : "") : "") + ")";
            if (!yes) {
                out.println("would delete " + what + "; nothing was deleted: add --yes to delete them");
                return 0;
            }
            long deleted = wholeSeries ? store.deleteSeries(key) : store.deleteBetween(key, first, last);
            if (deleted >= HistoryStore.BULK_WRITE_BARS) {
                store.compactOnClose();
            }
            out.println("deleted: " + deleted);
            log.info(LogMarkers.TOLD_ON_CONSOLE, "Deleted {} from {}", what, source.folder(root.context().paths()));
            minutesLeftNote(store, key, first, last).ifPresent(note -> {
                err.println("note: " + note);
                log.info(LogMarkers.TOLD_ON_CONSOLE, "Delete of {}: {}", key, note);
            });
            return 0;
        }
    }

    /**
     * The chart and {@code export} build a longer timeframe from the stored minutes where it has
     * no bars of its own: deleting its own bars leaves those it was built from.
     */
    private static Optional<String> minutesLeftNote(HistoryStore store, SeriesKey key, long first, long last) {
        if (key.timeframe() == Timeframe.ONE_MINUTE) {
            return Optional.empty();
        }
        SeriesKey minutes = new SeriesKey(key.symbol(), Timeframe.ONE_MINUTE);
        return store.span(minutes, first, last).map(left -> "the chart and export still build " + key + " from the "
                + Counted.of(left.bars(), "stored 1-minute bar") + " of that span; delete them with --timeframe 1Min");
    }
}
