-- A round trip that ended without what it was for (the approver is not an admin, the consent was
-- declined, Zendesk refused the code) says why on its nonce, so the app waiting to collect the
-- session stops at once and tells the admin, instead of polling until the state lapses.
ALTER TABLE oauth_states ADD COLUMN refused TEXT;
