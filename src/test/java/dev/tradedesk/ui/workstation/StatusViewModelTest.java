package dev.tradedesk.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.BackfillProgress;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.live.Quote;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {

    @Test
    void theRetryTimeIsShownInTheChosenZoneNamedAsTheChartNamesItAndFollowsAChangeOfZone() {
        StatusViewModel status = new StatusViewModel("Alpaca", ZoneId.of("America/New_York"));
        status.apply(MarketUpdate.ofConnection(ConnectionState.backingOff(ProviderKind.ALPACA,
                Instant.parse("2026-12-04T20:16:25Z"), "HTTP 429")), 1);
        assertThat(status.connectionProperty().get()).isEqualTo("Alpaca: retrying at 15:16:25 EST — HTTP 429");

        status.setZone(ZoneId.of("UTC"));
        assertThat(status.connectionProperty().get()).isEqualTo("Alpaca: retrying at 20:16:25 UTC — HTTP 429");

        status.setZone(ZoneId.of("Asia/Kolkata")); // half an hour off UTC's hours, so the name matters
        assertThat(status.connectionProperty().get()).isEqualTo("Alpaca: retrying at 01:46:25 IST — HTTP 429");
    }

    @Test
    void aStoppedFeedSaysThatOkInTheSettingsConnectsAgainUnlessItsReasonPointsThereAlready() {
        StatusViewModel status = new StatusViewModel("Alpaca", ZoneId.of("UTC"));
        status.apply(MarketUpdate.ofConnection(ConnectionState.stopped(ProviderKind.ALPACA,
                "Alpaca rejected the API key (HTTP 401: unauthorized.)")), 1);
        assertThat(status.connectionProperty().get()).isEqualTo("Alpaca: stopped — Alpaca rejected the API key"
                + " (HTTP 401: unauthorized.); OK in File → Settings connects again");

        status.apply(MarketUpdate.ofConnection(ConnectionState.stopped(ProviderKind.ALPACA,
                "Alpaca needs an API key: enter it in Settings")), 2);
        assertThat(status.connectionProperty().get()).isEqualTo("Alpaca: stopped — Alpaca needs an API key: enter it in Settings");
    }

    @Test
    void theRetryTimeNamesDaylightSavingTime() {
        StatusViewModel status = new StatusViewModel("Alpaca", ZoneId.of("Europe/Berlin"));
        status.apply(MarketUpdate.ofConnection(ConnectionState.backingOff(ProviderKind.ALPACA,
                Instant.parse("2026-07-04T20:16:25Z"), "HTTP 429")), 1);
        assertThat(status.connectionProperty().get()).isEqualTo("Alpaca: retrying at 22:16:25 CEST — HTTP 429");
    }

    @Test
    void aNoteOnWhatWasJustDoneStaysTenSecondsFromItsFirstRefresh() {
        StatusViewModel status = new StatusViewModel("Simulated exchange", ZoneOffset.UTC);
        status.refresh(1_000_000_000L, 60, 1, 2);
        status.showNote("AAPL-1Min.png exported to /tmp");
        assertThat(status.noteProperty().get()).isEqualTo("AAPL-1Min.png exported to /tmp");

        long shown = 5_000_000_000L;
        status.refresh(shown, 60, 1, 2);
        status.refresh(shown + StatusViewModel.NOTE_NANOS - 1, 60, 1, 2);
        assertThat(status.noteProperty().get()).as("still readable").isEqualTo("AAPL-1Min.png exported to /tmp");
        status.refresh(shown + StatusViewModel.NOTE_NANOS, 60, 1, 2);
        assertThat(status.noteProperty().get()).as("gone, not taken for a state").isEmpty();

        status.showNote("MSFT-1Min.png exported to /tmp");
        status.refresh(shown + 3 * StatusViewModel.NOTE_NANOS, 60, 1, 2);
        assertThat(status.noteProperty().get()).as("a new note has its own ten seconds").isEqualTo("MSFT-1Min.png exported to /tmp");
    }

    @Test
    void theHeapReadsWithThousandsGroupedAsInThePerformancePanelWhateverTheLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            StatusViewModel status = new StatusViewModel("Simulated exchange", ZoneOffset.UTC);
            status.refresh(1, 60, 142L << 20, 6028L << 20);
            assertThat(status.memoryProperty().get()).isEqualTo("Heap 142 / 6,028 MB");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theTickToScreenFigureStaysOnScreenThroughASecondWithoutTicks() {
        StatusViewModel status = new StatusViewModel("Simulated exchange", ZoneOffset.UTC);
        status.refresh(1, 60, 1, 2);
        assertThat(status.latencyProperty().get()).as("before the first tick").isEqualTo("tick→screen p99 – ms");

        status.showTickToScreenP99(42.4);
        status.refresh(2, 60, 1, 2);
        assertThat(status.latencyProperty().get()).isEqualTo("tick→screen p99 42 ms");

        status.showTickToScreenP99(Double.NaN); // no tick reached the screen in that second
        status.refresh(3, 60, 1, 2);
        assertThat(status.latencyProperty().get()).as("the last figure kept").isEqualTo("tick→screen p99 42 ms");

        status.showTickToScreenP99(7.0);
        status.refresh(4, 60, 1, 2);
        assertThat(status.latencyProperty().get()).isEqualTo("tick→screen p99 7 ms");
    }

    @Test
    void anotherProviderStartsWithNoDataAndNoHistoryLoading() {
        StatusViewModel status = new StatusViewModel("Simulated exchange", ZoneOffset.UTC);
        status.apply(MarketUpdate.ofBackfill(new BackfillProgress("3 symbols from 12:00", 0, 2)), 1);
        status.apply(new MarketUpdate(Map.of(Symbol.of("AAPL"), new Quote(Symbol.of("AAPL"), 0, 190, 0.5, 50, 50, 20, 90, 1)),
                Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE), 1_000_000_000L);
        status.refresh(3_000_000_000L, 60, 1 << 20, 1 << 30);
        assertThat(status.updateAgeProperty().get()).isEqualTo("updated 2.0 s ago");
        assertThat(status.progressTextProperty().get()).startsWith("Loading history 0/2");

        status.switchProvider("Binance");
        status.refresh(4_000_000_000L, 60, 1 << 20, 1 << 30);

        assertThat(status.connectionProperty().get()).isEqualTo("Binance: connecting…");
        assertThat(status.updateAgeProperty().get()).isEqualTo("no data yet");
        assertThat(status.progressTextProperty().get()).isEmpty();
        assertThat(status.progressProperty().get()).isNegative();
    }

    @Test
    void anImportsProgressShowsOverTheBackfillsFollowsTheFileAndGivesWayWhenItEnds() {
        StatusViewModel status = new StatusViewModel("Simulated exchange", ZoneOffset.UTC);
        status.apply(MarketUpdate.ofBackfill(new BackfillProgress("3 symbols from 12:00", 1, 4)), 1);
        ScriptedBarImport running = new ScriptedBarImport(java.nio.file.Path.of("/data/ibm_1min.csv"),
                new dev.tradedesk.core.SeriesKey(Symbol.of("IBM"), dev.tradedesk.core.Timeframe.ONE_MINUTE));

        status.showImport(running);
        assertThat(status.progressTextProperty().get()).isEqualTo("Importing ibm_1min.csv into IBM 1Min…");
        assertThat(status.progressProperty().get()).isZero();
        running.fraction = 0.4;
        status.refresh(2_000_000_000L, 60, 1, 2);
        assertThat(status.progressProperty().get()).isEqualTo(0.4);
        status.apply(MarketUpdate.ofBackfill(new BackfillProgress("3 symbols from 13:00", 2, 4)), 1);
        assertThat(status.progressTextProperty().get()).as("a backfill step does not hide the import").startsWith("Importing");

        status.importStopping();
        assertThat(status.progressTextProperty().get()).as("a long rollback is no frozen import")
                .isEqualTo("Stopping the import of ibm_1min.csv: rolling it back…");

        status.importEnded();
        assertThat(status.progressTextProperty().get()).startsWith("Loading history 2/4");
        assertThat(status.progressProperty().get()).isEqualTo(0.5);
    }

    @Test
    void pricesTenSecondsOldWhileTheFeedSaysLiveAreMarkedAndTheNextUpdateClearsTheMark() {
        // A stalled request keeps the state live until it times out; the prices on screen age meanwhile.
        StatusViewModel status = new StatusViewModel("Alpaca", ZoneOffset.UTC);
        MarketUpdate quote = new MarketUpdate(Map.of(Symbol.of("AAPL"), new Quote(Symbol.of("AAPL"), 0, 190, 0.5, 50, 50, 20, 90, 1)),
                Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE);
        status.apply(MarketUpdate.ofConnection(ConnectionState.live(ProviderKind.ALPACA)), 1);
        status.apply(quote, 1_000_000_000L);

        status.refresh(10_900_000_000L, 60, 1 << 20, 1 << 30);
        assertThat(status.updateOverdueProperty().get()).as("9.9 s old").isFalse();
        status.refresh(11_000_000_000L, 60, 1 << 20, 1 << 30);
        assertThat(status.updateOverdueProperty().get()).as("10 s old").isTrue();
        assertThat(status.updateAgeProperty().get()).isEqualTo("updated 10.0 s ago");

        status.apply(quote, 11_100_000_000L);
        status.refresh(11_200_000_000L, 60, 1 << 20, 1 << 30);
        assertThat(status.updateOverdueProperty().get()).isFalse();

        status.apply(MarketUpdate.ofConnection(ConnectionState.backingOff(ProviderKind.ALPACA, Instant.EPOCH, "HTTP 503")),
                11_300_000_000L);
        status.refresh(40_000_000_000L, 60, 1 << 20, 1 << 30);
        assertThat(status.updateOverdueProperty().get()).as("the state says why already").isFalse();
        status.setWatching(false);
        status.apply(MarketUpdate.ofConnection(ConnectionState.live(ProviderKind.ALPACA)), 40_000_000_000L);
        status.refresh(60_000_000_000L, 60, 1 << 20, 1 << 30);
        assertThat(status.updateOverdueProperty().get()).as("nothing watched").isFalse();
    }

    @Test
    void anEmptyWatchlistIsNotToldAsAFeedThatStoppedUpdating() {
        // With every symbol removed the sim stays live, and the bar read "updated 15.2 s ago", then minutes.
        StatusViewModel status = new StatusViewModel("Simulated exchange", ZoneOffset.UTC);
        MarketUpdate quote = new MarketUpdate(Map.of(Symbol.of("AAPL"), new Quote(Symbol.of("AAPL"), 0, 190, 0.5, 50, 50, 20, 90, 1)),
                Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE);
        status.apply(quote, 1_000_000_000L);

        status.setWatching(false);
        status.refresh(16_000_000_000L, 60, 1 << 20, 1 << 30);
        assertThat(status.updateAgeProperty().get()).isEqualTo("watchlist empty");

        status.setWatching(true);
        status.refresh(17_000_000_000L, 60, 1 << 20, 1 << 30);
        assertThat(status.updateAgeProperty().get()).as("until the symbol added gets its first update").isEqualTo("no data yet");
        status.apply(quote, 17_500_000_000L);
        status.refresh(18_000_000_000L, 60, 1 << 20, 1 << 30);
        assertThat(status.updateAgeProperty().get()).isEqualTo("updated 0.5 s ago");
    }

    @Test
    void aLiveFeedStampedAheadOfThisComputersClockSaysByHowMuchAsTheLeadGrows() {
        Instant now = Instant.parse("2026-12-05T04:00:00Z");
        java.util.concurrent.atomic.AtomicReference<Instant> wall = new java.util.concurrent.atomic.AtomicReference<>(now);
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return wall.get();
            }
        };
        StatusViewModel status = new StatusViewModel("Simulated exchange", ZoneOffset.UTC, clock);
        status.apply(MarketUpdate.ofConnection(ConnectionState.live(ProviderKind.SIM)), 1);
        status.apply(quoteAt(now.minusSeconds(50)), 2);
        assertThat(status.connectionProperty().get()).as("a forming bar's start").isEqualTo("Simulated exchange: live");

        status.apply(quoteAt(now.plusSeconds(10 * 3600 + 4 * 60 + 30)), 3);
        status.refresh(4, 60, 1 << 20, 1 << 30);
        assertThat(status.connectionProperty().get())
                .isEqualTo("Simulated exchange: live — its clock runs 10 h 4 min ahead of this computer's");

        status.apply(quoteAt(now.plusSeconds(2 * 86_400 + 3 * 3600)), 5);
        status.refresh(6, 60, 1 << 20, 1 << 30);
        assertThat(status.connectionProperty().get()).endsWith("runs 2 d 3 h ahead of this computer's");

        wall.set(now.plusSeconds(2 * 86_400 + 3 * 3600 - 5 * 60));
        status.refresh(7, 60, 1 << 20, 1 << 30);
        assertThat(status.connectionProperty().get()).endsWith("runs 5 min ahead of this computer's");

        status.switchProvider("Binance");
        status.apply(MarketUpdate.ofConnection(ConnectionState.live(ProviderKind.BINANCE)), 8);
        assertThat(status.connectionProperty().get()).isEqualTo("Binance: live");
    }

    private static MarketUpdate quoteAt(Instant time) {
        return new MarketUpdate(Map.of(Symbol.of("AAPL"), new Quote(Symbol.of("AAPL"), time.toEpochMilli(), 190, 0.5, 50, 50, 20, 90, 1)),
                Map.of(), Map.of(), Map.of(), null, null, Long.MAX_VALUE);
    }
}
