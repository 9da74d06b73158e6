import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { act, createTenant, readContext, sendChannelEvent, settle } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

const damaged = (extra: Record<string, unknown> = {}) =>
  channelEvent({
    ticketId: "600",
    sessionId: "WC-600",
    identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
    message: { author: "customer", text: "My order #18422 arrived damaged, I want a replacement." },
    artifacts: [{ kind: "photo", url: "https://files.example.com/1.jpg" }],
    ...extra,
  });

describe("a person's action on a thread", () => {
  it("moves an approval step on, and a stale version gets 409 with what changed", async () => {
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    await sendChannelEvent(tenant, damaged());
    await settle(tenant);
    const before = await readContext(tenant, "600");
    expect(before.workflow?.currentStep).toBe("approve_replacement");
    expect(before.workflow?.actions.find((a) => a.action === "approve")).toMatchObject({
      permitted: true,
    });

    const approved = await act(tenant, before.thread.id, {
      action: "approve",
      expectedVersion: before.version,
      ticketId: "600",
    });
    expect(approved.status).toBe(200);
    const after = (await approved.json()) as { workflow: { currentStep: string }; version: number };
    expect(after.workflow.currentStep).toBe("ship_replacement");

    // The same click again, from a sidebar that did not refresh.
    const stale = await act(tenant, before.thread.id, {
      action: "approve",
      expectedVersion: before.version,
      ticketId: "600",
    });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { version: number; changes: string[] };
    expect(body.version).toBeGreaterThan(before.version);
    expect(body.changes.join(" ")).toContain("approve_replacement done by human");
  });

  it("refuses what the customer's identity does not permit, saying why", async () => {
    const delivered = order({
      status: "delivered",
      deliveredAt: "2026-02-27T15:00:00Z",
      returnWindowEndsAt: "2026-03-29T00:00:00Z",
    });
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [delivered] } });
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "610",
        identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
        message: {
          author: "customer",
          text: "I'd like a refund for order #18422, it doesn't fit.",
        },
      }),
    );
    await settle(tenant);
    const atCheck = await readContext(tenant, "610");
    expect(atCheck.workflow?.currentStep).toBe("back_end_check");
    await act(tenant, atCheck.thread.id, {
      action: "approve",
      expectedVersion: atCheck.version,
      ticketId: "610",
    });
    await settle(tenant);

    // Refunding is consequential: the customer must be at high, whoever clicks.
    const context = await readContext(tenant, "610");
    expect(context.workflow?.currentStep).toBe("step_up");
    expect(context.workflow?.actions.find((a) => a.action === "continue")).toMatchObject({
      permitted: false,
      reason: "Needs high identity; the customer is at medium.",
    });
    const refused = await act(tenant, context.thread.id, {
      action: "continue",
      expectedVersion: context.version,
      ticketId: "610",
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      error: { code: "action_not_permitted", message: expect.stringContaining("medium") },
    });

    // The person verifies the customer another way and records it: the refund step opens.
    const recorded = await act(tenant, context.thread.id, {
      action: "record_verification",
      method: "security questions",
      expectedVersion: context.version,
      ticketId: "610",
    });
    expect(recorded.status).toBe(200);
    const verified = (await recorded.json()) as {
      identity: { level: string; verification: { method: string } };
      workflow: { currentStep: string; actions: { action: string; permitted: boolean }[] };
    };
    expect(verified.identity).toMatchObject({
      level: "high",
      verification: { method: "security questions" },
    });
    expect(verified.workflow.currentStep).toBe("issue_refund");
    expect(verified.workflow.actions.find((a) => a.action === "continue")?.permitted).toBe(true);
  });

  it("is answered 404 for a ticket that is not on the thread, and 422 for a bad body", async () => {
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    await sendChannelEvent(tenant, damaged());
    await settle(tenant);
    const context = await readContext(tenant, "600");
    expect(
      (
        await act(tenant, context.thread.id, {
          action: "approve",
          expectedVersion: context.version,
          ticketId: "999",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await act(tenant, context.thread.id, {
          action: "launch_rockets",
          expectedVersion: context.version,
          ticketId: "600",
        })
      ).status,
    ).toBe(422);
  });
});
