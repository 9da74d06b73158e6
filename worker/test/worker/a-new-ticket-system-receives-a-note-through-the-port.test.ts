import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { deliverOnce, settleAttempt } from "../../src/delivery/deliver";
import { noteRow } from "../../src/delivery/notes";
import { emptyThread } from "../../src/domain/thread-state";
import type { TicketSystem } from "../../src/integrations/ports";
import { outboxKind, registerTicketSystem } from "../../src/integrations/registry";
import { enqueueOutbox } from "../../src/store/outbox";
import { loadTenant } from "../../src/tenancy/tenants";
import { outboxStatus } from "./support/notes";
import { createTenant } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

interface TinyNote {
  id: string;
  html: string;
  tags: string[];
}

/**
 * The example in docs/architecture.md, "Add an integration": a whole ticket system in memory. It
 * implements the port and nothing else; the outbox, coalescing and reconciliation are the core's.
 */
function tinyTicketSystem() {
  const tickets = new Map<string, TinyNote[]>();
  let answersLost = 0;
  const system: TicketSystem = {
    name: "tiny",
    configured: true,
    requester: async () => null,
    caseDetails: async () => null,
    async notesHeld(ticketId, keys) {
      const held = new Map<string, string>();
      for (const note of tickets.get(ticketId) ?? [])
        for (const key of keys) if (note.html.includes(`ctx-note:${key}`)) held.set(key, note.id);
      return held;
    },
    async writeNote(ticketId, note) {
      const notes = tickets.get(ticketId) ?? [];
      const id = `tiny-${notes.length + 1}`;
      tickets.set(ticketId, [...notes, { id, html: note.html, tags: note.tags }]);
      if (answersLost > 0) {
        answersLost--;
        throw new Error("the connection dropped after the write");
      }
      return { kind: "done", remoteId: id };
    },
    commentHeld: async () => null,
    writeComment: async () => ({ kind: "give_up", reason: "tiny tickets take notes only" }),
    takeWrite: async () => ({ granted: true }),
  };
  return { system, tickets, loseNextAnswer: () => answersLost++ };
}

/** A handoff note owed on `ticketId`, put in the outbox for the tiny ticket system. */
async function noteFor(tenantId: string, ticketId: string) {
  const tenant = await loadTenant(env, tenantId, { fresh: true });
  const state = emptyThread("THR-TINY", "2026-03-01T10:00:00.000Z");
  const row = await noteRow(env, tenant!.config, state, null, ticketId);
  const tiny = { ...row, kind: outboxKind("tiny", "note") };
  await env.DB.batch(enqueueOutbox(env.DB, tenantId, [tiny], new Date().toISOString()));
  return { id: row.id, key: row.id.replace(/^note:/, "") };
}

describe("a ticket system added only in its own folder and registered by name", () => {
  it("receives the handoff note through the port, with its key and tags, once", async () => {
    const tiny = tinyTicketSystem();
    registerTicketSystem("tiny", () => tiny.system);
    const { tenantId } = await createTenant();
    const note = await noteFor(tenantId, "T-1");

    const result = await deliverOnce(env, tenantId, note.id);
    await settleAttempt(env, tenantId, note.id, result);

    expect(result).toEqual({ kind: "sent" });
    const written = tiny.tickets.get("T-1") ?? [];
    expect(written).toHaveLength(1);
    expect(written[0]!.html).toContain(`ctx-note:${note.key}`);
    expect(written[0]!.tags).toContain("ctx_thread_thr-tiny");
    expect(await outboxStatus(tenantId, note.id)).toMatchObject({ status: "sent" });
  });

  it("is asked whether it already holds a note whose answer was lost, and is not written twice", async () => {
    const tiny = tinyTicketSystem();
    registerTicketSystem("tiny", () => tiny.system);
    const { tenantId } = await createTenant();
    const note = await noteFor(tenantId, "T-2");
    tiny.loseNextAnswer();

    const lost = await deliverOnce(env, tenantId, note.id);
    await settleAttempt(env, tenantId, note.id, lost);
    expect(lost.kind).toBe("retry");

    const again = await deliverOnce(env, tenantId, note.id);
    expect(again).toEqual({ kind: "already_sent" });
    expect(tiny.tickets.get("T-2")).toHaveLength(1);
    expect(await outboxStatus(tenantId, note.id)).toMatchObject({ status: "sent" });
  });
});
