-- One writer per Zendesk ticket at a time: a lease with an expiry, so a crashed holder frees it.
CREATE TABLE write_leases (
  tenant_id TEXT NOT NULL,
  target TEXT NOT NULL,
  holder TEXT NOT NULL,
  until TEXT NOT NULL,
  PRIMARY KEY (tenant_id, target)
) WITHOUT ROWID;
