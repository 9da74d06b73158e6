-- Metrics: per segment and metric, the running trials, sum and sum of squares, moved by each
-- thread write's contribution delta (docs/metrics.md). The metrics page reads these, never events.
CREATE TABLE metric_rollups (
  tenant_id TEXT NOT NULL,
  day TEXT NOT NULL,
  category TEXT NOT NULL,
  channel TEXT NOT NULL,
  tier TEXT NOT NULL,
  arm TEXT NOT NULL,
  metric TEXT NOT NULL,
  n REAL NOT NULL DEFAULT 0,
  sum REAL NOT NULL DEFAULT 0,
  sum_sq REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, category, channel, tier, arm, metric)
) WITHOUT ROWID;

-- Which threads each hashed identifier appeared on, so an erasure by any identifier finds every
-- thread, including those whose customer was never resolved.
CREATE TABLE identifier_threads (
  tenant_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  hash TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, kind, hash, thread_id)
) WITHOUT ROWID;
CREATE INDEX identifier_threads_by_thread ON identifier_threads (tenant_id, thread_id);
CREATE INDEX identifier_threads_by_seen ON identifier_threads (tenant_id, seen_at);

-- An erased customer's identifiers and tickets: a late webhook carrying one stores nothing.
CREATE TABLE erasure_tombstones (
  tenant_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  hash TEXT NOT NULL,
  erased_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, kind, hash)
) WITHOUT ROWID;

CREATE TABLE erasure_requests (
  tenant_id TEXT NOT NULL,
  id TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  -- What was removed, by table; masked identifier only.
  report TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)
) WITHOUT ROWID;

-- Retention scrubs facts in place (the log keeps its offsets); scrubbed_at marks what is done.
ALTER TABLE thread_events ADD COLUMN scrubbed_at TEXT;
CREATE INDEX thread_events_for_retention ON thread_events (tenant_id, type, occurred_at)
  WHERE scrubbed_at IS NULL;
