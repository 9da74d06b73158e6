import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildHandoff } from "../../src/domain/handoff";
import type { HardStopCode } from "../../src/domain/intent";
import { noteTicket, renderNote } from "../../src/domain/note-rendering";
import type { ThreadEvent } from "../../src/domain/thread-events";
import { project, type ThreadState } from "../../src/domain/thread-state";
import { CONTACT, CUSTOMER, LEVEL_SPECS, threadFacts, type ThreadSpec } from "./agent-factories";
import { contactSays, hoursAfter, POLICY, signal, verification } from "./factories";

const mayaEmail = signal({
  kind: "email",
  hash: "email-maya",
  masked: "m•••@example.com",
  owners: [CUSTOMER],
});
const CHAT_SAYS = "Hi, my vase arrived cracked.";
const EMAIL_SAYS = "Following up by email: here is the photo of the damage.";
const CALL_SAYS = "I am calling about the vase again, this is the third time!!";
const PHOTO = "https://files.example/vase.jpg";

/** Maya on messaging (the spec's contact), by email on ticket 101, then by phone on ticket 102. */
function mayasThread(spec: ThreadSpec = {}, call: Partial<Parameters<typeof contactSays>[0]> = {}) {
  const facts: ThreadEvent[] = [
    ...threadFacts({
      workflow: "replacement",
      slots: { order_id: "18422", items: "Ceramic Vase", reason: "damaged" },
      ...spec,
    }),
    ...contactSays({
      contactId: CONTACT,
      at: hoursAfter(0.5),
      channel: "messaging",
      text: CHAT_SAYS,
      first: false,
    }),
    ...contactSays({
      contactId: "ticket:101",
      at: hoursAfter(20),
      channel: "email",
      signals: [mayaEmail],
      text: EMAIL_SAYS,
      artifacts: [{ kind: "photo", url: PHOTO }],
    }),
    ...contactSays({
      contactId: "ticket:102",
      at: hoursAfter(48),
      channel: "voice",
      signals: [mayaEmail],
      text: CALL_SAYS,
      ...call,
    }),
  ];
  return project("THR-NOTE2", facts, POLICY);
}

function note(state: ThreadState, ticketId: string, contactId = `ticket:${ticketId}`) {
  const payload = buildHandoff(state, contactId);
  return { payload, html: renderNote(payload, "k42", {}, noteTicket(state, ticketId)).html };
}

const unescape = (text: string) =>
  text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The note as a person reads it: one line per paragraph or list item, markup gone. */
function lines(html: string): string[] {
  return html
    .split(/<\/p>|<\/li>/)
    .map((l) => unescape(l.replace(/<[^>]+>/g, "")).trim())
    .filter(Boolean);
}

const indexOf = (html: string, label: string) => {
  const i = html.indexOf(`<b>${label}:</b>`);
  expect(i, `"${label}" is in the note`).toBeGreaterThanOrEqual(0);
  return i;
};

const sentences = (text: string) => text.split(/(?<=[.!?…])\s+(?=\S)/).filter(Boolean);

const summaryLine = (html: string) =>
  lines(html)
    .find((l) => l.startsWith("Summary:"))!
    .slice("Summary:".length)
    .replace(/\(corrected by [^)]*\)$/, "")
    .trim();

const HARD_STOPS: HardStopCode[] = [
  "payment_dispute",
  "regulated_advice",
  "suspected_takeover",
  "tool_outage",
];

