-- The completeness ledger: which time ranges of each series are known complete in the store.
-- A covered range whose minutes hold no bar is a real gap (no trades, market closed); a range
-- since the series began to be tracked that no covered range spans is missing: not yet fetched
-- whole. The scheduler records a range as covered in the same transaction as the bars it
-- fetched for it, and only when that fetch came back whole (no failure, no dropped record).
-- Never edit this file once applied: add V3__... instead. IF NOT EXISTS: see V1.

-- Since when a series is tracked: the start of its first backfill. Missing ranges are counted
-- from here. One row per series; no foreign key, for the reasons given for bars in V1.
CREATE TABLE IF NOT EXISTS series_tracking (
    series_id INTEGER NOT NULL,
    since_ms  BIGINT  NOT NULL,  -- epoch milliseconds, UTC
    CONSTRAINT series_tracking_pk PRIMARY KEY (series_id)
);

-- Covered ranges [from_ms, until_ms) of bar open times. Ranges of one series never overlap or
-- touch: the store merges a new range with its neighbours as it records it.
CREATE TABLE IF NOT EXISTS coverage (
    series_id INTEGER NOT NULL,
    from_ms   BIGINT  NOT NULL,  -- inclusive
    until_ms  BIGINT  NOT NULL,  -- exclusive
    CONSTRAINT coverage_pk PRIMARY KEY (series_id, from_ms)
);
