import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHANNELS, type Channel } from "../../src/domain/channel-event";
import { ASK_FOR_A_SECOND_SIGNAL, buildHandoff } from "../../src/domain/handoff";
import { noteTicket, renderNote } from "../../src/domain/note-rendering";
import type { ThreadEvent } from "../../src/domain/thread-events";
import {
  hoursAfter,
  projected,
  STRANGER,
  mayaEmail,
  mayaWrites,
  strangerWrites,
} from "./factories";

const riskFlagged = (fields: { contactId: string; at: string }): ThreadEvent => ({
  key: `agent:1#risk`,
  group: "agent:1",
  part: 0,
  type: "risk.flagged",
  flag: "payment_dispute",
  reason: "payment disputes are handled by our billing team",
  ...fields,
});

const MAYA_SAYS = "My order #18422 arrived damaged. I want a replacement.";
const STRANGER_SAYS = "About order #18422: send the replacement to 12 Elm Street instead!!";

/**
 * The note a ticket gets, as the contact behind it sees the thread. Ticket 101 is Maya's (her
 * words are its comments already); ticket 555 is one she writes on later, which shows none of it.
 */
function noteFor(facts: ThreadEvent[], contactId = "ticket:101", ticketId = "101") {
  const state = projected(facts);
  const payload = buildHandoff(state, contactId);
  return { payload, html: renderNote(payload, "k1", {}, noteTicket(state, ticketId)).html };
}

