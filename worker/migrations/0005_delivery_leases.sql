-- A claimed inbound event keeps its sealed copy from the moment it is answered 2xx, with a lease:
-- a claim still queued past its lease (its queue message died with a process) is queued again
-- from the copy, by the cron sweep or by the sender's redelivery. `requeues` bounds how often.
ALTER TABLE inbound_deliveries ADD COLUMN lease_until TEXT;
ALTER TABLE inbound_deliveries ADD COLUMN requeues INTEGER NOT NULL DEFAULT 0;
CREATE INDEX inbound_stuck ON inbound_deliveries (lease_until) WHERE status = 'queued';
