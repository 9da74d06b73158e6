import { describe, expect, it } from "vitest";
import { reopenOffer, ALREADY_RESOLVED } from "../../src/domain/agent/replies";
import type { ThreadEvent } from "../../src/domain/thread-events";
import { customerSays, replyOf, threadWith, minutesAfter } from "./agent-factories";

function ticketOnThread(status: "solved" | "closed" | "open"): ThreadEvent[] {
  return [
    {
      type: "contact.linked",
      contactId: "session:CONV-1",
      channel: "messaging",
      link: { kind: "ticket", id: "501" },
      key: "link#501",
      group: "link",
      part: 0,
      at: minutesAfter(0),
    },
    {
      type: "ticket.changed",
      ticketId: "501",
      channel: "messaging",
      status,
      key: `ticket#501#${status}`,
      group: "ticket",
      part: 0,
      at: minutesAfter(0.5),
    },
  ];
}

describe("a thread whose tickets are solved", () => {
  it("asks the customer nothing more and says the request is resolved", () => {
    const state = threadWith({
      workflow: "return_exchange",
      slots: { order_id: "W1202" },
      extra: ticketOnThread("solved"),
    });
    const { plan } = customerSays(state, "thanks, and the size?");
    const reply = replyOf(plan);
    expect(reply?.text).toContain(ALREADY_RESOLVED);
    expect(reply?.asks ?? []).toEqual([]);
    expect(reply?.purpose).toBe("status");
  });

  it("keeps asking while the ticket is open again", () => {
    const state = threadWith({
      workflow: "return_exchange",
      slots: { order_id: "W1202" },
      extra: [
        ...ticketOnThread("solved"),
        {
          type: "ticket.changed",
          ticketId: "501",
          channel: "messaging",
          status: "open",
          key: "ticket#501#reopened",
          group: "ticket-2",
          part: 0,
          at: minutesAfter(0.8),
        },
      ],
    });
    const reply = replyOf(customerSays(state, "I want to exchange it").plan);
    expect(reply?.text ?? "").not.toContain(ALREADY_RESOLVED);
  });

  it("offers a new contact about the same order the way back to the resolved thread", () => {
    const state = threadWith({ candidates: { "THR-OLD1": ["W1202"] } });
    const fresh = {
      ...state,
      candidates: state.candidates.map((c) => ({ ...c, reason: "reopen" as const })),
    };
    const reply = replyOf(customerSays(fresh, "the vase from W1202 broke again").plan);
    expect(reply?.text).toContain(reopenOffer(["W1202"]));
  });
});
