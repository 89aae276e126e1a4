package dev.tradedesk.app;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.sim.SimulatedMarket;
import dev.tradedesk.store.HistoryStore;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the simulated exchange's history begins, kept in a small file beside the history database
 * that the exchange fills. A simulated minute's price is a walk from that start, so a later run
 * that began elsewhere (its {@code historyDays} changed, or a 32-day grid block went by) would serve
 * other prices for minutes already stored: a jump in the stored history where the two meet.
 *
 * <p>The saved start is used while the store holds bars of the watchlist and the seed is the one it
 * was saved with; otherwise (a first start, a deleted history, another seed) a new start is taken
 * on the grid and saved. A kept start later than the history asked for wins over the longer
 * history: that is said once in the log, with how to get it.
 */
final class SimulatedHistoryStart {

    static final String FILE_NAME = "simulated-history.properties";

    private static final Logger log = LoggerFactory.getLogger(SimulatedHistoryStart.class);
    private static final String SEED = "seed";
    private static final String START = "historyStart";

    private SimulatedHistoryStart() {
    }

    /**
     * The history start for a simulated market over {@code store}.
     *
     * @param nowMillis the simulated clock's now
     */
    static Instant resolve(HistoryStore store, List<Symbol> watchlist, long seed, Duration historyLength, long nowMillis) {
        Path file = store.databaseFile().resolveSibling(FILE_NAME);
        Instant onGrid = SimulatedMarket.gridStart(nowMillis, historyLength);
        Optional<Instant> saved = storesBars(store, watchlist) ? read(file, seed) : Optional.empty();
        if (saved.isPresent()) {
            if (onGrid.isBefore(saved.get())) {
                log.info("The simulated exchange serves history from {}, where its stored prices began, not from {}: "
                        + "delete {} to start a longer simulated history", saved.get(), onGrid, file.getParent());
            }
            return saved.get();
        }
        write(file, seed, onGrid);
        return onGrid;
    }

    private static boolean storesBars(HistoryStore store, List<Symbol> watchlist) {
        return watchlist.stream().anyMatch(symbol -> store.lastTime(new SeriesKey(symbol, Timeframe.ONE_MINUTE)).isPresent());
    }

    private static Optional<Instant> read(Path file, long seed) {
        Properties saved = new Properties();
        try {
            saved.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException none) {
            return Optional.empty(); // stored by a version that kept no start: from now on it is kept
        } catch (IOException unreadable) {
            log.warn("Cannot read {} ({}): the simulated history starts on the grid", file, unreadable.getMessage());
            return Optional.empty();
        }
        if (!String.valueOf(seed).equals(saved.getProperty(SEED))) {
            return Optional.empty(); // another seed's prices: nothing stored can be continued
        }
        try {
            return Optional.of(Instant.parse(saved.getProperty(START, "")));
        } catch (DateTimeParseException malformed) {
            log.warn("{} holds no valid {} ({}): the simulated history starts on the grid", file, START, malformed.getMessage());
            return Optional.empty();
        }
    }

    private static void write(Path file, long seed, Instant start) {
        String content = "# Where the simulated exchange's prices begin; kept so that they continue the stored ones.\n"
                + SEED + "=" + seed + "\n" + START + "=" + start + "\n";
        try {
            AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException unwritable) {
            log.warn("Cannot save the simulated history's start to {} ({}): a later start may serve other prices",
                    file, unwritable.getMessage());
        }
    }
}
