import { describe, expect, it } from "vitest";
import { planContact } from "../../src/domain/contact-plan";
import type { ThreadEvent } from "../../src/domain/thread-events";
import { channelEvent, newThreadDecision, planInput, signal } from "./factories";

const types = (events: ThreadEvent[]) => events.map((e) => e.type);
const only = <T extends ThreadEvent["type"]>(events: ThreadEvent[], type: T) =>
  events.filter((e): e is Extract<ThreadEvent, { type: T }> => e.type === type);

describe("the contact plan records what a delivery says", () => {
  it("a new contact joins with its links and the stitching decision", () => {
    const events = planContact(
      planInput({
        event: channelEvent({ sessionId: "VC-1", ticketId: "103", channel: "voice" }),
        decision: { action: "attach", threadId: "THR-1", reason: "same_order" },
      }),
    );
    expect(only(events, "contact.joined")[0]).toMatchObject({
      channel: "voice",
      links: [
        { kind: "session", id: "VC-1" },
        { kind: "ticket", id: "103" },
      ],
      stitch: { action: "attach", reason: "same_order" },
    });
  });

  it("a linked contact's stitch reason names the link", () => {
    const events = planContact(
      planInput({
        event: channelEvent({ ticketId: "103" }),
        decision: { action: "existing", threadId: "THR-1", via: "ticket" },
      }),
    );
    expect(only(events, "contact.joined")[0]?.stitch).toEqual({
      action: "existing",
      reason: "same_ticket",
    });
  });

  it("a known contact does not join again; only links it lacks are added", () => {
    const events = planContact(
      planInput({
        event: channelEvent({ sessionId: "WC-1", ticketId: "103" }),
        knownLinks: [{ kind: "session", id: "WC-1" }],
      }),
    );
    expect(types(events)).toEqual(["contact.linked"]);
    expect(only(events, "contact.linked")[0]?.link).toEqual({ kind: "ticket", id: "103" });
  });

  it("a known contact with nothing new plans nothing", () => {
    const events = planContact(
      planInput({
        event: channelEvent({ sessionId: "WC-1" }),
        knownLinks: [{ kind: "session", id: "WC-1" }],
      }),
    );
    expect(events).toEqual([]);
  });

  it("evidence and verification become facts", () => {
    const signals = [signal({ kind: "email", owners: ["C-1"] })];
    const events = planContact(
      planInput({
        event: channelEvent({ verification: { method: "sso", passedAt: "2026-03-01T09:59:00Z" } }),
        signals,
      }),
    );
    expect(only(events, "identity.observed")[0]?.signals).toEqual(signals);
    expect(only(events, "verification.passed")[0]).toMatchObject({
      method: "sso",
      passedAt: "2026-03-01T09:59:00Z",
    });
  });

  it("stores message text redacted, never raw", () => {
    const events = planContact(
      planInput({
        event: channelEvent({
          message: {
            author: "customer",
            text: "I am jane@example.com, +1 415 555 0100",
            public: true,
          },
        }),
      }),
    );
    const text = only(events, "message.received")[0]?.text ?? "";
    expect(text).not.toContain("jane@example.com");
    expect(text).not.toContain("555 0100");
    expect(text).toContain("j***@example.com");
  });

  it("only a customer's message refers to orders", () => {
    const plan = (author: "customer" | "agent") =>
      only(
        planContact(
          planInput({
            event: channelEvent({ message: { author, text: "order #18422", public: true } }),
            orderIds: ["18422"],
          }),
        ),
        "message.received",
      )[0]?.orderIds;
    expect(plan("customer")).toEqual(["18422"]);
    expect(plan("agent")).toEqual([]);
  });

  it("a blank message is not a fact", () => {
    const events = planContact(
      planInput({
        event: channelEvent({ message: { author: "customer", text: "  \n ", public: true } }),
      }),
    );
    expect(types(events)).not.toContain("message.received");
  });

  it("each artifact is its own fact", () => {
    const artifacts = [
      { kind: "photo", url: "https://f.example/1" },
      { kind: "invoice", url: "https://f.example/2" },
    ];
    const events = planContact(planInput({ event: channelEvent({ artifacts }) }));
    expect(only(events, "artifact.added").map((e) => e.artifact)).toEqual(artifacts);
  });

  it("ticket changes need a ticket id and at least one changed field", () => {
    const withTicket = planContact(
      planInput({
        event: channelEvent({ ticketId: "101", ticket: { status: "solved", assigneeId: null } }),
      }),
    );
    expect(only(withTicket, "ticket.changed")[0]).toMatchObject({
      ticketId: "101",
      status: "solved",
      assigneeId: null,
    });
    expect(only(withTicket, "ticket.changed")[0]).not.toHaveProperty("requesterId");

    const noId = planContact(planInput({ event: channelEvent({ ticket: { status: "solved" } }) }));
    expect(types(noId)).not.toContain("ticket.changed");
    const onlySubject = planContact(
      planInput({ event: channelEvent({ ticketId: "101", ticket: { subject: "Broken lamp" } }) }),
    );
    expect(types(onlySubject)).not.toContain("ticket.changed");
  });

  it("a control change and new-thread candidates become facts", () => {
    const events = planContact(
      planInput({
        event: channelEvent({ control: { owner: "human", reason: "hard stop" } }),
        decision: newThreadDecision([{ threadId: "THR-2", reason: "open_thread" }]),
      }),
    );
    expect(only(events, "control.changed")[0]).toMatchObject({
      owner: "human",
      reason: "hard stop",
    });
    expect(only(events, "candidates.recorded")[0]?.candidates).toEqual([
      { threadId: "THR-2", reason: "open_thread" },
    ]);
    expect(types(planContact(planInput()))).not.toContain("candidates.recorded");
  });
});
