package dev.tradedesk.feed.sim;

/** A request the simulated exchange refuses, with the HTTP status and message Alpaca would give. */
final class AlpacaRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;

    AlpacaRequestException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
