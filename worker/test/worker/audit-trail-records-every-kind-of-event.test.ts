import { beforeEach, describe, expect, it } from "vitest";
import {
  channelEvent,
  customer,
  order,
  zendeskTicketEvent,
  zendeskUser,
} from "./support/factories";
import {
  act,
  createTenant,
  readContext,
  sendChannelEvent,
  sendZendeskEvent,
  settle,
  type TestTenant,
} from "./support/tenant";
import { call, migrate, OPERATOR } from "./support/worker";

beforeEach(migrate);

interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  threadId: string | null;
  data: Record<string, unknown>;
}

async function trail(tenant: TestTenant, threadId: string): Promise<AuditEvent[]> {
  const response = await call(`/v1/threads/${threadId}/audit?limit=1000`, {
    headers: { authorization: `Bearer ${tenant.appSecret}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { events: AuditEvent[] }).events;
}

describe("the audit trail", () => {
  it("has an event, with time and actor, for everything that happened to a thread", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order()] },
      zendesk: {
        users: [zendeskUser("9001", "maya.ortiz@example.com")],
        tickets: [{ id: "600", requester_id: "9001", via: "web" }],
      },
    });
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "600",
        sessionId: "WC-600",
        identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
        message: {
          author: "customer",
          text: "My order #18422 arrived damaged, I want a replacement.",
        },
        artifacts: [{ kind: "photo", url: "https://files.example.com/1.jpg" }],
      }),
    );
    await settle(tenant);
    let context = await readContext(tenant, "600");
    const threadId = context.thread.id;
    const verified = await act(tenant, threadId, {
      action: "record_verification",
      method: "called back on the number on file",
      expectedVersion: context.version,
      ticketId: "600",
    });
    expect(verified.status).toBe(200);
    context = await readContext(tenant, "600");
    await act(tenant, threadId, {
      action: "approve",
      expectedVersion: context.version,
      ticketId: "600",
    });
    context = await readContext(tenant, "600");
    const summary = (context as unknown as { summary: { text: string } }).summary.text;
    await call(`/v1/threads/${threadId}/summary`, {
      method: "PUT",
      headers: { authorization: `Bearer ${tenant.appSecret}`, "content-type": "application/json" },
      body: JSON.stringify({
        actor: "agent-7",
        ticketId: "600",
        expectedVersion: context.version,
        text: `${summary} Customer prefers email.`,
      }),
    });
    await sendZendeskEvent(
      tenant,
      zendeskTicketEvent(
        "status_changed",
        { id: "600", requester_id: "9001", status: "SOLVED", via: { channel: "web_service" } },
        { time: "2026-03-01T12:00:00Z", event: { current: "SOLVED", previous: "OPEN" } },
      ),
    );
    await settle(tenant);

    const events = await trail(tenant, threadId);
    const of = (action: string) => events.filter((e) => e.action === action);
    expect(of("thread.created")).toHaveLength(1);
    expect(of("identity.signal_observed")[0]!.data.signals).toEqual(
      expect.arrayContaining([
        { kind: "email", masked: "m***@example.com", matched: true },
        { kind: "order", masked: "18422", matched: true },
      ]),
    );
    expect(of("identity.level_changed").map((e) => e.data.reason)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("evidence"),
        expect.stringContaining("verified by"),
      ]),
    );
    expect(of("verification.completed")[0]).toMatchObject({
      actor: "human:agent-7",
      data: { method: "called back on the number on file" },
    });
    expect(of("context.assembled")[0]!.data.sources).toEqual(expect.any(Array));
    expect(of("tool.called")[0]!.data).toMatchObject({
      tool: expect.any(String),
      action: expect.any(String),
      latencyMs: expect.any(Number),
      outcome: expect.any(String),
    });
    const transitions = of("workflow.transition");
    expect(transitions.some((e) => e.data.to === "started")).toBe(true);
    expect(transitions.find((e) => e.data.step === "approve_replacement")).toMatchObject({
      actor: "human:agent-7",
      data: { to: "done", prerequisites: { missing: [], levelMet: true } },
    });
    expect(of("human.edit")[0]).toMatchObject({
      actor: "human:agent-7",
      data: { field: "summary", category: "added_detail" },
    });
    expect(of("thread.closed")[0]!.data).toMatchObject({ resolution: "solved" });
    for (const e of events) expect(typeof e.at).toBe("string");
    expect(JSON.stringify(events)).not.toContain("maya.ortiz@example.com");

    // The same trail as NDJSON, per thread and from the operator's export.
    const ndjson = await (
      await call(`/v1/threads/${threadId}/audit?format=ndjson`, {
        headers: { authorization: `Bearer ${tenant.appSecret}` },
      })
    ).text();
    expect(
      ndjson
        .trim()
        .split("\n")
        .map((l) => (JSON.parse(l) as AuditEvent).id),
    ).toEqual(events.map((e) => e.id));
    const exported = await call(`/v1/admin/tenants/${tenant.tenantId}/audit?threadId=${threadId}`, {
      headers: OPERATOR,
    });
    expect(exported.headers.get("content-type")).toContain("application/x-ndjson");
    expect((await exported.text()).trim().split("\n")).toHaveLength(events.length);
  });

  it("records a handoff with its reason code and the note's payload digest", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order()] },
      zendesk: {
        users: [zendeskUser("9001", "maya.ortiz@example.com")],
        tickets: [{ id: "610", requester_id: "9001", via: "email" }],
      },
    });
    await sendZendeskEvent(
      tenant,
      zendeskTicketEvent("created", {
        id: "610",
        requester_id: "9001",
        subject: "Chargeback",
        description: "I filed a chargeback with my bank for order #18422.",
      }),
    );
    await settle(tenant, 20_000);
    const context = await readContext(tenant, "610");
    const handoff = (await trail(tenant, context.thread.id)).find((e) => e.action === "handoff");
    expect(handoff).toMatchObject({
      actor: expect.stringMatching(/^agent:/),
      data: { code: "payment_dispute", payloadDigest: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });
});
