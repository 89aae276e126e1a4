package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change saves the settings once. OK in the Settings dialog saves the new watchlist, then the
 * watchlist, given the list, reports it as changed: that second report changes nothing and writes
 * nothing (it wrote the file a second time, 53 ms after the first, in an exploratory pass).
 */
class SettingsSavedOnceTest {

    @TempDir
    Path dir;

    @Test
    void aChangeThatChangesNothingWritesNothing() throws Exception {
        List<Symbol> symbols = List.of(Symbol.of("AAPL"), Symbol.of("IBM"));
        try (AppContext context = TestContexts.in(dir);
                TradeDesk desk = new TradeDesk(context, Settings.DEFAULTS)) {
            Path file = context.paths().settingsFile();
            desk.updateSettings(settings -> settings.withWatchlist(symbols));
            Poll.untilTrue(() -> Files.exists(file), Duration.ofSeconds(10));
            assertThat(file).as("saved").exists();
            Files.delete(file); // what a second save would write again

            desk.updateSettings(settings -> settings.withWatchlist(symbols));
            Thread.sleep(500); // the writer saves within milliseconds of a change
            assertThat(file).as("the same list again: nothing to save").doesNotExist();

            desk.updateSettings(settings -> settings.withWatchlist(List.of(Symbol.of("AAPL"))));
            Poll.untilTrue(() -> Files.exists(file), Duration.ofSeconds(10));
            assertThat(file).as("another list: saved").exists();
            assertThat(desk.settings().watchlist()).containsExactly(Symbol.of("AAPL"));
        }
    }
}
