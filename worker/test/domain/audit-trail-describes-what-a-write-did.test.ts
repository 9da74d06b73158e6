import { describe, expect, it } from "vitest";
import { auditTrail } from "../../src/domain/audit-trail";
import type { ThreadEvent } from "../../src/domain/thread-events";
import { applyEvents } from "../../src/domain/thread-state";
import {
  hoursAfter,
  message,
  POLICY,
  projected,
  signal,
  threadEvents,
  verified,
} from "./factories";

const maya = [signal({ kind: "email", owners: ["C-1"], masked: "m***@example.com" })];

describe("the audit events of one write", () => {
  it("open a thread, show the evidence masked, and say why confidence moved", () => {
    const facts = threadEvents({ contactId: "session:WC-1", signals: maya, text: "hi" });
    const after = projected(facts);
    const trail = auditTrail(null, after, facts, hoursAfter(0), "system:ingest");
    expect(trail.map((e) => e.action)).toEqual([
      "thread.created",
      "identity.signal_observed",
      "identity.level_changed",
    ]);
    expect(trail[1]!.data).toEqual({
      contactId: "session:WC-1",
      signals: [{ kind: "email", masked: "m***@example.com", matched: true }],
    });
    expect(trail[2]!.data).toMatchObject({ from: "unknown", to: "low", reason: "evidence: email" });
  });

  it("notice a verification lapsing when a later event is judged after its expiry", () => {
    const before = projected([
      ...threadEvents({ contactId: "session:WC-1", signals: maya }),
      verified({ contactId: "session:WC-1", passedAt: hoursAfter(0) }),
    ]);
    expect(before.contacts[0]!.resolution.level).toBe("high");
    const late: ThreadEvent[] = [
      message({ contactId: "session:WC-1", at: hoursAfter(POLICY.verificationTtlHours + 1) }),
    ];
    const after = applyEvents(before, late, POLICY);
    const trail = auditTrail(before, after, late, hoursAfter(25), "system:ingest");
    expect(trail.find((e) => e.action === "verification.expired")).toMatchObject({
      data: { contactId: "session:WC-1", method: "otp" },
    });
    expect(trail.find((e) => e.action === "identity.level_changed")).toMatchObject({
      data: { from: "high", to: "low", reason: "verification expired" },
    });
  });

  it("records a closed thread with its resolution and channel", () => {
    const open = projected(threadEvents({ contactId: "session:WC-1", signals: maya, text: "hi" }));
    const solve: ThreadEvent[] = [
      {
        type: "ticket.changed",
        ticketId: "101",
        channel: "email",
        status: "solved",
        at: hoursAfter(2),
        key: "solve",
        group: "solve",
        part: 0,
      },
    ];
    const trail = auditTrail(
      open,
      applyEvents(open, solve, POLICY),
      solve,
      hoursAfter(2),
      "system:ingest",
    );
    expect(trail).toContainEqual(
      expect.objectContaining({
        action: "thread.closed",
        data: { resolution: "solved", channel: "web_chat", handedOff: false },
      }),
    );
  });
});
