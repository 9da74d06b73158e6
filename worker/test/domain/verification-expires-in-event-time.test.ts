import { describe, expect, it, vi } from "vitest";
import { planContact } from "../../src/domain/contact-plan";
import { resolveIdentity } from "../../src/domain/identity-level";
import {
  channelEvent,
  hoursAfter,
  message,
  planInput,
  projected,
  resolutionOf,
  signal,
  threadEvents,
  verification,
} from "./factories";

const phone = signal({ kind: "phone", owners: ["C-1"] });
const order = signal({ kind: "order", owners: ["C-1"] });

describe("verification expires in event time (DESIGN §4)", () => {
  it("lifts to high until passedAt + TTL, judged at the given instant", () => {
    const v = verification({ passedAt: hoursAfter(0) });
    const before = resolutionOf([phone], [v], hoursAfter(23.9));
    expect(before.level).toBe("high");
    expect(before.verification).toEqual({ ...v, expiresAt: hoursAfter(24), expired: false });
  });

  it("is expired at the expiry instant and decays to what the other signals support", () => {
    const v = verification({ passedAt: hoursAfter(0) });
    expect(resolutionOf([phone], [v], hoursAfter(24))).toMatchObject({
      level: "low",
      verification: { expired: true, expiresAt: hoursAfter(24) },
    });
    expect(resolutionOf([phone, order], [v], hoursAfter(48)).level).toBe("medium");
  });

  it("uses the configured TTL", () => {
    const v = [verification({ passedAt: hoursAfter(0) })];
    expect(resolveIdentity([phone], v, hoursAfter(2), { verificationTtlHours: 1 }).level).toBe(
      "low",
    );
    expect(resolveIdentity([phone], v, hoursAfter(2), { verificationTtlHours: 3 }).level).toBe(
      "high",
    );
  });

  it("ignores a verification that had not happened yet at the judged instant", () => {
    const r = resolutionOf([phone], [verification({ passedAt: hoursAfter(5) })], hoursAfter(1));
    expect(r.level).toBe("low");
    expect(r.verification).toBeNull();
  });

  it("judges by the newest verification that had happened", () => {
    const r = resolutionOf(
      [phone],
      [
        verification({ method: "otp", passedAt: hoursAfter(0) }),
        verification({ method: "sso", passedAt: hoursAfter(20) }),
      ],
      hoursAfter(30),
    );
    expect(r.level).toBe("high");
    expect(r.verification?.method).toBe("sso");
  });

  it("on a thread, a verification reported by an event stamped just before it still counts", () => {
    // DESIGN §3's example: occurredAt 10:00:00, verification.passedAt 10:01:00.
    const events = planContact(
      planInput({
        event: channelEvent({
          occurredAt: "2026-03-01T10:00:00Z",
          verification: { method: "otp", passedAt: "2026-03-01T10:01:00Z" },
        }),
        signals: [phone],
      }),
    );
    expect(projected(events).contacts[0]?.resolution.level).toBe("high");
  });

  it("on a thread, a later contact event re-judges the contact at its own event time", () => {
    const contact = threadEvents({
      contactId: "session:WC-1",
      at: hoursAfter(0),
      signals: [phone],
      verifiedAt: hoursAfter(0),
    });
    expect(projected(contact).contacts[0]?.resolution.level).toBe("high");

    const later = message({ contactId: "session:WC-1", at: hoursAfter(30), text: "back again" });
    const state = projected([...contact, later]);
    expect(state.contacts[0]?.resolution.level).toBe("low");
    expect(state.contacts[0]?.resolution.verification?.expired).toBe(true);
  });

  it("a replay long after the fact judges the contact as it was when it happened", () => {
    const contact = threadEvents({
      contactId: "session:WC-1",
      at: hoursAfter(0),
      signals: [phone],
      verifiedAt: hoursAfter(0),
    });
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date(hoursAfter(24 * 365)));
      const replayedAYearLater = projected(contact);
      expect(replayedAYearLater.contacts[0]?.resolution.level).toBe("high");
      expect(replayedAYearLater.contacts[0]?.resolution.verification?.expired).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
