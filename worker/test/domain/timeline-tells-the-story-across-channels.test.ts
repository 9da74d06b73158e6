import { describe, expect, it } from "vitest";
import { TIMELINE_LIMIT } from "../../src/domain/thread-state";
import { hoursAfter, joined, message, projected, verified } from "./factories";

describe("the timeline tells one story across channels", () => {
  it("marks a contact on a new channel as a channel switch", () => {
    const state = projected([
      joined({ contactId: "session:WC-1", at: hoursAfter(0), channel: "web_chat" }),
      joined({ contactId: "ticket:101", at: hoursAfter(1), channel: "email" }),
      joined({ contactId: "session:VC-2", at: hoursAfter(2), channel: "voice" }),
    ]);
    expect(state.timeline.map((e) => [e.kind, e.text])).toEqual([
      ["contact", "Contact on web chat"],
      ["channel_switch", "Continued on email (from web chat)"],
      ["channel_switch", "Continued on voice (from email)"],
    ]);
  });

  it("a second contact on the same channel is not a switch", () => {
    const state = projected([
      joined({ contactId: "session:WC-1", at: hoursAfter(0), channel: "whatsapp" }),
      joined({ contactId: "session:WC-2", at: hoursAfter(1), channel: "whatsapp" }),
    ]);
    expect(state.timeline.map((e) => e.kind)).toEqual(["contact", "contact"]);
  });

  it("a contact joining twice is recorded once", () => {
    const state = projected([
      joined({ key: "a#joined", contactId: "session:WC-1", at: hoursAfter(0) }),
      joined({ key: "b#joined", contactId: "session:WC-1", at: hoursAfter(1) }),
    ]);
    expect(state.contacts).toHaveLength(1);
    expect(state.timeline).toHaveLength(1);
  });

  it("keeps messages as flat excerpts, and labels internal notes", () => {
    const long = `The lamp\n\narrived   broken. ${"x".repeat(400)}`;
    const state = projected([
      joined(),
      message({ at: hoursAfter(1), text: long }),
      message({
        key: "note",
        at: hoursAfter(2),
        author: "agent",
        public: false,
        text: "check stock",
      }),
      message({ key: "bot", at: hoursAfter(3), author: "bot", public: true, text: "Hi!" }),
    ]);
    const [customer, note, bot] = state.timeline
      .filter((e) => e.kind === "message")
      .map((e) => e.text);
    expect(customer!.startsWith("Customer: The lamp arrived broken. xxx")).toBe(true);
    expect(customer!.endsWith("…")).toBe(true);
    expect(customer!.length).toBe("Customer: ".length + 280);
    expect(note).toBe("Agent (internal): check stock");
    expect(bot).toBe("Bot: Hi!");
  });

  it("records a verification", () => {
    const state = projected([joined(), verified({ at: hoursAfter(1), method: "otp" })]);
    expect(state.timeline.at(-1)).toMatchObject({
      kind: "verification",
      text: "Identity verified (otp)",
    });
  });

  it(`keeps only the newest ${TIMELINE_LIMIT} entries`, () => {
    const messages = Array.from({ length: TIMELINE_LIMIT + 25 }, (_, i) =>
      message({ key: `m${String(i).padStart(4, "0")}`, at: hoursAfter(i), text: `message ${i}` }),
    );
    const state = projected([joined(), ...messages]);
    expect(state.timeline).toHaveLength(TIMELINE_LIMIT);
    expect(state.timeline[0]?.text).toBe("Customer: message 25");
    expect(state.timeline.at(-1)?.text).toBe(`Customer: message ${TIMELINE_LIMIT + 24}`);
  });
});
