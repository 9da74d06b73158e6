import { describe, expect, it } from "vitest";
import { attendanceFact } from "../../src/domain/live-session";
import { project } from "../../src/domain/thread-state";
import { daysAfter, joined, message, POLICY } from "./factories";

describe("arrivals and departures in a thread's live session", () => {
  it("change nothing in the thread's state, and do not keep its continuity window open", () => {
    const facts = [joined(), message({ text: "My vase arrived cracked." })];
    const who = {
      role: "agent" as const,
      participantId: "agent-7",
      label: "sidebar",
      connection: "c-1",
    };
    const watched = [
      ...facts,
      attendanceFact("joined", who, daysAfter(10)),
      attendanceFact("left", who, daysAfter(12)),
    ];
    const before = project("THR-WATCH1", facts, POLICY);
    const after = project("THR-WATCH1", watched, POLICY);
    const { cursor: _c, eventCount: _n, ...was } = before;
    const { cursor: _c2, eventCount: _n2, ...is } = after;
    expect(is).toEqual(was);
    expect(after.lastEventAt).toBe(before.lastEventAt);
  });
});
