-- Issue 12: the setup API's admin is proven by an OAuth round trip, not named by the browser.

-- One row per admin session minted at an OAuth callback (intent admin_session, or connect). It is
-- bound to the round trip's nonce, so only the app that holds that state can collect it, once:
-- the token is made at collection and only its SHA-256 is kept (token_hash is null until then).
CREATE TABLE admin_sessions (
  nonce TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  token_hash TEXT UNIQUE,
  collected_at TEXT
);
CREATE INDEX admin_sessions_expiry ON admin_sessions (expires_at);
