import { beforeEach, describe, expect, it } from "vitest";
import { zendeskTicketEvent, zendeskUser } from "./support/factories";
import { createTenant, sendZendeskEvent, settle, ticketContext } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

type Ctx = {
  thread: { status: string };
  tickets: { status: string; assigneeId: string | null }[];
  control: string;
  timeline: { kind: string }[];
};

describe("Zendesk events out of order", () => {
  it("keep the newest state by event time and never move backwards", async () => {
    const tenant = await createTenant({
      zendesk: { users: [zendeskUser("9001", "maya.ortiz@example.com")] },
    });
    const ticket = { id: "140", requester_id: "9001" };
    const created = zendeskTicketEvent(
      "created",
      { ...ticket, status: "NEW" },
      { time: "2026-03-05T10:00:00Z" },
    );
    const open = zendeskTicketEvent(
      "status_changed",
      { ...ticket, status: "OPEN" },
      { time: "2026-03-05T10:05:00Z", event: { current: "OPEN", previous: "NEW" } },
    );
    const solved = zendeskTicketEvent(
      "status_changed",
      { ...ticket, status: "SOLVED" },
      { time: "2026-03-05T11:00:00Z", event: { current: "SOLVED", previous: "OPEN" } },
    );

    // The solve arrives first, the creation last.
    for (const event of [solved, open, created]) {
      await sendZendeskEvent(tenant, event);
      await settle(tenant);
    }
    const context = (await (await ticketContext(tenant, "140")).json()) as Ctx;
    expect(context.tickets[0]?.status).toBe("solved");
    expect(context.thread.status).toBe("solved");
    expect(context.timeline.filter((e) => e.kind === "message")).toHaveLength(1);
  });

  it("gives the same state whichever order they arrive in", async () => {
    const states: unknown[] = [];
    for (const order of [
      [0, 1, 2],
      [2, 0, 1],
      [1, 2, 0],
    ]) {
      const tenant = await createTenant({
        zendesk: { users: [zendeskUser("9001", "maya.ortiz@example.com")] },
      });
      const ticket = { id: "141", requester_id: "9001" };
      const events = [
        zendeskTicketEvent("created", ticket, { id: "e-created", time: "2026-03-05T10:00:00Z" }),
        zendeskTicketEvent(
          "agent_assignment_changed",
          { ...ticket, assignee_id: "55" },
          {
            id: "e-assigned",
            time: "2026-03-05T10:10:00Z",
            event: { current: "55", previous: null },
          },
        ),
        zendeskTicketEvent(
          "status_changed",
          { ...ticket, status: "PENDING", assignee_id: "55" },
          {
            id: "e-pending",
            time: "2026-03-05T10:20:00Z",
            event: { current: "PENDING", previous: "OPEN" },
          },
        ),
      ];
      for (const i of order) {
        await sendZendeskEvent(tenant, events[i]);
        await settle(tenant);
      }
      const context = (await (await ticketContext(tenant, "141")).json()) as Ctx & {
        thread: { id?: string };
        version?: number;
        offset?: number;
      };
      states.push({
        tickets: context.tickets,
        control: context.control,
        status: context.thread.status,
        // What the agent said depends on what it knew when it ran; the ticket's facts must not.
        timeline: context.timeline
          .filter((e) => e.kind !== "agent" && e.kind !== "workflow")
          .map((e) => e.kind),
      });
    }
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
    expect(states[0]).toMatchObject({
      control: "human",
      tickets: [{ status: "pending", assigneeId: "55" }],
    });
  });
});
