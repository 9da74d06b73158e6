import { describe, expect, it } from "vitest";
import { decideThread } from "../../src/domain/stitching";
import { daysAfter, hoursAfter, stitchInput, threadSummary } from "./factories";

describe("stitching respects the continuity window, in event time", () => {
  it("does not attach to an open thread last active before the window", () => {
    const decision = decideThread(
      stitchInput({
        threads: [threadSummary({ id: "THR-1", lastEventAt: daysAfter(-15) })],
        continuityWindowDays: 14,
      }),
    );
    expect(decision).toEqual({ action: "new", reason: "no_open_thread", candidates: [] });
  });

  it("attaches to a thread active just inside the window", () => {
    const decision = decideThread(
      stitchInput({
        threads: [threadSummary({ id: "THR-1", lastEventAt: hoursAfter(1, daysAfter(-14)) })],
        continuityWindowDays: 14,
      }),
    );
    expect(decision.action).toBe("attach");
  });

  it("the window is configurable", () => {
    const threads = [threadSummary({ id: "THR-1", lastEventAt: daysAfter(-20) })];
    expect(decideThread(stitchInput({ threads, continuityWindowDays: 14 })).action).toBe("new");
    expect(decideThread(stitchInput({ threads, continuityWindowDays: 30 })).action).toBe("attach");
  });

  it("an old thread outside the window does not count as a second open thread", () => {
    const decision = decideThread(
      stitchInput({
        threads: [
          threadSummary({ id: "THR-RECENT", lastEventAt: daysAfter(-2) }),
          threadSummary({ id: "THR-STALE", lastEventAt: daysAfter(-40) }),
        ],
      }),
    );
    expect(decision).toEqual({
      action: "attach",
      threadId: "THR-RECENT",
      reason: "only_open_thread",
    });
  });

  it("is judged at the contact's event time: a late delivery decides as it would have then", () => {
    // The thread was active on day 0; a contact that happened on day 3 but is processed on day 30
    // still falls inside the 14-day window.
    const threads = [threadSummary({ id: "THR-1", lastEventAt: daysAfter(0) })];
    expect(decideThread(stitchInput({ threads, asOf: daysAfter(3) })).action).toBe("attach");
    expect(decideThread(stitchInput({ threads, asOf: daysAfter(30) })).action).toBe("new");
  });
});
