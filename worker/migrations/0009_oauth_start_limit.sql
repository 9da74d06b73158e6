-- OAuth starts are limited per account and intent (docs/decisions.md, "Starts are limited per
-- account"): each start counts the account's live states of that intent, through this index.
CREATE INDEX oauth_states_account ON oauth_states (subdomain, intent, expires_at);
