package dev.tradedesk.store;

import dev.tradedesk.testing.MutableClock;
import static dev.tradedesk.store.TestBars.MINUTE;
import static dev.tradedesk.store.TestBars.T0;
import static dev.tradedesk.store.TestBars.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Timeframe;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's own account ({@code EXPLAIN ANALYZE}) of the store's queries on 3 series of 3,000 bars:
 * each reads the primary key index over exactly the rows it returns, in index order, with no
 * sort and no table scan. The plans are quoted in docs/PERFORMANCE.md.
 */
class QueryPlanTest {

    @TempDir
    Path dir;

    private StoreDatabase database;
    private int seriesId;

    @BeforeEach
    void fill() throws SQLException {
        database = StoreDatabase.open(StoreFixture.options(dir, new MutableClock(java.time.Instant.EPOCH)));
        BarRepository repository = new BarRepository(database, 1_000);
        for (String symbol : new String[] {"AAA", "BBB", "CCC"}) {
            repository.upsert(SeriesKey.of(symbol, Timeframe.ONE_MINUTE), source(minutes(T0, 3_000, 0)));
        }
        seriesId = Integer.parseInt(SchemaTest.strings(database, "SELECT id FROM series WHERE symbol = 'BBB'").get(0));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aRangeQueryIsAPrimaryKeyRangeScanInIndexOrder() throws SQLException {
        String plan = explain(BarRepository.RANGE, seriesId, T0 + 1_000 * MINUTE, T0 + 1_999 * MINUTE);

        assertThat(plan).contains("PRIMARY_KEY", "SERIES_ID = ?1", "TIME_MS >= ?2", "TIME_MS <= ?3",
                "/* scanCount: 1001 */", "/* index sorted */");
        assertThat(plan).doesNotContain("tableScan");
    }

    @Test
    void latestBarsReadThePrimaryKeyBackwardsAndStopAfterN() throws SQLException {
        String plan = explain(BarRepository.LATEST, seriesId, 500);

        assertThat(plan).contains("PRIMARY_KEY", "SERIES_ID = ?1", "/* scanCount: 500 */", "/* index sorted */");
    }

    @Test
    void listingSeriesCountsEachSeriesAlongThePrimaryKeyWithoutSorting() throws SQLException {
        String plan = explain(BarRepository.LIST_SERIES);

        assertThat(plan).contains("PRIMARY_KEY_1: SERIES_ID IS NOT DISTINCT FROM ?1", "/* scanCount: 3001 */",
                "/* group sorted */", "/* index sorted */");
        assertThat(plan).doesNotContain("tableScan");
    }

    private String explain(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = explain.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private static BarSource source(dev.tradedesk.core.BarColumns bars) {
        boolean[] done = {false};
        return (chunk, limit) -> {
            if (!done[0]) {
                done[0] = true;
                for (int i = 0; i < bars.size(); i++) {
                    chunk.add(bars.bar(i));
                }
            }
        };
    }
}
