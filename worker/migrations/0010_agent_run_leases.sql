-- Agent runs on a thread go one at a time: a run holds its thread's agent_runs row with a lease
-- (docs/decisions.md, "Agent runs hold a lease on their row"). The lease has an expiry, so a run
-- that died with its process is taken over once it lapses.
ALTER TABLE agent_runs ADD COLUMN leased_by TEXT;
ALTER TABLE agent_runs ADD COLUMN leased_until TEXT;

-- A thread's live session is woken by a change only once someone has attached to it: until then
-- waking it would only create its Durable Object. Threads attached to before this migration are
-- marked from their log.
ALTER TABLE threads ADD COLUMN live_since TEXT;
UPDATE threads SET live_since = (
  SELECT MIN(e.recorded_at) FROM thread_events e
  WHERE e.tenant_id = threads.tenant_id AND e.thread_id = threads.id AND e.type = 'participant.joined'
);
