import { describe, expect, it } from "vitest";
import { addDays, addHours, isBefore, latest, toIso } from "../../src/domain/time";

describe("event-time arithmetic", () => {
  it("adds hours and days to an ISO instant", () => {
    expect(addHours("2026-03-01T10:00:00Z", 24)).toBe("2026-03-02T10:00:00.000Z");
    expect(addHours("2026-03-01T10:00:00Z", -1.5)).toBe("2026-03-01T08:30:00.000Z");
    expect(addDays("2026-03-01T10:00:00Z", -14)).toBe("2026-02-15T10:00:00.000Z");
  });

  it("compares instants, not strings", () => {
    expect(isBefore("2026-03-01T10:00:00+02:00", "2026-03-01T09:00:00Z")).toBe(true);
    expect(isBefore("2026-03-01T10:00:00Z", "2026-03-01T10:00:00.000Z")).toBe(false);
  });

  it("latest keeps the newer instant, and the first on a tie", () => {
    expect(latest("2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z")).toBe("2026-03-01T11:00:00Z");
    expect(latest("2026-03-01T10:00:00Z", "2026-03-01T10:00:00.000Z")).toBe("2026-03-01T10:00:00Z");
  });

  it("toIso canonicalises an offset time to UTC", () => {
    expect(toIso("2026-03-01T12:00:00+02:00")).toBe("2026-03-01T10:00:00.000Z");
  });
});
