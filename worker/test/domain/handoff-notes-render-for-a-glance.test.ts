import { describe, expect, it } from "vitest";
import { buildHandoff } from "../../src/domain/handoff";
import { noteTicket, renderNote, type NoteTicket } from "../../src/domain/note-rendering";
import { project } from "../../src/domain/thread-state";
import { CONTACT, threadFacts } from "./agent-factories";
import { POLICY } from "./factories";

function thread(extra: Parameters<typeof threadFacts>[0] = {}) {
  return project(
    "THR-NOTE1",
    threadFacts({
      workflow: "replacement",
      slots: { order_id: "18422", items: "Ceramic Vase", reason: "damaged" },
      handedOff: "payment_dispute",
      ...extra,
    }),
    POLICY,
  );
}

function payload(extra: Parameters<typeof threadFacts>[0] = {}) {
  return buildHandoff(thread(extra), CONTACT);
}

/** A ticket none of the thread's contacts wrote on: everything is news to it. */
const elsewhere = noteTicket(thread(), "999");
/** Whatever the payload holds is news: for payloads made up by hand. */
const allNews: NoteTicket = { isNews: () => true, isNewFile: () => true };

describe("a handoff note", () => {
  it("reads in the order a person acts, with the key in a small footer", () => {
    const p = payload();
    const note = renderNote(p, "abc123", {}, elsewhere);
    const labels = [
      "Next best action",
      "Why a person",
      "Who",
      "Summary",
      "Tried",
      "On other channels",
    ].map((label) => note.html.indexOf(`<b>${label}:</b>`));
    expect(labels.every((i) => i >= 0)).toBe(true);
    expect(labels).toEqual([...labels].sort((a, b) => a - b));
    expect(note.html.startsWith(`<p><b>Next best action:</b> ${p.current.nextBestAction}`)).toBe(
      true,
    );
    expect(note.html).toContain("order #18422");
    // The problem is the summary's first sentence, not a section of its own.
    expect(note.html).not.toContain("Problem");
    expect(note.html.split(p.statement)).toHaveLength(2);
    expect(note.html).toMatch(
      /<p><small>Continuity THR-NOTE1 · [^<]*ctx-note:abc123<\/small><\/p>$/,
    );
  });

  it("tags the thread, category and step, and fills the tenant's custom fields", () => {
    const p = payload();
    const note = renderNote(p, "k", { category: 11, reasonCode: 12, step: 13 }, elsewhere);
    expect(note.tags).toEqual([
      "continuity",
      "ctx_thread_thr-note1",
      "ctx_category_replacement",
      `ctx_step_${p.current.step}`,
    ]);
    expect(note.customFields).toEqual([
      { id: 11, value: "replacement" },
      { id: 12, value: "payment_dispute" },
      { id: 13, value: p.current.step },
    ]);
    expect(renderNote(p, "k", {}, elsewhere).customFields).toEqual([]);
  });

  it("escapes whatever the customer or a person wrote", () => {
    const p = payload();
    const generated = renderNote(
      {
        ...p,
        statement: '<script>alert("x")</script>',
        current: { ...p.current, nextBestAction: "<b>act</b>" },
        timeline: [{ at: p.thread.openedAt, text: "Customer: <iframe src=x>" }],
      },
      "k",
      {},
      allNews,
    );
    expect(generated.html).not.toMatch(/<script>|<iframe|<b>act/);
    expect(generated.html).toContain("&lt;script&gt;");
    expect(generated.html).toContain("&lt;b&gt;act&lt;/b&gt;");
    expect(generated.html).toContain("Customer: &lt;iframe src=x&gt;");
    const edited = renderNote(
      {
        ...p,
        summary: { text: "<img src=x onerror=1>", source: "edited", editedBy: "<b>eve</b>" },
      },
      "k",
      {},
      elsewhere,
    );
    expect(edited.html).not.toContain("<img");
    expect(edited.html).toContain("&lt;img src=x onerror=1&gt;");
    expect(edited.html).toContain("corrected by &lt;b&gt;eve&lt;/b&gt;");
  });
});
