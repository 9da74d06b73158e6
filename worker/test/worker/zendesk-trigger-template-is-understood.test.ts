import { beforeEach, describe, expect, it } from "vitest";
import { customer, order, zendeskUser } from "./support/factories";
import { createTenant, sendZendeskEvent, settle, ticketContext } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

/** What the documented trigger template renders to (docs/zendesk-setup.md). */
function triggerBody(overrides: Record<string, string> = {}) {
  return {
    continuity_trigger: "v1",
    ticket_id: "130",
    updated_at: "2026-03-05T10:00:00Z",
    status: "Open",
    via: "Mail",
    requester_id: "9001",
    assignee_id: "",
    satisfaction: "",
    ...overrides,
  };
}

describe("the trigger webhook template", () => {
  it("opens the contact from the ticket read through the API, and dedupes by ticket and update stamp", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order()] },
      zendesk: {
        users: [zendeskUser("9001", "maya.ortiz@example.com")],
        tickets: [
          {
            id: "130",
            requester_id: "9001",
            via: "email",
            subject: "Broken vase",
            description: "Order #18422 arrived broken",
          },
        ],
      },
    });
    expect((await sendZendeskEvent(tenant, triggerBody())).status).toBe(202);
    expect((await sendZendeskEvent(tenant, triggerBody())).status).toBe(200);
    await settle(tenant);
    const context = (await (await ticketContext(tenant, "130")).json()) as {
      identity: { level: string };
      tickets: { id: string; status: string }[];
      channels: string[];
    };
    expect(context.identity.level).toBe("medium");
    expect(context.tickets[0]).toMatchObject({ id: "130", status: "open" });
    expect(context.channels).toEqual(["email"]);
  });

  it("hands control to a person when the ticket is assigned", async () => {
    const tenant = await createTenant({
      zendesk: {
        users: [zendeskUser("9001", "maya.ortiz@example.com")],
        tickets: [{ id: "130", requester_id: "9001", via: "email" }],
      },
    });
    await sendZendeskEvent(tenant, triggerBody());
    await sendZendeskEvent(
      tenant,
      triggerBody({ updated_at: "2026-03-05T11:00:00Z", assignee_id: "77" }),
    );
    await settle(tenant);
    const context = (await (await ticketContext(tenant, "130")).json()) as {
      control: string;
      tickets: { assigneeId: string }[];
    };
    expect(context.control).toBe("human");
    expect(context.tickets[0]?.assigneeId).toBe("77");
  });

  it("records the newest satisfaction rating, whatever order the ratings arrive in", async () => {
    const tenant = await createTenant({
      zendesk: {
        users: [zendeskUser("9001", "maya.ortiz@example.com")],
        tickets: [{ id: "130", requester_id: "9001", via: "email" }],
      },
    });
    await sendZendeskEvent(tenant, triggerBody());
    await sendZendeskEvent(
      tenant,
      triggerBody({ updated_at: "2026-03-06T10:00:00Z", status: "Solved", satisfaction: "Good" }),
    );
    // An older rating delivered late does not win over the newer one.
    await sendZendeskEvent(
      tenant,
      triggerBody({ updated_at: "2026-03-05T12:00:00Z", status: "Solved", satisfaction: "Bad" }),
    );
    await settle(tenant);
    const context = (await (await ticketContext(tenant, "130")).json()) as {
      tickets: { satisfaction: string | null; status: string }[];
      timeline: { text: string }[];
    };
    expect(context.tickets[0]).toMatchObject({ satisfaction: "good", status: "solved" });
    expect(context.timeline.filter((e) => e.text.includes("rated")).length).toBe(2);
  });

  it("rejects a body that is not the rendered template", async () => {
    const tenant = await createTenant();
    const response = await sendZendeskEvent(tenant, triggerBody({ ticket_id: "{{ticket.id}}" }));
    expect(response.status).toBe(422);
  });
});
