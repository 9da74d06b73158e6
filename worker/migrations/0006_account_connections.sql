-- Issue 12: an admin connects a Zendesk account with OAuth and the Worker provisions it.

-- One row per OAuth round trip started: the nonce its signed `state` carries. The callback consumes
-- it once (consumed_at), so a state replayed after use, or one never issued, is refused.
CREATE TABLE oauth_states (
  nonce TEXT PRIMARY KEY,
  subdomain TEXT NOT NULL,
  installation_id TEXT NOT NULL,
  intent TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  consumed_at TEXT
);
CREATE INDEX oauth_states_expiry ON oauth_states (expires_at);

-- What provisioning a tenant's account has done, one row per step, with what it made (a webhook
-- id, the installation written). A step recorded here is not done again, so a failed run resumes
-- where it stopped and a second "Connect" creates nothing twice. Disconnecting deletes the rows.
CREATE TABLE setup_steps (
  tenant_id TEXT NOT NULL,
  integration TEXT NOT NULL,
  step TEXT NOT NULL,
  result TEXT NOT NULL,
  done_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, integration, step)
);
