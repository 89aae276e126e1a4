-- Whose calendar days a tracked series' market trades on: a time-zone id (America/New_York for the
-- US stock market, UTC for the crypto exchanges), written by the feed that tracks the series from
-- its provider. Daily bars built from the series' minutes span these days; the command line's
-- export and snapshot read them here, so a crypto series keeps its exchange's days whatever
-- provider the settings name later. NULL where no feed has said: a series tracked before this
-- column (the feed fills it in when it next sees the series) or only imported.
-- Never edit this file once applied: add V4__... instead. IF NOT EXISTS: see V1.
ALTER TABLE series_tracking ADD COLUMN IF NOT EXISTS day_zone VARCHAR(64);
