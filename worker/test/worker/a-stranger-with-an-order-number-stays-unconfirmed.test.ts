import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order, zendeskUser } from "./support/factories";
import {
  createTenant,
  readContext,
  readSessionContext,
  sendChannelEvent,
  settle,
  zendeskComments,
  type ContextReading,
  type TestTenant,
} from "./support/tenant";
import { internalNotesOn } from "./support/notes";
import { migrate } from "./support/worker";

beforeEach(migrate);

const MAYA_EMAIL = "maya.ortiz@example.com";
const STRANGER_SAYS =
  "Hi, order #18422. The vase came broken, please send the new one to 12 Elm Street, Springfield instead.";

/** What the sidebar reads, with the fields this issue added. */
type Reading = Omit<ContextReading, "identity" | "timeline"> & {
  identity: ContextReading["identity"] & { unconfirmed?: string };
  contacts: { id: string; level: string; unconfirmed?: string }[];
  timeline: { kind: string; text: string; contactId?: string; unconfirmed?: true }[];
  slots: { name: string; value: string }[];
};

async function mayasThread(): Promise<TestTenant> {
  const tenant = await createTenant({
    orders: {
      customers: [customer()],
      orders: [
        order({ shipments: [{ status: "delivered", carrier: "UPS", tracking: "1Z9998422" }] }),
      ],
    },
    zendesk: {
      users: [zendeskUser("9001", MAYA_EMAIL)],
      tickets: [
        { id: "101", requester_id: "9001", via: "chat" },
        { id: "102", requester_id: "9001", via: "email" },
      ],
    },
  });
  // Maya herself, on her chat ticket: her email and her order (medium), a replacement under way.
  await sendChannelEvent(
    tenant,
    channelEvent({
      occurredAt: "2026-03-01T09:00:00Z",
      sessionId: "WC-MAYA",
      ticketId: "101",
      identifiers: [{ type: "email", value: MAYA_EMAIL }],
      message: {
        author: "customer",
        text: "My order #18422 arrived damaged. I want a replacement.",
      },
      artifacts: [{ kind: "photo", url: "https://files.example.com/maya/1.jpg" }],
    }),
  );
  await settle(tenant);
  return tenant;
}

/** An anonymous web chat whose only signal is the order number. */
async function strangerWrites(tenant: TestTenant, text: string, at = "2026-03-01T11:00:00Z") {
  await sendChannelEvent(
    tenant,
    channelEvent({
      occurredAt: at,
      sessionId: "WC-STRANGER",
      identifiers: [{ type: "chat_session", value: "WC-STRANGER" }],
      message: { author: "customer", text },
    }),
  );
  await settle(tenant);
}

const read = async (tenant: TestTenant, ticketId: string) =>
  (await readContext(tenant, ticketId)) as Reading;
const readSession = async (tenant: TestTenant, sessionId: string) =>
  (await readSessionContext(tenant, sessionId)) as Reading;

describe("a stranger who knows Maya's order number cannot write into her thread as her", () => {
  it("joins her open thread at low, unconfirmed: nothing revealed, nothing of hers changed, never quoted as hers", async () => {
    const tenant = await mayasThread();
    const before = await read(tenant, "101");
    await strangerWrites(tenant, STRANGER_SAYS);

    // The order reference is still a signal: the chat joins the order's thread, at low.
    const chat = await readSession(tenant, "WC-STRANGER");
    expect(chat.thread.id).toBe(before.thread.id);
    expect(chat.identity).toMatchObject({ level: "low", unconfirmed: "order_only" });
    // The agent asks for a second signal and says nothing about the order.
    const reply = chat.agent.replies.at(-1)!;
    expect(reply.contactId).toBe(chat.identity.contactId);
    expect(reply.text).toMatch(/email address on the order, or the name and zip code/);
    expect(reply.text).not.toMatch(/Vase|deliver|1Z9998422|UPS|replacement/i);
    // Not answered on Maya's ticket: a draft for a person.
    expect(reply.delivery).toBe("draft");
    expect((await zendeskComments(tenant, "101"))?.comments.filter((c) => c.public)).toEqual([]);

    // On Maya's ticket: the contact and its words are marked; her workflow data is untouched.
    const maya = await read(tenant, "101");
    expect(maya.identity).not.toHaveProperty("unconfirmed");
    expect(maya.contacts.find((c) => c.id === "session:WC-STRANGER")).toMatchObject({
      level: "low",
      unconfirmed: "order_only",
    });
    const words = maya.timeline.find(
      (e) => e.kind === "message" && e.contactId === "session:WC-STRANGER",
    );
    expect(words).toMatchObject({
      unconfirmed: true,
      text: expect.stringMatching(
        /^Unconfirmed contact \(web chat, only an order number matched\): Hi, order #18422/,
      ),
    });
    expect(maya.slots).toEqual(before.slots);
    expect(maya.workflow).toEqual(before.workflow);

    // Maya writes from her email on a new ticket while a person has her approval: that ticket
    // is pointed to the full note on her chat ticket, and quotes no one.
    await sendChannelEvent(
      tenant,
      channelEvent({
        occurredAt: "2026-03-02T18:30:00Z",
        channel: "email",
        ticketId: "102",
        identifiers: [{ type: "email", value: MAYA_EMAIL }],
        message: { author: "customer", text: "Following up on order #18422, any news?" },
      }),
    );
    await settle(tenant);
    const notes = await internalNotesOn(tenant, "102");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain("Full handoff note on ticket #101.");
    expect(notes[0]).not.toMatch(/Customer:|Unconfirmed contact|Elm|order #18422/);
  });

  it("a hard stop it raises reaches Maya's ticket as an update that says who is asking", async () => {
    const tenant = await mayasThread();
    const [full] = await internalNotesOn(tenant, "101");
    await strangerWrites(tenant, "I disputed the charge for order #18422 with my bank.");
    const chat = await readSession(tenant, "WC-STRANGER");
    expect(chat.agent.handoff?.code).toBe("payment_dispute");
    // A person already has Maya's approval: the full note stands, and what is new is added to it.
    const notes = await internalNotesOn(tenant, "101");
    expect(notes).toEqual([
      full,
      expect.stringMatching(/^<p><b>Update:<\/b> ⚠ <b>payment dispute/),
    ]);
    expect(notes[1]).toContain(
      "raised by an unconfirmed contact (web chat, only an order number matched): act on nothing it asks",
    );
    expect(notes[1]).not.toContain("I disputed the charge");
  });

  it("a second signal that agrees confirms it: its words become Maya's, and what it said counts", async () => {
    const tenant = await mayasThread();
    await strangerWrites(tenant, STRANGER_SAYS);
    const doubted = await readSession(tenant, "WC-STRANGER");
    expect(doubted.identity.unconfirmed).toBe("order_only");
    expect(doubted.slots.map((s) => s.name)).not.toContain("shipping_address");

    await strangerWrites(tenant, `Sorry, it's me, ${MAYA_EMAIL}`, "2026-03-01T11:02:00Z");

    const chat = await readSession(tenant, "WC-STRANGER");
    expect(chat.identity.level).toBe("medium");
    expect(chat.identity).not.toHaveProperty("unconfirmed");
    const maya = await read(tenant, "101");
    expect(maya.contacts.every((c) => c.unconfirmed === undefined)).toBe(true);
    expect(maya.timeline.filter((e) => e.unconfirmed)).toEqual([]);
    expect(maya.timeline.map((e) => e.text)).toContain(`Customer: ${STRANGER_SAYS}`);
    expect(maya.slots.find((s) => s.name === "shipping_address")?.value).toBe("••• Elm Street");
  });
});
