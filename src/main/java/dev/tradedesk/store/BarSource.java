package dev.tradedesk.store;

import dev.tradedesk.core.BarColumns;
import java.io.IOException;

/**
 * Bars handed to {@link HistoryStore#write(dev.tradedesk.core.SeriesKey, BarSource)} chunk by
 * chunk, so a write of any length (a CSV import of millions of rows) needs memory for one chunk
 * only. Called by the writing thread only.
 */
@FunctionalInterface
public interface BarSource {

    /**
     * Appends up to {@code limit} next bars to {@code chunk}, which the store has emptied; appending
     * none means there are no more bars. The bars need not be validated: the store checks each
     * one and rejects the whole write if one is invalid.
     *
     * @throws IOException if the bars cannot be read; the store rolls the write back
     */
    void fill(BarColumns chunk, int limit) throws IOException;
}
