import { describe, expect, it } from "vitest";
import { buildHandoff } from "../../src/domain/handoff";
import { renderNote } from "../../src/domain/note-rendering";
import { project } from "../../src/domain/thread-state";
import { CONTACT, threadFacts } from "./agent-factories";
import { POLICY } from "./factories";

function payload(extra: Parameters<typeof threadFacts>[0] = {}) {
  const state = project(
    "THR-NOTE1",
    threadFacts({
      workflow: "replacement",
      slots: { order_id: "18422", items: "Ceramic Vase", reason: "damaged" },
      handedOff: "payment_dispute",
      ...extra,
    }),
    POLICY,
  );
  return buildHandoff(state, CONTACT);
}

describe("a handoff note", () => {
  it("has the sections a person reads at a glance, and the key in its footer", () => {
    const note = renderNote(payload(), "abc123", {});
    for (const heading of [
      "Summary",
      "Problem",
      "Identity",
      "Timeline",
      "Steps tried",
      "Artifacts",
      "Customer",
      "Next best action",
    ])
      expect(note.html).toContain(`<h4>${heading}</h4>`);
    expect(note.html).toContain("order #18422");
    expect(note.html).toContain("<b>Why a person:</b>");
    expect(note.html.endsWith('<p style="color:#87929d;font-size:11px">ctx-note:abc123</p>')).toBe(
      true,
    );
  });

  it("tags the thread, category and step, and fills the tenant's custom fields", () => {
    const p = payload();
    const note = renderNote(p, "k", { category: 11, reasonCode: 12, step: 13 });
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
    expect(renderNote(p, "k", {}).customFields).toEqual([]);
  });

  it("escapes whatever the customer or a person wrote", () => {
    const p = payload();
    const hostile = {
      ...p,
      statement: '<script>alert("x")</script>',
      summary: { text: "<img src=x onerror=1>", source: "edited" as const, editedBy: "<b>eve</b>" },
    };
    const note = renderNote(hostile, "k", {});
    expect(note.html).not.toContain("<script>");
    expect(note.html).not.toContain("<img");
    expect(note.html).toContain("&lt;script&gt;");
    expect(note.html).toContain("Corrected by &lt;b&gt;eve&lt;/b&gt;");
  });
});
