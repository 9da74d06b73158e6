import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildHandoff, canonical } from "../../src/domain/handoff";
import { HANDOFF_VERSION } from "../../src/domain/handoff-payload";
import { project } from "../../src/domain/thread-state";
import { CONTACT, threadFacts } from "./agent-factories";
import { POLICY } from "./factories";

const facts = threadFacts({
  workflow: "replacement",
  slots: { order_id: "18422", items: "Ceramic Vase", reason: "damaged" },
  completed: ["identify_order"],
  level: "high",
});

describe("the handoff payload", () => {
  it("is the same for the same facts, whatever order they arrived in", () => {
    const expected = canonical(buildHandoff(project("THR-PAY1", facts, POLICY), CONTACT));
    fc.assert(
      fc.property(fc.shuffledSubarray(facts, { minLength: facts.length }), (arrived) => {
        const payload = buildHandoff(project("THR-PAY1", arrived, POLICY), CONTACT);
        expect(canonical(payload)).toBe(expected);
      }),
    );
  });

  it("holds every field DESIGN §6 names, versioned", () => {
    const payload = buildHandoff(project("THR-PAY1", facts, POLICY), CONTACT);
    expect(payload.version).toBe(HANDOFF_VERSION);
    expect(payload).toMatchObject({
      thread: { id: "THR-PAY1", status: "open" },
      customer: { customerId: "C-1", level: "high", verification: { method: "sso" } },
      category: "replacement",
      statement: expect.stringContaining("order #18422"),
      preferences: { channel: "messaging" },
      consent: { recording: "unknown", dataUse: "unknown" },
      current: { step: expect.any(String), nextBestAction: expect.any(String) },
      summary: { source: "generated" },
    });
    for (const field of ["tickets", "sessions", "timeline", "steps", "artifacts", "riskFlags"])
      expect(Array.isArray((payload as unknown as Record<string, unknown>)[field])).toBe(true);
    expect(payload.steps.find((s) => s.id === "identify_order")).toMatchObject({
      status: "done",
      by: "human",
    });
  });

  it("orders object keys canonically, so equal payloads have one digest input", () => {
    expect(canonical({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });
});
