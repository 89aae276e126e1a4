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

    private final boolean explainedByMessage;
    private final boolean committed;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param explainedByMessage the message is the whole story (the database is in use by another
     *                           process): a log needs no stack trace for it
     */
    public StoreException(String message, Throwable cause, boolean explainedByMessage) {
        this(message, cause, explainedByMessage, false);
    }

    private StoreException(String message, Throwable cause, boolean explainedByMessage, boolean committed) {
        super(message, cause);
        this.explainedByMessage = explainedByMessage;
        this.committed = committed;
    }

    /** A write that committed (reads see it), but that the device refused to flush. */
    static StoreException committedNotForced(String message, Throwable cause) {
        return new StoreException(message, cause, false, true);
    }

    public boolean explainedByMessage() {
        return explainedByMessage;
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
