package dev.tradedesk.store;

import dev.tradedesk.core.BarColumns;
import java.io.IOException;

/**
 * Receives a range of stored bars chunk by chunk, in time order, from
 * {@link HistoryStore#stream(dev.tradedesk.core.SeriesKey, long, long, int, BarChunkConsumer)}.
 * The chunk is reused for the next call: copy what must outlive the call.
 */
@FunctionalInterface
public interface BarChunkConsumer {

    /** @throws IOException to stop the stream (an export whose file cannot be written) */
    void accept(BarColumns chunk) throws IOException;
}
