package dev.tradedesk.feed;

/**
 * Tells when the provider has rejected the API key twice in a row, whichever of the
 * {@link PriceScheduler}'s lanes sent the two requests: no request was answered since the first
 * rejection, and the second request left after the first rejection arrived. One rejection is
 * retried once, as providers answer a stray 401 during deploys; the requests in flight with it may
 * have met the same stray answer, so they are not its retry. Other failures in between neither
 * count nor end the row. Confined to the scheduler thread.
 */
final class KeyRejections {

    private static final long NONE = -1;

    /** Requests sent so far, numbering each one. */
    private long sent;
    /** {@link #sent} when the first rejection since the last answer arrived, or {@link #NONE}. */
    private long sentBeforeRejection = NONE;

    /** A request leaves: its number, for {@link #rejectedAgain}. */
    long send() {
        return ++sent;
    }

    /** A request was answered: the key works, and the row of rejections is over. */
    void answered() {
        sentBeforeRejection = NONE;
    }

    /** The request numbered {@code request} was rejected: whether that is the second rejection in a row. */
    boolean rejectedAgain(long request) {
        if (sentBeforeRejection == NONE) {
            sentBeforeRejection = sent;
            return false;
        }
        return request > sentBeforeRejection;
    }
}
