import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WorkflowId } from "../../src/domain/intent";
import { readMessage } from "../../src/domain/language/read-message";

const STATUS = fc.constantFrom(
  "Has it been dispatched yet?",
  "Where is my parcel at the moment?",
  "Any update on when it arrives?",
  "Can you tell me if it has shipped?",
);
const ACTIONS: [WorkflowId, string][] = [
  [
    "address_change",
    "If it hasn't gone out, please deliver it to my office at 4 Quay Street instead",
  ],
  [
    "address_change",
    "And if it hasn't, please get the courier to bring it to my workplace rather than home",
  ],
  ["address_change", "if it has not left yet can it go to my mum's house at 12 Elm Road"],
  ["refund", "If it isn't coming this week I'd like my money back"],
  ["password_reset", "Also I can't log in to check, please reset my password"],
];

describe("a status question beside a request to act yields to the request", () => {
  it("leads with the request even when the question comes first", () => {
    fc.assert(
      fc.property(STATUS, fc.constantFrom(...ACTIONS), (status, [workflow, ask]) => {
        expect(readMessage(`${status} ${ask}.`, "web_chat").intents[0]).toBe(workflow);
      }),
      { numRuns: 60 },
    );
  });

  it("a status question alone is still a status question", () => {
    fc.assert(
      fc.property(STATUS, (status) => {
        expect(readMessage(`Order W4471210. ${status}`, "web_chat").intents).toEqual([
          "order_status",
        ]);
      }),
      { numRuns: 20 },
    );
  });
});
