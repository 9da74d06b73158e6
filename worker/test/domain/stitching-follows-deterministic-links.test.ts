import { describe, expect, it } from "vitest";
import { decideThread } from "../../src/domain/stitching";
import { conflicted, stitchInput, threadSummary, unresolved } from "./factories";

describe("deterministic links come first (DESIGN §4)", () => {
  it.each(["session", "ticket"] as const)("the same %s keeps the contact on its thread", (via) => {
    const decision = decideThread(
      stitchInput({
        linked: { threadId: "THR-LINKED", via },
        threads: [threadSummary({ id: "THR-OTHER" })],
      }),
    );
    expect(decision).toEqual({ action: "existing", threadId: "THR-LINKED", via });
  });

  it("a link wins over a conflict, an unknown caller, or a different order", () => {
    const linked = { threadId: "THR-LINKED", via: "session" as const };
    for (const resolution of [conflicted("C-1", "C-2"), unresolved()]) {
      expect(decideThread(stitchInput({ linked, resolution })).action).toBe("existing");
    }
    const differentOrder = stitchInput({
      linked,
      references: { orderIds: ["W5521"], artifactHashes: [] },
      threads: [threadSummary({ id: "THR-1", orderIds: ["18422"] })],
    });
    expect(decideThread(differentOrder)).toEqual({ action: "existing", ...linked });
  });
});
