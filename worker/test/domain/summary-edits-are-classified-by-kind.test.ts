import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildHandoff } from "../../src/domain/handoff";
import { classifyEdit, generatedSummary } from "../../src/domain/summary";
import { projected, signal, threadEvents } from "./factories";

const GENERATED =
  "About order #18422 (Ceramic Vase): damaged item replacement, reason: damaged. Customer C-1001 is identified with medium confidence and has written on 2 channels (web chat, email). Current step: Approve the replacement. Next: Approve or deny: approve the replacement.";

describe("what kind of correction a person made", () => {
  it("tells a typo from an added detail, a removed one, a corrected fact and a rewrite", () => {
    expect(classifyEdit(GENERATED, GENERATED.replace("Ceramic", "Ceramik"))).toBe("wording");
    expect(classifyEdit(GENERATED, `${GENERATED} Customer prefers a call after 5pm.`)).toBe(
      "added_detail",
    );
    expect(classifyEdit(GENERATED, GENERATED.split(". ").slice(0, 3).join(". "))).toBe(
      "removed_detail",
    );
    expect(classifyEdit(GENERATED, GENERATED.replace("#18422", "#18424"))).toBe("corrected_fact");
    expect(
      classifyEdit(GENERATED, "Customer wants her money back; she does not want another vase."),
    ).toBe("rewrite");
  });

  it("calls any changed number a corrected fact, however small the edit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10000, max: 99999 }), (n) => {
        fc.pre(n !== 18422);
        expect(classifyEdit(GENERATED, GENERATED.replace("18422", String(n)))).toBe(
          "corrected_fact",
        );
      }),
    );
  });

  it("generates the summary only from the payload's fields", () => {
    const state = projected(
      threadEvents({
        contactId: "session:WC-1",
        signals: [signal({ kind: "email", owners: ["C-1"] })],
        text: "hello",
      }),
    );
    const payload = buildHandoff(state, "session:WC-1");
    const summary = generatedSummary(payload);
    expect(summary).toContain(payload.statement);
    expect(summary).toContain("C-1 is identified with low confidence");
    expect(summary).toContain(`Next: ${payload.current.nextBestAction}`);
    expect(payload.summary).toEqual({ text: summary, source: "generated", editedBy: null });
  });
});
