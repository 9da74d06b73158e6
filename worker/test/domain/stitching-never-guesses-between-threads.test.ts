import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isBefore } from "../../src/domain/time";
import { decideThread, type StitchInput, type ThreadSummary } from "../../src/domain/stitching";
import { signalArb, verificationArb } from "./arbitraries";
import {
  conflicted,
  daysAfter,
  resolutionOf,
  stitchInput,
  T0,
  threadSummary,
  unresolved,
} from "./factories";

describe("stitching never guesses between threads (DESIGN §4)", () => {
  it("several open threads and no reference: a new thread with all of them as candidates", () => {
    const decision = decideThread(
      stitchInput({
        threads: [
          threadSummary({ id: "THR-A", lastEventAt: daysAfter(-5) }),
          threadSummary({ id: "THR-B", lastEventAt: daysAfter(-1) }),
        ],
      }),
    );
    expect(decision).toEqual({
      action: "new",
      reason: "several_open_threads",
      candidates: [
        expect.objectContaining({ threadId: "THR-B", reason: "open_thread" }),
        expect.objectContaining({ threadId: "THR-A", reason: "open_thread" }),
      ],
    });
  });

  it("several threads about the same order: a new thread with those as candidates", () => {
    const decision = decideThread(
      stitchInput({
        references: { orderIds: ["18422"], artifactHashes: ["sha-1"] },
        threads: [
          threadSummary({ id: "THR-A", orderIds: ["18422"], lastEventAt: daysAfter(-1) }),
          threadSummary({ id: "THR-B", artifactHashes: ["sha-1"], lastEventAt: daysAfter(-2) }),
          threadSummary({ id: "THR-C", orderIds: ["W5521"] }),
        ],
      }),
    );
    expect(decision).toEqual({
      action: "new",
      reason: "several_matching_threads",
      candidates: [
        expect.objectContaining({ threadId: "THR-A", reason: "same_order" }),
        expect.objectContaining({ threadId: "THR-B", reason: "same_artifact" }),
      ],
    });
  });

  it("an unresolved customer never attaches, even to a thread about the same order", () => {
    const decision = decideThread(
      stitchInput({
        resolution: unresolved(),
        references: { orderIds: ["18422"], artifactHashes: [] },
        threads: [threadSummary({ id: "THR-1", customerId: null, orderIds: ["18422"] })],
      }),
    );
    expect(decision).toEqual({ action: "new", reason: "customer_unresolved", candidates: [] });
  });

  it("a conflict starts a new thread and lists the threads it might belong to", () => {
    const decision = decideThread(
      stitchInput({
        resolution: conflicted("C-1", "C-2"),
        references: { orderIds: ["18422"], artifactHashes: [] },
        threads: [
          threadSummary({ id: "THR-1", customerId: "C-1", orderIds: ["18422"] }),
          threadSummary({ id: "THR-2", customerId: "C-2", orderIds: ["W5521"] }),
          threadSummary({ id: "THR-3", customerId: "C-2", orderIds: ["18422"], status: "closed" }),
        ],
      }),
    );
    expect(decision).toEqual({
      action: "new",
      reason: "identity_conflict",
      candidates: [expect.objectContaining({ threadId: "THR-1", reason: "identity_conflict" })],
    });
  });

  it("a conflict naming nothing lists every open thread of the candidate customers", () => {
    const decision = decideThread(
      stitchInput({
        resolution: conflicted("C-1", "C-2"),
        threads: [
          threadSummary({ id: "THR-1", customerId: "C-1", lastEventAt: daysAfter(-2) }),
          threadSummary({ id: "THR-2", customerId: "C-2", lastEventAt: daysAfter(-1) }),
        ],
      }),
    );
    expect(decision).toMatchObject({ action: "new", reason: "identity_conflict" });
    if (decision.action === "new")
      expect(decision.candidates.map((c) => c.threadId)).toEqual(["THR-2", "THR-1"]);
  });
});

const threadsArb: fc.Arbitrary<ThreadSummary[]> = fc
  .array(
    fc.record({
      customerId: fc.constantFrom<(string | null)[]>("C-1", "C-2", "C-3", null),
      status: fc.constantFrom(
        "open" as const,
        "open" as const,
        "solved" as const,
        "closed" as const,
      ),
      daysAgo: fc.integer({ min: 0, max: 30 }),
      orderIds: fc.subarray(["18422", "W5521", "7777"]),
      artifactHashes: fc.subarray(["sha-1", "sha-2"]),
    }),
    { maxLength: 6 },
  )
  .map((rows) =>
    rows.map(({ daysAgo, ...row }, i) =>
      threadSummary({ id: `THR-${i}`, lastEventAt: daysAfter(-daysAgo), ...row }),
    ),
  );

