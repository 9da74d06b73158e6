-- Continuity core schema. Every row carries tenant_id and every lookup path has an index that
-- starts with it, so no query can cross tenants by accident. No raw email address or phone number
-- is stored: identities keep a keyed hash for lookup and a masked form for display.

CREATE TABLE tenants (
  id TEXT PRIMARY KEY,
  subdomain TEXT NOT NULL UNIQUE,
  -- HMAC of the app secret under a Worker-held key: authenticates bearer calls.
  app_secret_lookup TEXT NOT NULL UNIQUE,
  -- AES-GCM sealed SHA-256 of the app secret: the HMAC key for X-Signature (see security/app-secret.ts).
  app_secret_signing TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}',
  -- AES-GCM sealed credentials (API tokens, webhook secrets).
  secrets_sealed TEXT,
  settings_version INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE customers (
  tenant_id TEXT NOT NULL,
  id TEXT NOT NULL,
  source TEXT NOT NULL,
  tier TEXT,
  -- Bumped whenever a thread is opened for the customer: two contacts racing to open one cannot both win.
  version INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)
) WITHOUT ROWID;

CREATE TABLE identities (
  tenant_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  hash TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  masked TEXT NOT NULL,
  verified INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, kind, hash, customer_id)
) WITHOUT ROWID;
CREATE INDEX identities_by_customer ON identities (tenant_id, customer_id);
CREATE INDEX identities_by_last_seen ON identities (tenant_id, last_seen_at);

CREATE TABLE threads (
  tenant_id TEXT NOT NULL,
  id TEXT NOT NULL,
  customer_id TEXT,
  status TEXT NOT NULL,
  category TEXT,
  control TEXT NOT NULL DEFAULT 'ai',
  -- Equals the offset of the newest event: appending at version + 1 is the compare-and-set.
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  -- What stitching compares: the orders and artifact digests the thread is about.
  refs TEXT NOT NULL DEFAULT '{}',
  opened_at TEXT NOT NULL,
  last_event_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)
) WITHOUT ROWID;
CREATE INDEX threads_by_customer ON threads (tenant_id, customer_id, last_event_at);

CREATE TABLE thread_links (
  tenant_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  external_id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, kind, external_id)
) WITHOUT ROWID;
CREATE INDEX thread_links_by_thread ON thread_links (tenant_id, thread_id);

-- Append-only. seq is the per-thread offset, gap-free and increasing; event_key makes a replayed
-- fact a constraint violation instead of a duplicate.
CREATE TABLE thread_events (
  tenant_id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  event_key TEXT NOT NULL,
  type TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (tenant_id, thread_id, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX thread_events_by_key ON thread_events (tenant_id, thread_id, event_key);

CREATE TABLE inbound_deliveries (
  tenant_id TEXT NOT NULL,
  source TEXT NOT NULL,
  event_id TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  thread_id TEXT,
  error TEXT,
  -- Sealed copy of the event, kept only while it has failed, so an operator can replay it.
  sealed_event TEXT,
  received_at TEXT NOT NULL,
  settled_at TEXT,
  PRIMARY KEY (tenant_id, source, event_id)
) WITHOUT ROWID;
CREATE INDEX inbound_unsettled ON inbound_deliveries (tenant_id, status) WHERE status <> 'done';
CREATE INDEX inbound_by_received ON inbound_deliveries (received_at);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  thread_id TEXT,
  data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_by_thread ON audit_log (tenant_id, thread_id, id);
CREATE INDEX audit_by_time ON audit_log (tenant_id, at);

-- Compare-and-set inside a D1 batch: inserting (expected, actual) aborts the whole batch when
-- they differ, and inserts nothing when they match.
CREATE TABLE cas_guard (expected INTEGER, actual INTEGER);
CREATE TRIGGER cas_guard_check BEFORE INSERT ON cas_guard
BEGIN
  SELECT RAISE(ABORT, 'cas_conflict') WHERE NEW.expected IS NOT NEW.actual;
  SELECT RAISE(IGNORE);
END;
