package dev.tradedesk.ui.workstation;

import dev.tradedesk.feed.BackfillProgress;
import dev.tradedesk.feed.ConnectionState;
import dev.tradedesk.ui.live.MarketUpdate;
import dev.tradedesk.ui.live.Quote;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The status bar's state: provider connection (live / backing off until T, in the chosen zone and
 * named by its abbreviation, and why / stopped, and
 * why), age of the last update, frame rate, tick-to-screen p99, heap, and import or backfill progress. A live
 * feed whose bars are stamped ahead of this computer's clock (the simulated exchange after it ran
 * faster than real time) says by how much, so that the chart's times make sense. Testable without
 * a scene; confined to the JavaFX thread.
 */
public final class StatusViewModel {

    /**
     * A time of day with its zone's abbreviation (or offset), as the chart's readout names its zone:
     * the zone is a setting, and "retrying at 15:16:25" did not say whether that was the
     * computer's time, the exchange's or the chosen one.
     */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss z", Locale.ROOT);
    private static final long MIB = 1024 * 1024;
    /** A lead shorter than this is a forming bar's start or clock skew, not a clock running ahead. */
    private static final long SHOWN_LEAD_MILLIS = 2 * 60_000;
    /** Long enough to read a file's path once, short enough not to be taken for a state. */
    static final long NOTE_NANOS = 10_000_000_000L;