const inputArb: fc.Arbitrary<StitchInput> = fc
  .record({
    signals: fc.array(signalArb(), { maxLength: 4 }),
    verifications: fc.array(verificationArb, { maxLength: 1 }),
    orderIds: fc.subarray(["18422", "W5521", "9999"]),
    artifactHashes: fc.subarray(["sha-1", "sha-3"]),
    threads: threadsArb,
    window: fc.integer({ min: 1, max: 30 }),
  })
  .map(({ signals, verifications, orderIds, artifactHashes, threads, window }) =>
    stitchInput({
      resolution: resolutionOf(signals, verifications),
      references: { orderIds, artifactHashes },
      threads,
      continuityWindowDays: window,
    }),
  );

const linkArb = fc.record({
  threadId: fc.constantFrom("THR-LINKED", "THR-0"),
  via: fc.constantFrom("session" as const, "ticket" as const),
});

describe("stitching properties", () => {
  it("a deterministic link always wins", () => {
    fc.assert(
      fc.property(inputArb, linkArb, (input, link) => {
        expect(decideThread({ ...input, linked: link })).toEqual({ action: "existing", ...link });
      }),
      { numRuns: 200 },
    );
  });

  it("a contact with no resolved customer never joins an existing thread", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        fc.pre(input.resolution.customerId === null);
        const decision = decideThread(input);
        expect(decision.action).toBe("new");
      }),
      { numRuns: 200 },
    );
  });

  it("without a link, attaching happens only to the one thread that fits", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const decision = decideThread(input);
        expect(decision.action).not.toBe("existing");
        if (decision.action !== "attach") return;
        const windowStart = addDays(T0, -input.continuityWindowDays);
        const fits = input.threads.filter(
          (t) =>
            t.customerId === input.resolution.customerId &&
            t.status === "open" &&
            !isBefore(t.lastEventAt, windowStart),
        );
        const { orderIds, artifactHashes } = input.references;
        const named = orderIds.length + artifactHashes.length > 0;
        const matching = named
          ? fits.filter(
              (t) =>
                t.orderIds.some((o) => orderIds.includes(o)) ||
                t.artifactHashes.some((a) => artifactHashes.includes(a)),
            )
          : fits;
        expect(input.resolution.customerId).not.toBeNull();
        expect(input.resolution.conflict).toBeNull();
        expect(matching.map((t) => t.id)).toEqual([decision.threadId]);
      }),
      { numRuns: 300 },
    );
  });

  it("a new thread never lists a thread of a customer it does not concern", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const decision = decideThread(input);
        if (decision.action !== "new") return;
        const allowed = input.resolution.customerId
          ? [input.resolution.customerId]
          : input.resolution.candidates;
        for (const c of decision.candidates) {
          const thread = input.threads.find((t) => t.id === c.threadId);
          expect(thread).toBeDefined();
          if (decision.reason !== "identity_conflict")
            expect(allowed).toContain(thread!.customerId);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("candidate threads", () => {
  it("carry the orders they are about, so one question can name them", () => {
    const open = (id: string, orderIds: string[]) => ({
      id,
      customerId: "C-1",
      status: "open" as const,
      lastEventAt: "2026-03-01T10:00:00.000Z",
      orderIds,
      artifactHashes: [],
    });
    const decision = decideThread({
      linked: null,
      resolution: {
        level: "low",
        customerId: "C-1",
        candidates: [],
        conflict: null,
        verification: null,
        support: ["email"],
      },
      references: { orderIds: [], artifactHashes: [] },
      threads: [open("THR-A", ["W1"]), open("THR-B", ["W2", "W3"])],
      asOf: "2026-03-02T10:00:00.000Z",
      continuityWindowDays: 14,
    });
    expect(decision).toMatchObject({ action: "new", reason: "several_open_threads" });
    const candidates = decision.action === "new" ? decision.candidates : [];
    expect(Object.fromEntries(candidates.map((c) => [c.threadId, c.orderIds]))).toEqual({
      "THR-A": ["W1"],
      "THR-B": ["W2", "W3"],
    });
  });
});
