import { beforeEach, describe, expect, it } from "vitest";
import { customer, order, zendeskTicketEvent, zendeskUser } from "./support/factories";
import { act, createTenant, readContext, sendZendeskEvent, settle } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

const maya = {
  orders: {
    customers: [customer()],
    orders: [
      order({
        status: "delivered",
        returnWindowEndsAt: "2026-03-29T00:00:00Z",
        deliveredAt: "2026-02-27T15:00:00Z",
      }),
    ],
  },
  zendesk: { users: [zendeskUser("9001", "maya.ortiz@example.com")] },
};

describe("a person taking over", () => {
  it("silences the agent; handing back resumes it at the current step", async () => {
    const tenant = await createTenant(maya);
    await sendZendeskEvent(
      tenant,
      zendeskTicketEvent(
        "created",
        {
          id: "500",
          requester_id: "9001",
          description: "I want to return order #18422, it doesn't fit.",
        },
        { time: "2026-03-02T10:00:00Z" },
      ),
    );
    await settle(tenant);
    const first = await readContext(tenant, "500");
    expect(first.workflow?.id).toBe("return_exchange");
    const repliesBefore = first.agent.replies.length;
    expect(repliesBefore).toBe(1);

    // An agent is assigned in Zendesk: control goes to the person.
    await sendZendeskEvent(
      tenant,
      zendeskTicketEvent(
        "agent_assignment_changed",
        { id: "500", requester_id: "9001", assignee_id: "77" },
        { time: "2026-03-02T10:05:00Z", event: { current: "77", previous: null } },
      ),
    );
    await sendZendeskEvent(
      tenant,
      zendeskTicketEvent(
        "comment_added",
        { id: "500", requester_id: "9001", assignee_id: "77" },
        {
          time: "2026-03-02T10:06:00Z",
          event: {
            comment: {
              id: "c-2",
              body: "Hello? Anyone there?",
              is_public: true,
              author: { id: "9001", is_staff: false },
            },
          },
        },
      ),
    );
    await settle(tenant);
    const silent = await readContext(tenant, "500");
    expect(silent.control).toBe("human");
    expect(silent.agent.replies).toHaveLength(repliesBefore);

    // The person hands back from the sidebar: the agent picks up where the workflow stands.
    const handed = await act(tenant, silent.thread.id, {
      action: "hand_back",
      expectedVersion: silent.version,
      ticketId: "500",
    });
    expect(handed.status).toBe(200);
    await settle(tenant);
    const resumed = await readContext(tenant, "500");
    expect(resumed.control).toBe("ai");
    expect(resumed.agent.replies.length).toBe(repliesBefore + 1);
    expect(resumed.workflow?.id).toBe("return_exchange");
  });
});
