-- Outbound writes (replies, one-time codes, handoff notes, control passes) go through an outbox:
-- the row is written in the same batch as the decision that caused it, then a queue consumer
-- delivers it. The id is deterministic, so a replayed decision cannot enqueue a second write.
CREATE TABLE outbox (
  tenant_id TEXT NOT NULL,
  id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  -- AES-GCM sealed: replies and codes are personal data and secrets.
  payload TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  remote_id TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  PRIMARY KEY (tenant_id, id)
) WITHOUT ROWID;
CREATE INDEX outbox_due ON outbox (status, next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_by_thread ON outbox (tenant_id, thread_id);
CREATE INDEX outbox_by_target ON outbox (tenant_id, kind, target, status);

-- Agent runs wanted and done per thread: a run is owed while requested_up_to > completed_up_to.
CREATE TABLE agent_runs (
  tenant_id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  requested_up_to INTEGER NOT NULL,
  completed_up_to INTEGER NOT NULL DEFAULT 0,
  requested_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, thread_id)
) WITHOUT ROWID;
CREATE INDEX agent_runs_owed ON agent_runs (tenant_id, requested_at) WHERE requested_up_to > completed_up_to;