/** HTML-escaped, as the note holds text. */
const inNote = (text: string) => text.replace(/'/g, "&#39;").replace(/"/g, "&quot;");

describe("a handoff note never quotes an unconfirmed contact as the customer (DESIGN §4, §6)", () => {
  it("on the customer's ticket, the stranger's words are marked as an unconfirmed contact's", () => {
    const { payload, html } = noteFor([
      ...mayaWrites(MAYA_SAYS),
      ...strangerWrites({ text: STRANGER_SAYS }),
    ]);
    // Her own words are the ticket's comments: not repeated in its note.
    expect(html).not.toContain(inNote(MAYA_SAYS));
    expect(html).not.toContain(`Customer: ${inNote(STRANGER_SAYS)}`);
    expect(html).toContain(
      `Unconfirmed contact (web chat, only an order number matched): ${inNote(STRANGER_SAYS)}`,
    );
    expect(payload.timeline.map((e) => e.text)).toContain(
      "Unconfirmed contact (web chat, only an order number matched)",
    );
    // Maya is the contact behind her ticket: the note is about her, and she is not in doubt.
    expect(payload.customer).not.toHaveProperty("unconfirmed");
  });

  it("on a ticket that shows neither, her words are hers and the stranger's are marked", () => {
    const { html } = noteFor(
      [...mayaWrites(MAYA_SAYS), ...strangerWrites({ text: STRANGER_SAYS })],
      "ticket:101",
      "555",
    );
    expect(html).toContain(`Customer: ${inNote(MAYA_SAYS)}`);
    expect(html).not.toContain(`Customer: ${inNote(STRANGER_SAYS)}`);
    expect(html).toContain(
      `Unconfirmed contact (web chat, only an order number matched): ${inNote(STRANGER_SAYS)}`,
    );
  });

  it("property: on any channel, whatever it writes, it is never quoted as the customer", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Channel[]>(...CHANNELS),
        fc.constantFrom(
          STRANGER_SAYS,
          "This is Maya. Cancel order #18422 and refund me.",
          "Customer: it's me, order #18422, change the address.",
          "order 18422 pls <b>urgent</b>",
        ),
        (channel, text) => {
          const { html, payload } = noteFor([
            ...mayaWrites(MAYA_SAYS),
            ...strangerWrites({ channel, text }),
          ]);
          const quoted = payload.timeline.filter((e) => e.text.startsWith("Customer: "));
          expect(quoted.map((e) => e.text)).toEqual([`Customer: ${MAYA_SAYS}`]);
          expect(html).toContain("Unconfirmed contact (");
        },
      ),
    );
  });

  it("what the stranger says does not colour how the customer feels or prefers to be reached", () => {
    const { payload } = noteFor([
      ...mayaWrites(MAYA_SAYS),
      ...strangerWrites({ text: STRANGER_SAYS }),
    ]);
    expect(payload.sentiment).toBe("neutral");
    expect(payload.preferences).toMatchObject({ channel: "email", channels: ["email"] });
  });

  it("its attachments are not listed as the customer's; the timeline says whose they are", () => {
    const { payload } = noteFor([
      ...mayaWrites(MAYA_SAYS),
      ...strangerWrites({
        text: STRANGER_SAYS,
        artifacts: [{ kind: "photo", url: "https://files.example/x.jpg" }],
      }),
    ]);
    expect(payload.artifacts).toEqual([]);
    expect(payload.timeline.map((e) => e.text)).toContain(
      "photo received on web chat, from an unconfirmed contact",
    );
  });

  it("the problem statement and the summary say nothing the stranger asked for", () => {
    const { payload } = noteFor([
      ...mayaWrites(MAYA_SAYS),
      ...strangerWrites({ text: STRANGER_SAYS }),
    ]);
    expect(payload.statement).not.toMatch(/Elm/);
    expect(payload.summary.text).not.toMatch(/Elm/);
  });

  it("a note written for the stranger's contact says it is unconfirmed and what to do", () => {
    // Its session has no ticket: the note goes on Maya's.
    const { payload, html } = noteFor(
      [...mayaWrites(MAYA_SAYS), ...strangerWrites({ text: STRANGER_SAYS })],
      STRANGER,
    );
    expect(payload.customer).toMatchObject({ level: "low", unconfirmed: "order_only" });
    expect(payload.current.nextBestAction).toBe(ASK_FOR_A_SECOND_SIGNAL);
    expect(payload.summary.text).toContain("This contact is unconfirmed");
    expect(html).toContain("⚠ <b>Unconfirmed contact</b>: only an order number matched.");
  });

  it("a risk its words raised says who raised it", () => {
    const { payload } = noteFor([
      ...mayaWrites(MAYA_SAYS),
      ...strangerWrites({ text: STRANGER_SAYS }),
      riskFlagged({ contactId: STRANGER, at: hoursAfter(2) }),
    ]);
    expect(payload.riskFlags).toEqual([
      {
        flag: "payment_dispute",
        reason:
          "payment disputes are handled by our billing team (raised by an unconfirmed contact)",
      },
    ]);
  });

  it("contact details it wrote stay masked in the note", () => {
    const { html } = noteFor([
      ...mayaWrites(MAYA_SAYS),
      ...strangerWrites({
        text: "order #18422, reach me at jane.doe@example.net or +1 415 555 0199",
      }),
    ]);
    expect(html).not.toContain("jane.doe@example.net");
    expect(html).not.toContain("555 0199");
  });

  it("once a second signal agrees, the same words are the customer's", () => {
    const { payload, html } = noteFor([
      ...mayaWrites(MAYA_SAYS),
      ...strangerWrites({ text: STRANGER_SAYS }),
      ...strangerWrites({
        at: hoursAfter(3),
        signals: [mayaEmail],
        orderIds: [],
        text: "It's maya.ortiz@example.com.",
        first: false,
        eventId: "second",
      }),
    ]);
    expect(html).toContain(`Customer: ${inNote(STRANGER_SAYS)}`);
    expect(html).not.toContain("Unconfirmed contact");
    expect(payload.preferences.channels).toEqual(["email", "web_chat"]);
  });

  it("a thread nobody is in doubt about gets the note it always got", () => {
    const { payload, html } = noteFor(mayaWrites(MAYA_SAYS));
    expect(payload.customer).not.toHaveProperty("unconfirmed");
    expect(html).not.toContain("nconfirmed");
  });
});
