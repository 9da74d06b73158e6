import { describe, expect, it } from "vitest";
import { conceptPhrases } from "../../src/domain/language/concepts";
import { readMessage } from "../../src/domain/language/read-message";
import { WORKFLOWS } from "../../src/domain/workflows";

describe("each workflow says how customers ask for it", () => {
  const heard = Object.values(WORKFLOWS).flatMap((w) =>
    [...w.heard.core, ...w.heard.named].map((concept) => ({ workflow: w.id, concept })),
  );

  it("names concepts the reader knows, each claimed by one workflow only", () => {
    for (const { concept } of heard) expect(conceptPhrases(concept).length).toBeGreaterThan(0);
    const owners = new Map<string, string>();
    for (const { workflow, concept } of heard) {
      expect(owners.get(concept) ?? workflow).toBe(workflow);
      owners.set(concept, workflow);
    }
  });

  it("hears a plain request in any of a workflow's own words as that workflow", () => {
    const misheard: string[] = [];
    for (const { workflow, concept } of heard)
      for (const phrase of conceptPhrases(concept)) {
        const ask = `Hi, I need help with this: ${phrase}, please.`;
        if (!readMessage(ask, "web_chat").intents.includes(workflow))
          misheard.push(`${workflow}: ${ask}`);
      }
    // The phrases are the vocabulary, not requests: a few ("eta", "where") say little alone.
    expect(misheard.length / heard.flatMap((h) => conceptPhrases(h.concept)).length).toBeLessThan(
      0.2,
    );
  });
});