describe("a handoff note leads with the next action and fits on one screen", () => {
  it("reads in the order a person acts: next action and why, who, summary, tried, then the rest", () => {
    const { payload, html } = note(mayasThread({ handedOff: "payment_dispute" }), "102");
    const order = ["Next best action", "Why a person", "Who", "Summary", "Tried"].map((label) =>
      indexOf(html, label),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBe(3); // the very first thing: `<p><b>Next best action:</b>`
    expect(html).toContain(`Next best action:</b> ${payload.current.nextBestAction}`);
    expect(indexOf(html, "On other channels")).toBeGreaterThan(order.at(-1)!);
    // The marker is in a small footer, last, where reconciliation finds it.
    expect(html).toMatch(/<p><small>[^<]*ctx-note:k42<\/small><\/p>$/);
    expect(html.indexOf("ctx-note:")).toBeGreaterThan(indexOf(html, "On other channels"));
  });

  it("says who the customer is in one line, with verification in plain words", () => {
    const unverified = lines(note(mayasThread(), "102").html).filter((l) => l.startsWith("Who:"));
    expect(unverified).toEqual([
      "Who: customer C-1, low identity, email m•••@example.com, not verified",
    ]);
    const verified = note(
      mayasThread({}, { verification: verification({ method: "otp", passedAt: hoursAfter(48) }) }),
      "102",
    );
    const who = lines(verified.html).find((l) => l.startsWith("Who:"))!;
    expect(who).toMatch(
      /^Who: customer C-1, high identity, email m•••@example\.com, verified by one-time code until 2026-03-04 10:00$/,
    );
    expect(verified.html).not.toMatch(/step-up/i);
  });

  it("summarises in at most three sentences, and says the problem once", () => {
    const { payload, html } = note(mayasThread({ handedOff: "payment_dispute" }), "102");
    const summary = summaryLine(html);
    expect(sentences(summary).length).toBeLessThanOrEqual(3);
    expect(summary.startsWith(payload.statement)).toBe(true); // "About order #18422 …"
    expect(html.split(payload.statement)).toHaveLength(2);
    expect(html).not.toContain("Problem");
    // The next action is at the top; the summary does not say it again.
    expect(html.split(payload.current.nextBestAction)).toHaveLength(2);
  });

  it("a person's long correction is theirs, cut to three sentences", () => {
    const state = mayasThread();
    const payload = buildHandoff(state, "ticket:102");
    const corrected = {
      ...payload,
      summary: {
        text: "Vase cracked in transit. Photo is on ticket 101. She wants a replacement, not a refund. She is travelling next week. Ship to the office address.",
        source: "edited" as const,
        editedBy: "jane",
      },
    };
    const html = renderNote(corrected, "k", {}, noteTicket(state, "102")).html;
    expect(sentences(summaryLine(html))).toEqual([
      "Vase cracked in transit.",
      "Photo is on ticket 101.",
      "She wants a replacement, not a refund …",
    ]);
    expect(html).toContain("<i>(corrected by jane)</i>");
  });

  it("repeats nothing the ticket already shows: its own messages and attachments", () => {
    const state = mayasThread();
    const onEmail = note(state, "101").html;
    expect(onEmail).not.toContain(EMAIL_SAYS);
    expect(onEmail).not.toContain(PHOTO);
    expect(onEmail).toContain(`Customer: ${CHAT_SAYS}`);
    expect(onEmail).toContain(`Customer: ${unescape(CALL_SAYS)}`);

    const onCall = note(state, "102").html;
    expect(onCall).not.toContain(CALL_SAYS);
    expect(onCall).toContain(`Customer: ${EMAIL_SAYS}`);
    // The photo sent by email is linked once, with where it came from.
    expect(onCall.split(PHOTO)).toHaveLength(2);
    expect(onCall).toContain(`<a href="${PHOTO}">photo</a> (email,`);
  });

  it("tells what was tried, compactly, on one line", () => {
    const { html } = note(
      mayasThread({
        completed: ["identify_order", "collect_evidence", "verify_order_access"],
        handedOff: "needs_person",
      }),
      "102",
    );
    const tried = lines(html).filter((l) => l.startsWith("Tried:"));
    expect(tried).toHaveLength(1);
    expect(tried[0]).toMatch(/^Tried: .+: done.*\.$/);
  });

  it("keeps the risk flags near the top, before who the customer is", () => {
    const state = mayasThread({
      handedOff: "payment_dispute",
      extra: [
        {
          key: "agent:1#risk",
          group: "agent:1",
          part: 0,
          type: "risk.flagged",
          flag: "payment_dispute",
          reason: "payment disputes are handled by our billing team",
          contactId: "ticket:102",
          at: hoursAfter(48),
        },
      ],
    });
    const { html } = note(state, "102");
    const risk = html.indexOf("⚠ <b>payment dispute</b>: payment disputes are handled");
    expect(risk).toBeGreaterThan(indexOf(html, "Why a person"));
    expect(risk).toBeLessThan(indexOf(html, "Who"));
  });

  it("property: however the thread stands, the note fits one screen and keeps its order", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LEVEL_SPECS),
        fc.option(fc.constantFrom<HardStopCode | "needs_person">(...HARD_STOPS, "needs_person")),
        fc.subarray([
          "identify_order",
          "collect_evidence",
          "verify_order_access",
          "approve_replacement",
        ]),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom("101", "102"),
        (level, handedOff, completed, chatter, ticketId) => {
          // Many more messages on the first channel than a screen holds.
          const more = Array.from({ length: chatter }, (_, i) =>
            contactSays({
              contactId: CONTACT,
              at: hoursAfter(1 + i / 10),
              channel: "messaging",
              text: `Message ${i} about the vase.`,
              first: false,
              eventId: `more-${i}`,
            }),
          ).flat();
          const state = mayasThread({
            level,
            completed,
            ...(handedOff && { handedOff }),
            extra: more,
          });
          const { html } = note(state, ticketId);
          const shown = lines(html);
          expect(shown.length).toBeLessThanOrEqual(15);
          expect(sentences(summaryLine(html)).length).toBeLessThanOrEqual(3);
          expect(shown[0]!.startsWith("Next best action:")).toBe(true);
          expect(indexOf(html, "Who")).toBeLessThan(indexOf(html, "Summary"));
          expect(shown.filter((l) => l.startsWith("Who:"))).toHaveLength(1);
          expect(shown.at(-1)).toMatch(/ctx-note:k42$/);
          const own = ticketId === "101" ? EMAIL_SAYS : CALL_SAYS;
          expect(unescape(html)).not.toContain(own);
        },
      ),
      { numRuns: 60 },
    );
  });
});
