import { describe, expect, it } from "vitest";
import { planContact, TRANSCRIPT_WITHHELD } from "../../src/domain/contact-plan";
import type { ThreadEvent } from "../../src/domain/thread-events";
import { NO_CONSENT_ANSWER } from "../../src/domain/thread-state";
import { buildHandoff } from "../../src/domain/handoff";
import { channelEvent, planInput, projected } from "./factories";

const said = "My order #18422 arrived broken, call me back";

function messageOf(events: ThreadEvent[]) {
  const message = events.find((e) => e.type === "message.received");
  if (message?.type !== "message.received") throw new Error("no message planned");
  return message;
}

describe("consent to keep what the customer says", () => {
  it("keeps the words when nothing was withheld", () => {
    const events = planContact(planInput({ event: channelEvent({ message: msg() }) }));
    expect(messageOf(events).text).toContain("#18422");
  });

  it("stores the outcome but not the words without data-use consent", () => {
    const events = planContact(
      planInput({
        event: channelEvent({ message: msg(), consent: { dataUse: false } }),
        orderIds: ["18422"],
      }),
    );
    const message = messageOf(events);
    expect(message.text).toBe(TRANSCRIPT_WITHHELD);
    expect(message.orderIds).toEqual(["18422"]);
    expect(message.slots?.order_id?.value).toBe("18422");
    expect(events.find((e) => e.type === "consent.recorded")).toMatchObject({ dataUse: false });
  });

  it("keeps no call transcript without recording consent, but keeps chat words", () => {
    const call = planContact(
      planInput({
        event: channelEvent({ channel: "voice", message: msg(), consent: { recording: false } }),
      }),
    );
    expect(messageOf(call).text).toBe(TRANSCRIPT_WITHHELD);
    const chat = planContact(
      planInput({ event: channelEvent({ message: msg(), consent: { recording: false } }) }),
    );
    expect(messageOf(chat).text).toContain("#18422");
  });

  it("remembers a refusal for later contacts on the thread until the customer says otherwise", () => {
    const refused = { ...NO_CONSENT_ANSWER, dataUse: "denied" as const, dataUseAt: "x" };
    const later = planContact(
      planInput({ event: channelEvent({ message: msg() }), consent: refused }),
    );
    expect(messageOf(later).text).toBe(TRANSCRIPT_WITHHELD);
    const granted = planContact(
      planInput({
        event: channelEvent({ message: msg(), consent: { dataUse: true } }),
        consent: refused,
      }),
    );
    expect(messageOf(granted).text).toContain("#18422");
  });

  it("shows the newest answer in the handoff, whatever order the answers arrived in", () => {
    const answers = [
      planContact(
        planInput({
          event: channelEvent({
            eventId: "e1",
            occurredAt: "2026-03-01T10:00:00.000Z",
            consent: { recording: true, dataUse: false },
            message: msg(),
          }),
        }),
      ),
      planContact(
        planInput({
          knownLinks: [],
          event: channelEvent({
            eventId: "e2",
            occurredAt: "2026-03-01T11:00:00.000Z",
            consent: { dataUse: true },
            message: msg(),
          }),
        }),
      ),
    ].flat();
    for (const order of [answers, [...answers].reverse()]) {
      const state = projected(order);
      expect(buildHandoff(state, "session:WC-1").consent).toEqual({
        recording: "granted",
        dataUse: "granted",
      });
    }
  });
});

function msg() {
  return { author: "customer" as const, text: said, public: true };
}
