package dev.tradedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreExceptionTest {

    @Test
    void theRootReasonIsTheDevicesWordsUnderH2sWrappers() {
        SQLException h2 = new SQLException("IO Exception: \"/data/history.mv.db\" [90028-240]",
                new IllegalStateException("Writing failed", new IOException("No space left on device")));
        assertThat(StoreException.rootReasonOf(h2)).isEqualTo("No space left on device");
    }

    @Test
    void anH2MessageAtTheRootGivesItsReasonWithoutTheStatement() {
        // As H2 2.4 writes a failure whose cause it did not keep: the statement on a line of its own.
        SQLException h2 = new SQLException("IO Exception: \"/data/history.mv.db\"; SQL statement:\n"
                + "MERGE INTO bars (series_id, time_ms, open, high, low, close, volume) KEY (series_id, time_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " [90028-240]");
        assertThat(StoreException.rootReasonOf(h2)).isEqualTo("IO Exception: \"/data/history.mv.db\"");
        assertThat(StoreException.rootReasonOf(new SQLException("Database is already closed\n[90121-240]")))
                .isEqualTo("Database is already closed");
        assertThat(StoreException.rootReasonOf(new IOException())).isEqualTo("IOException");
    }
}
