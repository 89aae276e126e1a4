package dev.tradedesk.cli;

import dev.tradedesk.app.AppPaths;
import dev.tradedesk.app.TradeDesk;
import dev.tradedesk.store.HistoryStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --simulated}, shared by the commands that read or delete stored bars: which of the two histories
 * they use. The simulated exchange's bars are kept apart from the real providers' (see
 * {@code AppPaths.simulatedHistoryDir}), so a simulated AAPL never shows in a real AAPL chart or export.
 */
final class HistoryChoice {

    @Option(names = "--simulated",
            description = "Use the simulated exchange's history (stored by the workstation on the built-in exchange "
                    + "and by `record --provider sim`) instead of the real providers'.")
    private boolean simulated;

    HistoryStore store(TradeDesk desk) {
        return simulated ? desk.simulatedHistoryStore() : desk.historyStore();
    }

    boolean simulated() {
        return simulated;
    }

    /** The folder of the history read, for messages. */
    Path folder(AppPaths paths) {
        return simulated ? paths.simulatedHistoryDir() : paths.dataDir();
    }
}
