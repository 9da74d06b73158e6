import { env } from "cloudflare:test";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { deliverOnce, settleAttempt, type DeliveryDeps } from "../../src/delivery/deliver";
import { noteKeysOn, outboxStatus, pendingNote } from "./support/notes";
import { createTenant, type TestTenant } from "./support/tenant";
import { control, migrate } from "./support/worker";

beforeEach(migrate);

// Timeouts in this test are short so a schedule with several of them still runs quickly.
const faultEnv = { ...env, OUTBOUND_TIMEOUT_MS: "150" } as typeof env;

const Fault = fc.record({
  method: fc.constantFrom("PUT", "GET"),
  status: fc.constantFrom(429, 500, 503, 504),
  afterApplying: fc.boolean(),
  timeout: fc.boolean(),
});

const Step = fc.oneof(
  fc.record({ kind: fc.constant("deliver" as const), note: fc.nat(5) }),
  fc.record({ kind: fc.constant("race" as const), a: fc.nat(5), b: fc.nat(5) }),
  fc.record({ kind: fc.constant("crash" as const), note: fc.nat(5) }),
  fc.record({ kind: fc.constant("arrive" as const) }),
);

const Schedule = fc.record({
  tickets: fc.integer({ min: 1, max: 2 }),
  notesPerTicket: fc.integer({ min: 1, max: 3 }),
  faults: fc.array(Fault, { maxLength: 4 }),
  steps: fc
    .array(Step, { maxLength: 8 })
    .filter((s) => s.filter((x) => x.kind === "crash").length <= 2),
});

interface Note {
  id: string;
  key: string;
  ticketId: string;
  variant: number;
}

describe("handoff note delivery under any schedule of faults, crashes and races", () => {
  it("ends with every intended note on its ticket exactly once, and nothing superseded written", async () => {
    await fc.assert(
      fc.asyncProperty(Schedule, async (schedule) => {
        const ticketIds = Array.from({ length: schedule.tickets }, (_, i) => String(900 + i));
        const tenant: TestTenant = await createTenant({
          zendesk: {
            tickets: ticketIds.map((id) => ({ id, requester_id: "1", via: "email" })),
          },
        });
        for (const f of schedule.faults)
          await control("zendesk", tenant.space, "fail", {
            status: f.status,
            times: 1,
            methods: [f.method],
            afterApplying: f.afterApplying && f.method === "PUT",
            ...(f.timeout && { delayMs: 250 }),
            ...(f.status === 429 && { retryAfter: 0 }),
          });

        // Notes arrive over time: a first one per ticket now, later revisions on `arrive` steps.
        const waiting = ticketIds.flatMap((ticketId) =>
          Array.from({ length: schedule.notesPerTicket }, (_, v) => ({ ticketId, variant: v + 1 })),
        );
        const notes: Note[] = [];
        const arrive = async (ticketId?: string) => {
          const index = ticketId ? waiting.findIndex((w) => w.ticketId === ticketId) : 0;
          const next = waiting.splice(index, 1)[0];
          if (!next) return;
          const note = await pendingNote(tenant, next.ticketId, next.variant);
          notes.push({ ...note, ...next });
        };
        for (const ticketId of ticketIds) await arrive(ticketId);

        // A crashed invocation keeps its lease; later invocations see a clock past its expiry.
        let clockOffset = 0;
        const deps = (): DeliveryDeps => {
          const offset = clockOffset;
          return { now: () => new Date(Date.now() + offset) };
        };
        const attempt = async (note: Note | undefined) => {
          if (!note) return;
          const result = await deliverOnce(faultEnv, tenant.tenantId, note.id, deps());
          await settleAttempt(faultEnv, tenant.tenantId, note.id, result);
        };
        for (const step of schedule.steps) {
          if (step.kind === "arrive") await arrive();
          if (step.kind === "deliver") await attempt(notes[step.note % notes.length]);
          if (step.kind === "race")
            await Promise.all([
              attempt(notes[step.a % notes.length]),
              attempt(notes[step.b % notes.length]),
            ]);
          if (step.kind === "crash") {
            const note = notes[step.note % notes.length]!;
            let wrote = false;
            const dying: typeof fetch = async (input, init) => {
              const response = await fetch(input, init);
              if (init?.method !== "PUT" || !response.ok) return response;
              wrote = true;
              return new Promise<Response>(() => undefined);
            };
            void deliverOnce(faultEnv, tenant.tenantId, note.id, { ...deps(), fetcher: dying });
            for (let i = 0; i < 50 && !wrote; i++) await new Promise((r) => setTimeout(r, 10));
            clockOffset += 61_000;
          }
        }
        while (waiting.length > 0) await arrive();

        // Quiescence: the queue keeps trying every pending note until none is.
        for (let round = 0; round < 30; round++) {
          const pending = [];
          for (const note of notes)
            if ((await outboxStatus(tenant.tenantId, note.id))?.status === "pending")
              pending.push(note);
          if (pending.length === 0) break;
          for (const note of pending) await attempt(note);
        }

        for (const ticketId of ticketIds) {
          const onTicket = await noteKeysOn(tenant, ticketId);
          expect(new Set(onTicket).size).toBe(onTicket.length);
          const ofTicket = notes.filter((n) => n.ticketId === ticketId);
          for (const note of ofTicket) {
            const row = await outboxStatus(tenant.tenantId, note.id);
            expect(["sent", "superseded"]).toContain(row!.status);
            const copies = onTicket.filter((k) => k === note.key).length;
            expect(copies).toBe(row!.status === "sent" ? 1 : 0);
          }
          // A stale revision is never written after a fresher one.
          const order = onTicket.map((k) => ofTicket.find((n) => n.key === k)!.variant);
          expect(order).toEqual([...order].sort((a, b) => a - b));
          // The newest revision is what the person reads: it is always there.
          const newest = ofTicket.reduce((a, b) => (b.variant > a.variant ? b : a));
          expect(onTicket).toContain(newest.key);
        }
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
