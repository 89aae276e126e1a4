package dev.tradedesk.store;

/**
 * The history store could not do what was asked: the database failed, is in use by another
 * process, or could not be opened. A write that fails with it has been rolled back; nothing it
 * carried was stored, with one exception its message states and {@link #committed()} tells: a
 * write committed that the device then refused to flush ("committed, but could not be forced to the
 * device") is stored and read back, but may not survive an operating-system crash or a power cut.
 * The message says what failed in words a user can act on; the cause, when there is one, is the
 * underlying {@link java.sql.SQLException}.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean inUseElsewhere;
    private final boolean committed;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false, false);
    }

    private StoreException(String message, Throwable cause, boolean inUseElsewhere, boolean committed) {
        super(message, cause);
        this.inUseElsewhere = inUseElsewhere;
        this.committed = committed;
    }

    /**
     * The database is open in another process (another TradeDesk window, or a {@code record}
     * command), which holds its file lock: a state that passes once that process ends.
     */
    public static StoreException inUseElsewhere(String message, Throwable cause) {
        return new StoreException(message, cause, true, false);
    }

    /** A write that committed (reads see it), but that the device refused to flush. */
    static StoreException committedNotForced(String message, Throwable cause) {
        return new StoreException(message, cause, false, true);
    }

    /**
     * The failure at the root of {@code failure}'s causes: the device's "No space left on device"
     * under H2's and JDBC's wrappers. At most 16 causes deep, so a cycle of causes ends.
     */
    public static Throwable rootCauseOf(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < 16; depth++) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * The message at the root of {@code failure}'s causes ({@link #rootCauseOf}), or its class's name
     * without one; of an H2 message, the reason alone: H2 adds the SQL statement and its error code
     * on lines of their own, which made a one-line reason on the console two lines of SQL.
     */
    public static String rootReasonOf(Throwable failure) {
        Throwable root = rootCauseOf(failure);
        String message = root.getMessage();
        if (message == null) {
            return root.getClass().getSimpleName();
        }
        int statement = message.indexOf("; SQL statement:");
        String reason = statement < 0 ? message : message.substring(0, statement);
        int lineEnd = reason.indexOf('\n');
        return (lineEnd < 0 ? reason : reason.substring(0, lineEnd)).strip();
    }

    /** The message is the whole story (the database is in use by another process): a log needs no stack trace for it. */
    public boolean explainedByMessage() {
        return inUseElsewhere;
    }

    /** Whether the database could not be opened as another process has it open ({@link #inUseElsewhere}). */
    public boolean inUseElsewhere() {
        return inUseElsewhere;
    }

    /**
     * Whether the failed write was committed all the same: its changes are stored and read back,
     * but the device refused to flush them, so an operating-system crash or a power cut may lose
     * them. False for every other failure, whose write was rolled back.
     */
    public boolean committed() {
        return committed;
    }
}
