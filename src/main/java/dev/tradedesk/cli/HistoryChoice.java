package dev.tradedesk.cli;

import dev.tradedesk.app.AppPaths;
import dev.tradedesk.app.TradeDesk;
import dev.tradedesk.store.HistoryStore;
import dev.tradedesk.store.StoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

    /**
     * The history chosen, or empty while its folder holds no database: a command that reads or deletes
     * stored bars then says there are none, and leaves no empty database behind, which opening the
     * store would have made (in a data dir given to look into, or the default one on a fresh machine).
     */
    Optional<HistoryStore> existingStore(TradeDesk desk, AppPaths paths) {
        if (!Files.exists(StoreOptions.defaults(folder(paths)).databaseFile())) {
            return Optional.empty();
        }
        return Optional.of(simulated ? desk.simulatedHistoryStore() : desk.historyStore());
    }

    boolean simulated() {
        return simulated;
    }

    /** The folder of the history read, for messages. */
    Path folder(AppPaths paths) {
        return simulated ? paths.simulatedHistoryDir() : paths.dataDir();
    }
}
