import { describe, expect, it } from "vitest";
import { decideThread } from "../../src/domain/stitching";
import {
  daysAfter,
  resolutionOf,
  resolvedAs,
  signal,
  stitchInput,
  threadSummary,
} from "./factories";

const refs = (orderIds: string[], artifactHashes: string[] = []) => ({ orderIds, artifactHashes });

describe("stitching attaches by order, artifact, or the only open thread (DESIGN §4)", () => {
  it("attaches to the customer's open thread about the same order", () => {
    const decision = decideThread(
      stitchInput({
        references: refs(["18422"]),
        threads: [
          threadSummary({ id: "THR-OTHER", orderIds: ["W5521"] }),
          threadSummary({ id: "THR-LAMP", orderIds: ["18422"] }),
        ],
      }),
    );
    expect(decision).toEqual({ action: "attach", threadId: "THR-LAMP", reason: "same_order" });
  });

  it("attaches to the thread holding the same artifact", () => {
    const decision = decideThread(
      stitchInput({
        references: refs([], ["sha-photo"]),
        threads: [threadSummary({ id: "THR-1", artifactHashes: ["sha-photo"] })],
      }),
    );
    expect(decision).toEqual({ action: "attach", threadId: "THR-1", reason: "same_artifact" });
  });

  it("attaches a contact at low confidence (one unverified identifier is enough)", () => {
    const resolution = resolvedAs("C-1");
    expect(resolution.level).toBe("low");
    const decision = decideThread(
      stitchInput({
        resolution,
        references: refs(["18422"]),
        threads: [threadSummary({ id: "THR-1", orderIds: ["18422"] })],
      }),
    );
    expect(decision.action).toBe("attach");
  });

  it("attaches a contact naming nothing to the customer's only open thread", () => {
    const decision = decideThread(
      stitchInput({
        threads: [
          threadSummary({ id: "THR-OPEN", orderIds: ["18422"] }),
          threadSummary({ id: "THR-DONE", status: "solved" }),
        ],
      }),
    );
    expect(decision).toEqual({
      action: "attach",
      threadId: "THR-OPEN",
      reason: "only_open_thread",
    });
  });

  it("starts a new thread for a contact naming a different order", () => {
    const decision = decideThread(
      stitchInput({
        references: refs(["W5521"]),
        threads: [threadSummary({ id: "THR-1", orderIds: ["18422"] })],
      }),
    );
    expect(decision).toEqual({ action: "new", reason: "different_order", candidates: [] });
  });

  it("offers a finished thread about the same order for reopening, never reopens it silently", () => {
    const decision = decideThread(
      stitchInput({
        references: refs(["18422"]),
        threads: [
          threadSummary({
            id: "THR-OLD",
            status: "solved",
            orderIds: ["18422"],
            lastEventAt: daysAfter(-3),
          }),
          threadSummary({
            id: "THR-OLDER",
            status: "closed",
            orderIds: ["18422"],
            lastEventAt: daysAfter(-9),
          }),
        ],
      }),
    );
    expect(decision).toEqual({
      action: "new",
      reason: "different_order",
      candidates: [
        expect.objectContaining({ threadId: "THR-OLD", reason: "reopen" }),
        expect.objectContaining({ threadId: "THR-OLDER", reason: "reopen" }),
      ],
    });
  });

  it("never attaches to another customer's thread about the same order", () => {
    const decision = decideThread(
      stitchInput({
        resolution: resolvedAs("C-1"),
        references: refs(["18422"]),
        threads: [threadSummary({ id: "THR-C2", customerId: "C-2", orderIds: ["18422"] })],
      }),
    );
    expect(decision.action).toBe("new");
  });

  it("starts a new thread when the customer has no open thread", () => {
    const decision = decideThread(
      stitchInput({ threads: [threadSummary({ id: "THR-1", status: "closed" })] }),
    );
    expect(decision).toEqual({ action: "new", reason: "no_open_thread", candidates: [] });
  });

  it("attaches whatever the level once the customer is resolved (medium here)", () => {
    const resolution = resolutionOf([
      signal({ kind: "email", owners: ["C-1"] }),
      signal({ kind: "order", owners: ["C-1"] }),
    ]);
    expect(resolution.level).toBe("medium");
    const decision = decideThread(
      stitchInput({ resolution, threads: [threadSummary({ id: "THR-1" })] }),
    );
    expect(decision).toEqual({ action: "attach", threadId: "THR-1", reason: "only_open_thread" });
  });
});
