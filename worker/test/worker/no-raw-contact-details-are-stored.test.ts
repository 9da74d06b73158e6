import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import {
  channelEvent,
  customer,
  order,
  zendeskTicketEvent,
  zendeskUser,
} from "./support/factories";
import {
  createTenant,
  sendChannelEvent,
  sendZendeskEvent,
  settle,
  ticketContext,
} from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

async function everyStoredValue(): Promise<string> {
  const tables = [
    "tenants",
    "customers",
    "identities",
    "threads",
    "thread_links",
    "thread_events",
    "inbound_deliveries",
    "audit_log",
  ];
  const dumps = await Promise.all(
    tables.map(async (t) =>
      JSON.stringify((await env.DB.prepare(`SELECT * FROM ${t}`).all()).results),
    ),
  );
  return dumps.join("\n");
}

describe("stored data", () => {
  it("holds no raw email address or phone number, from identifiers, requesters or message text", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order()] },
      zendesk: {
        users: [
          zendeskUser("9001", "maya.ortiz@example.com", [
            { type: "phone_number", value: "+14155550100" },
          ]),
        ],
      },
    });
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "120",
        identifiers: [
          { type: "email", value: "maya.ortiz@example.com" },
          { type: "phone", value: "+1 (415) 555-0100" },
        ],
        message: {
          author: "customer",
          text: "Reach me at maya.ortiz@example.com or +1 415 555 0100 about order #18422",
        },
      }),
    );
    await sendZendeskEvent(
      tenant,
      zendeskTicketEvent("created", {
        id: "121",
        requester_id: "9001",
        description: "My email is MAYA.ORTIZ@example.com",
      }),
    );
    await settle(tenant);

    const stored = await everyStoredValue();
    for (const raw of [
      "maya.ortiz@example.com",
      "MAYA.ORTIZ",
      "+14155550100",
      "415 555 0100",
      "4155550100",
    ])
      expect(stored).not.toContain(raw);
    // What a person needs to recognise them is still there, masked.
    expect(stored).toContain("m***@example.com");
    expect(stored).toContain("+1 ••• ••• 0100");

    const context = await (await ticketContext(tenant, "120")).text();
    expect(context).not.toContain("maya.ortiz@example.com");
    expect(context).toContain("m***@example.com");
  });
});
