package dev.tradedesk.store;

import dev.tradedesk.core.TimeRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The SQL of the completeness ledger ({@code series_tracking}, {@code coverage}; see the V2
 * and V3 migrations), run on the connection and in the transaction of the caller, so that bars and the
 * ranges they complete commit together. Stateless; the {@link BarRepository}'s write lock
 * serializes writers.
 */
final class CoverageLedger {

    private static final String TOUCHING = "SELECT from_ms, until_ms FROM coverage"
            + " WHERE series_id = ? AND from_ms <= ? AND until_ms >= ? ORDER BY series_id, from_ms";
    private static final String DELETE_TOUCHING = "DELETE FROM coverage WHERE series_id = ? AND from_ms <= ? AND until_ms >= ?";
    private static final String DELETE_OVERLAPPING = "DELETE FROM coverage WHERE series_id = ? AND from_ms < ? AND until_ms > ?";
    private static final String INSERT = "INSERT INTO coverage (series_id, from_ms, until_ms) VALUES (?, ?, ?)";
    private static final String OVERLAPPING = "SELECT from_ms, until_ms FROM coverage"
            + " WHERE series_id = ? AND from_ms < ? AND until_ms > ? ORDER BY series_id, from_ms";
    private static final String TRACKING = "SELECT since_ms, day_zone FROM series_tracking WHERE series_id = ?";
    private static final String TRACK = "MERGE INTO series_tracking (series_id, since_ms, day_zone) KEY (series_id)"
            + " VALUES (?, ?, ?)";
    private static final String DELETE_COVERAGE = "DELETE FROM coverage WHERE series_id = ?";
    private static final String DELETE_TRACKING = "DELETE FROM series_tracking WHERE series_id = ?";

    private CoverageLedger() {
    }

    /** Records {@code range} as covered, merged with every covered range it overlaps or touches. */
    static void addCovered(Connection connection, int seriesId, TimeRange range) throws SQLException {
        long from = range.from();
        long until = range.until();
        try (PreparedStatement touching = connection.prepareStatement(TOUCHING)) {
            touching.setInt(1, seriesId);
            touching.setLong(2, range.until());
            touching.setLong(3, range.from());
            try (ResultSet rows = touching.executeQuery()) {
                while (rows.next()) {
                    from = Math.min(from, rows.getLong(1));
                    until = Math.max(until, rows.getLong(2));
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_TOUCHING)) {
            delete.setInt(1, seriesId);
            delete.setLong(2, range.until());
            delete.setLong(3, range.from());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insertRange(insert, seriesId, from, until);
        }
    }

    /**
     * Takes {@code range} out of the covered ranges: those it overlaps are replaced by their parts
     * before and after it.
     */
    static void removeCovered(Connection connection, int seriesId, TimeRange range) throws SQLException {
        List<TimeRange> overlapping = covered(connection, seriesId, range.from(), range.until());
        if (overlapping.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_OVERLAPPING)) {
            delete.setInt(1, seriesId);
            delete.setLong(2, range.until());
            delete.setLong(3, range.from());
            delete.executeUpdate();
        }
        TimeRange first = overlapping.get(0);
        TimeRange last = overlapping.get(overlapping.size() - 1);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            if (first.from() < range.from()) {
                insertRange(insert, seriesId, first.from(), range.from());
            }
            if (last.until() > range.until()) {
                insertRange(insert, seriesId, range.until(), last.until());
            }
        }
    }

    private static void insertRange(PreparedStatement insert, int seriesId, long from, long until) throws SQLException {
        insert.setInt(1, seriesId);
        insert.setLong(2, from);
        insert.setLong(3, until);
        insert.executeUpdate();
    }

    /** Covered ranges overlapping {@code [from, until)}, whole (not clipped), in time order. */
    static List<TimeRange> covered(Connection connection, int seriesId, long from, long until) throws SQLException {
        List<TimeRange> ranges = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(OVERLAPPING)) {
            select.setInt(1, seriesId);
            select.setLong(2, until);
            select.setLong(3, from);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ranges.add(new TimeRange(rows.getLong(1), rows.getLong(2)));
                }
            }
        }
        return ranges;
    }

    /** A series' row of {@code series_tracking}: since when it is tracked, and its market's days (null if unknown). */
    private record Tracking(long since, String dayZone) {
    }

    private static Optional<Tracking> tracking(Connection connection, int seriesId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(TRACKING)) {
            select.setInt(1, seriesId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Tracking(rows.getLong(1), rows.getString(2))) : Optional.empty();
            }
        }
    }

    static OptionalLong trackedSince(Connection connection, int seriesId) throws SQLException {
        Optional<Tracking> recorded = tracking(connection, seriesId);
        return recorded.isPresent() ? OptionalLong.of(recorded.get().since()) : OptionalLong.empty();
    }

    /**
     * Tracks the series from {@code since}, or from its current start if that is earlier, and records
     * {@code dayZone} as its market's days; a null {@code dayZone} keeps the zone recorded, if any.
     * Writes nothing when both are already so.
     */
    static void track(Connection connection, int seriesId, long since, String dayZone) throws SQLException {
        Optional<Tracking> recorded = tracking(connection, seriesId);
        Tracking wanted = new Tracking(Math.min(since, recorded.map(Tracking::since).orElse(since)),
                dayZone != null ? dayZone : recorded.map(Tracking::dayZone).orElse(null));
        if (recorded.equals(Optional.of(wanted))) {
            return;
        }
        try (PreparedStatement merge = connection.prepareStatement(TRACK)) {
            merge.setInt(1, seriesId);
            merge.setLong(2, wanted.since());
            merge.setString(3, wanted.dayZone());
            merge.executeUpdate();
        }
    }

    /** The zone of the series' market days as recorded, or null if none is. */
    static String dayZone(Connection connection, int seriesId) throws SQLException {
        return tracking(connection, seriesId).map(Tracking::dayZone).orElse(null);
    }

    static void delete(Connection connection, int seriesId) throws SQLException {
        for (String sql : new String[] {DELETE_COVERAGE, DELETE_TRACKING}) {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setInt(1, seriesId);
                delete.executeUpdate();
            }
        }
    }
}