    private final Clock clock;
    private String providerName;
    private ZoneId zone;
    private ConnectionState shownConnection;
    private final ObjectProperty<ConnectionState.Status> connectionStatus =
            new SimpleObjectProperty<>(this, "connectionStatus", ConnectionState.Status.CONNECTING);
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper(this, "connection");
    private final ReadOnlyStringWrapper updateAge = new ReadOnlyStringWrapper(this, "updateAge", "no data yet");
    /** Whether the last update is older than {@link #UPDATE_OVERDUE_NANOS} while the feed says it is live. */
    private final ReadOnlyBooleanWrapper updateOverdue = new ReadOnlyBooleanWrapper(this, "updateOverdue", false);
    private final ReadOnlyStringWrapper frameRate = new ReadOnlyStringWrapper(this, "frameRate", "");
    private final ReadOnlyStringWrapper latency = new ReadOnlyStringWrapper(this, "latency", "");
    private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper(this, "memory", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    /** The note's start that a narrow window should still show: what the user looks for in it. */
    private final ReadOnlyStringWrapper noteLead = new ReadOnlyStringWrapper(this, "noteLead", "");
    private boolean noteTimed;
    private long noteShownNanos;
    private long lastUpdateNanos;
    private boolean watching = true;
    private long newestQuoteMillis = Long.MIN_VALUE;
    private double tickToScreenP99Ms = Double.NaN;
    private BackfillProgress backfill = BackfillProgress.NONE;
    private BarImport importing;
    private boolean importStopping;

    /**
     * How old the last update may be before the status bar marks it, while the feed says it is live:
     * a request the provider is slow to answer (a stalled connection, a body trickling in) keeps
     * the state live until it times out, some 10 to 30 s, and the prices on screen age meanwhile.
     * Ten seconds is ten cycles of the one-second poll, and more than a large watchlist asked symbol
     * by symbol takes. A closed market, which sends nothing new, is marked too: its prices are old.
     */
    static final long UPDATE_OVERDUE_NANOS = 10_000_000_000L;

    /** @param providerName as shown to the user, e.g. "Simulated exchange" */
    public StatusViewModel(String providerName, ZoneId zone) {
        this(providerName, zone, Clock.systemUTC());
    }

    /** @param clock this computer's clock, which quotes' times are compared with */
    public StatusViewModel(String providerName, ZoneId zone, Clock clock) {
        this.clock = clock;
        this.providerName = providerName;
        this.zone = zone;
        connection.set(providerName + ": connecting…");
    }

    /** Applies one frame's market update. */
    public void apply(MarketUpdate update, long nowNanos) {
        if (update.connection() != null) {
            showConnection(update.connection());
        }
        if (update.backfill() != null) {
            showBackfill(update.backfill());
        }
        if (!update.quotes().isEmpty() || !update.closedBars().isEmpty()) {
            lastUpdateNanos = nowNanos;
        }
        for (Quote quote : update.quotes().values()) {
            newestQuoteMillis = Math.max(newestQuoteMillis, quote.time());
        }
    }

    /**
     * The provider changed (settings): shows it as connecting, with no data yet and no history
     * loading; the old provider's figures say nothing about the new one.
     */
    public void switchProvider(String name) {
        providerName = name;
        showConnection(new ConnectionState(dev.tradedesk.feed.ProviderKind.SIM, ConnectionState.Status.CONNECTING, null, ""));
        lastUpdateNanos = 0;
        newestQuoteMillis = Long.MIN_VALUE;
        showBackfill(BackfillProgress.NONE);
    }

    /** Times are shown in {@code newZone} from now on (the settings changed), the one on screen too. */
    public void setZone(ZoneId newZone) {
        zone = newZone;
        if (shownConnection != null) {
            showConnection(shownConnection);
        }
    }

    /**
     * The latest tick-to-screen p99 from the once-a-second performance sample. A second with no tick
     * shown (NaN: the feed paused, or the Settings dialog open) keeps the figure before it: an empty
     * label moved the figures beside it left and right each time.
     */
    public void showTickToScreenP99(double millis) {
        if (!Double.isNaN(millis)) {
            tickToScreenP99Ms = millis;
        }
    }

    /**
     * Whether the watchlist has a symbol to update. An empty one gets no updates at all, and its
     * age counted on ("updated 15.2 s ago", then minutes) as if the feed had stalled; it says
     * "watchlist empty" instead. Once symbols are back, the age waits for their first update.
     */
    public void setWatching(boolean anySymbol) {
        if (anySymbol && !watching) {
            lastUpdateNanos = 0;
        }
        watching = anySymbol;
    }

    /**
     * Says that something the user asked for and that finishes in the background is done ("AAPL-1Min.png
     * exported to /home/ann"), for {@link #NOTE_NANOS} from the next refresh; a later note replaces
     * it. Without it such an action ended with nothing to see.
     */
    public void showNote(String text) {
        showNote(text, "");
    }

    /**
     * A note whose {@code lead}, the part the user looks for ("AAPL-1Min.png"), a narrow window still
     * shows whole where it cuts the {@code rest} short.
     */
    public void showNote(String lead, String rest) {
        noteLead.set(lead);
        note.set(lead + rest);
        noteTimed = false;
    }

    /** Refreshes the time-dependent readouts (a few times a second). */
    public void refresh(long nowNanos, double framesPerSecond, long heapUsedBytes, long heapMaxBytes) {
        if (importing != null) {
            progress.set(importing.fraction());
        }
        if (!note.get().isEmpty()) {
            if (!noteTimed) {
                noteTimed = true;
                noteShownNanos = nowNanos;
            } else if (nowNanos - noteShownNanos >= NOTE_NANOS) {
                note.set("");
                noteLead.set("");
            }
        }
        updateAge.set(!watching ? "watchlist empty" : lastUpdateNanos == 0 ? "no data yet"
                : String.format(Locale.ROOT, "updated %.1f s ago", (nowNanos - lastUpdateNanos) / 1e9));
        updateOverdue.set(watching && lastUpdateNanos != 0 && nowNanos - lastUpdateNanos >= UPDATE_OVERDUE_NANOS
                && shownConnection != null && shownConnection.status() == ConnectionState.Status.LIVE);
        frameRate.set(Double.isNaN(framesPerSecond) ? "" : String.format(Locale.ROOT, "%.0f fps", framesPerSecond));
        // A dash until the first tick is shown, so the label is there from the start.
        latency.set(Double.isNaN(tickToScreenP99Ms) ? "tick→screen p99 – ms"
                : String.format(Locale.ROOT, "tick→screen p99 %.0f ms", tickToScreenP99Ms));
        // Thousands grouped as in the Performance panel's heap figure: "6,028", not "6028".
        memory.set(String.format(Locale.ROOT, "Heap %,d / %,d MB", heapUsedBytes / MIB, heapMaxBytes / MIB));
        if (shownConnection != null && shownConnection.status() == ConnectionState.Status.LIVE) {
            String text = connectionText(shownConnection); // the lead grows while a faster clock runs
            if (!text.equals(connection.get())) {
                connection.set(text);
            }
        }
    }

    private void showConnection(ConnectionState state) {
        shownConnection = state;
        connectionStatus.set(state.status());
        connection.set(connectionText(state));
    }

    private String connectionText(ConnectionState state) {
        return switch (state.status()) {
            case CONNECTING -> providerName + ": connecting…";
            case LIVE -> providerName + ": live" + lead();
            case BACKING_OFF -> providerName + ": retrying at " + CLOCK.format(state.until().atZone(zone)) + " — " + state.reason();
            case STOPPED -> providerName + ": stopped — " + state.reason() + reconnectHint(state.reason());
        };
    }

    /**
     * How a stopped feed starts again, where its reason does not say already ("enter it in
     * Settings"): OK in the Settings dialog starts a new session, a rejected key's once it is fixed
     * or was a passing refusal. Without it the only way back looked like a restart of the app.
     */
    private static String reconnectHint(String reason) {
        return reason.contains("Settings") ? "" : "; OK in File → Settings connects again";
    }

    private String lead() {
        if (newestQuoteMillis == Long.MIN_VALUE) {
            return "";
        }
        long leadMinutes = (newestQuoteMillis - clock.millis()) / 60_000;
        if (leadMinutes * 60_000 < SHOWN_LEAD_MILLIS) {
            return "";
        }
        String amount = leadMinutes < 60 ? leadMinutes + " min"
                : leadMinutes < 24 * 60 ? leadMinutes / 60 + " h " + leadMinutes % 60 + " min"
                : leadMinutes / (24 * 60) + " d " + leadMinutes % (24 * 60) / 60 + " h";
        return " — its clock runs " + amount + " ahead of this computer's";
    }

    private void showBackfill(BackfillProgress latest) {
        backfill = latest;
        showProgress();
    }

    /**
     * Shows {@code running}'s progress, read at each refresh, until {@link #importEnded}; over the
     * backfill's while both run, as the import is what the user just asked for.
     */
    public void showImport(BarImport running) {
        importing = running;
        importStopping = false;
        showProgress();
    }

    /**
     * A stop was asked of the import shown: it says so until it ends, as rolling a long import back
     * takes seconds (some 6 s for 400,000 rows read, measured).
     */
    public void importStopping() {
        importStopping = importing != null;
        showProgress();
    }

    /** The import shown ended: the backfill's progress, if one runs, shows again. */
    public void importEnded() {
        importing = null;
        importStopping = false;
        showProgress();
    }

    private void showProgress() {
        if (importing != null) {
            progress.set(importing.fraction());
            progressText.set((importStopping ? "Stopping the import of " + importing.file().getFileName()
                    + ": rolling it back…" : "Importing " + importing.file().getFileName() + " into "
                    + importing.series().symbol() + " " + importing.series().timeframe().label() + "…"));
        } else if (backfill.finished()) {
            progress.set(-1);
            progressText.set("");
        } else {
            progress.set(backfill.fraction());
            progressText.set("Loading history " + backfill.done() + "/" + backfill.total() + ": " + backfill.fetching());
        }
    }

    /** True while the prices shown are older than {@link #UPDATE_OVERDUE_NANOS} though the feed is live. */
    public ReadOnlyBooleanProperty updateOverdueProperty() {
        return updateOverdue.getReadOnlyProperty();
    }

    public ObjectProperty<ConnectionState.Status> connectionStatusProperty() {
        return connectionStatus;
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** What was just done ({@link #showNote}), or empty. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The start of the note that a narrow window still shows whole ({@link #showNote(String, String)}), or empty. */
    public ReadOnlyStringProperty noteLeadProperty() {
        return noteLead.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updateAgeProperty() {
        return updateAge.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty frameRateProperty() {
        return frameRate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty latencyProperty() {
        return latency.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    /** Progress of an import or else a backfill in [0, 1], or negative when neither is running. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }
}
