import { describe, expect, it } from "vitest";
import { ContextSchema } from "../../worker/src/contracts/context";
import { aContext, anIdentity, aWorkflow } from "./factories";

// The fixtures stand in for the worker's answers, so they must be answers the worker could give.
describe("test factories", () => {
  it.each([
    ["a default context", aContext()],
    ["a context without a workflow", aContext({ workflow: null, control: "human" })],
    [
      "a conflicted identity",
      aContext({
        identity: anIdentity({
          level: "low",
          customerId: null,
          conflict: {
            reason: "shared_identifier",
            signals: [{ kind: "phone", masked: "+1 *** 12", owners: ["CUS-1", "CUS-2"] }],
          },
          candidates: ["CUS-1", "CUS-2"],
        }),
      }),
    ],
    ["a finished workflow", aContext({ workflow: aWorkflow({ status: "done", stepNumber: 6 }) })],
  ])("build %s that ContextSchema accepts", (_name, context) => {
    const parsed = ContextSchema.safeParse(context);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});
