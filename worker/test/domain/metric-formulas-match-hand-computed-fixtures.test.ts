import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contributionDelta, contributionsOf } from "../../src/domain/metrics/contributions";
import { proportionDifference } from "../../src/domain/metrics/intervals";
import { metricsReport, type RollupCell } from "../../src/domain/metrics/report";
import type { ThreadEvent, UnplacedEvent } from "../../src/domain/thread-events";
import { applyEvents, emptyThread, type ThreadState } from "../../src/domain/thread-state";
import { hoursAfter, joined, message, observed, POLICY, projected, signal, T0 } from "./factories";

let n = 0;
function fact(event: UnplacedEvent): ThreadEvent {
  const key = `f${n++}`;
  return { ...event, key, group: key, part: 0 } as ThreadEvent;
}
const maya = [signal({ kind: "email", owners: ["C-1"] })];
const held = (at: string) => ({ order_id: { value: "18422", source: "text" as const, at } });

/**
 * Thread A: chat, then email (a channel switch) where the customer repeats the order number;
 * the agent hands off, a person acts 30 minutes later, the ticket is solved two hours after the
 * handoff and rated good. Thread B: one chat, the agent does the first step after one turn, solved.
 */
function threadAFacts(arm: "continuity" | "control" = "continuity"): ThreadEvent[] {
  return [
    fact({ type: "rollout.assigned", at: T0, arm, randomised: true }),
    joined({ contactId: "session:WC-1", at: T0, channel: "web_chat" }),
    observed({ contactId: "session:WC-1", at: T0, signals: maya }),
    message({ contactId: "session:WC-1", at: T0, slots: held(T0), orderIds: ["18422"] }),
    fact({
      type: "workflow.started",
      at: hoursAfter(0.01),
      workflow: "replacement",
      version: 1,
      reason: "rules",
    }),
    fact({
      type: "workflow.step_completed",
      at: hoursAfter(0.02),
      stepId: "identify_order",
      by: "ai",
    }),
    joined({
      contactId: "ticket:101",
      at: hoursAfter(1),
      channel: "email",
      links: [{ kind: "ticket", id: "101" }],
    }),
    message({
      contactId: "ticket:101",
      at: hoursAfter(1),
      channel: "email",
      slots: held(hoursAfter(1)),
      orderIds: ["18422"],
    }),
    fact({ type: "agent.handed_off", at: hoursAfter(2), code: "needs_person", reason: "photos" }),
    fact({
      type: "workflow.step_completed",
      at: hoursAfter(2.5),
      stepId: "collect_evidence",
      by: "human",
    }),
    fact({
      type: "ticket.changed",
      at: hoursAfter(4),
      ticketId: "101",
      channel: "email",
      status: "solved",
    }),
    fact({ type: "satisfaction.rated", at: hoursAfter(5), ticketId: "101", rating: "good" }),
  ];
}

function threadA(arm: "continuity" | "control" = "continuity"): ThreadState {
  return projected(threadAFacts(arm), "THR-AAAA");
}

function threadB(arm: "continuity" | "control" = "control"): ThreadState {
  return projected(
    [
      fact({ type: "rollout.assigned", at: T0, arm, randomised: true }),
      joined({
        contactId: "session:WC-2",
        at: T0,
        channel: "web_chat",
        links: [{ kind: "ticket", id: "102" }],
      }),
      message({ contactId: "session:WC-2", at: T0, text: "where is my parcel?" }),
      fact({
        type: "workflow.started",
        at: hoursAfter(0.01),
        workflow: "order_status",
        version: 1,
        reason: "rules",
      }),
      fact({
        type: "workflow.step_completed",
        at: hoursAfter(0.02),
        stepId: "identify_order",
        by: "ai",
      }),
      fact({
        type: "ticket.changed",
        at: hoursAfter(1),
        ticketId: "102",
        channel: "web_chat",
        status: "solved",
      }),
    ],
    "THR-BBBB",
  );
}

function cells(states: ThreadState[]): RollupCell[] {
  return states.flatMap((s) =>
    contributionsOf(s).map((c) => ({
      metric: c.metric,
      arm: c.segment.arm,
      key: "",
      n: c.n,
      sum: c.sum,
      sumSq: c.sumSq,
    })),
  );
}

const valueOf = (report: ReturnType<typeof metricsReport>, id: string) =>
  report.metrics.find((m) => m.id === id)!;

describe("metric formulas (docs/metrics.md) on hand-computed fixtures", () => {
  it("counts thread A's switch, repetition, handoff, re-triage and handle time", () => {
    const a = threadA();
    expect(a.tally).toMatchObject({
      customerTurns: 2,
      turnsBeforeUseful: 1,
      repeats: 1,
      handoffs: 1,
      firstHandoffAt: hoursAfter(2),
      firstHumanActionAt: hoursAfter(2.5),
      humanSince: hoursAfter(2),
      resolvedAt: hoursAfter(4),
    });
  });

  it("gives the values worked out by hand, overall", () => {
    const report = metricsReport(cells([threadA(), threadB()]), "fcr", null);
    const expected: Record<string, [number | null, number]> = {
      repetition_rate: [1, 1], // A switched and repeated; B never switched
      reauth_frequency: [0, 2], // no verification prompts, two resolved threads
      retriage_minutes: [30, 1], // A: handoff 2h, first person action 2.5h
      clarifying_turns: [1, 2], // one customer turn before the first step, in both
      cross_channel_continuity: [1, 1], // A's one switch stayed on A; B had none
      handoff_edit_rate: [0, 1], // one handoff, no edits
      aht_minutes: [120, 1], // A: a person from 2h, solved at 4h
      fcr: [0.5, 2], // B solved on its only contact, A took two
      csat: [1, 1], // one good rating
      transfer_rate: [0.5, 2], // A went to a person
      containment: [0.5, 2], // B resolved without a person
    };
    for (const [id, [value, count]] of Object.entries(expected))
      expect([id, valueOf(report, id).value, valueOf(report, id).n]).toEqual([id, value, count]);
  });

  it("compares the arms with the named interval method", () => {
    const report = metricsReport(cells([threadA("continuity"), threadB("control")]), "fcr", null);
    const fcr = valueOf(report, "fcr");
    expect(fcr.arms).toEqual({ continuity: { value: 0, n: 1 }, control: { value: 1, n: 1 } });
    const interval = proportionDifference(
      { successes: 0, trials: 1 },
      { successes: 1, trials: 1 },
    )!;
    expect(fcr.comparison).toMatchObject({
      randomised: true,
      difference: -1,
      low: interval.low,
      high: interval.high,
      method: "newcombe-wilson-hybrid-score",
    });
    expect(valueOf(report, "handoff_edit_rate").comparison).toBeNull();
  });

  it("labels a comparison of gated, unrandomised arms as not randomised", () => {
    const gated = (s: ThreadState): ThreadState => ({
      ...s,
      rollout: { arm: s.rollout!.arm, randomised: false },
    });
    const report = metricsReport(cells([gated(threadA()), gated(threadB())]), null, null);
    expect(valueOf(report, "transfer_rate").comparison).toMatchObject({
      randomised: false,
      label: expect.stringContaining("Not randomised"),
    });
  });

  it("keeps rollups equal to a recount, however a thread's facts arrive write by write", () => {
    const log = [...threadLog()];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: log.length }), { maxLength: 6 }), (cuts) => {
        const points = [...new Set([...cuts, log.length])].sort((x, y) => x - y);
        let state: ThreadState | null = null;
        const sums = new Map<string, number>();
        let done = 0;
        for (const point of points) {
          const next = applyEvents(
            state ?? emptyThread("THR-AAAA", T0),
            log.slice(done, point),
            POLICY,
          );
          for (const c of contributionDelta(state, next)) {
            const key = `${c.metric}|${c.segment.day}|${c.segment.category}|${c.segment.arm}`;
            sums.set(key, (sums.get(key) ?? 0) + c.sum * 1000 + c.n);
          }
          state = next;
          done = point;
        }
        const recount = new Map<string, number>();
        for (const c of contributionsOf(state!)) {
          const key = `${c.metric}|${c.segment.day}|${c.segment.category}|${c.segment.arm}`;
          recount.set(key, (recount.get(key) ?? 0) + c.sum * 1000 + c.n);
        }
        for (const [key, value] of sums) if (value !== 0) expect(recount.get(key)).toBe(value);
        for (const [key, value] of recount) expect(sums.get(key)).toBe(value);
      }),
    );
  });
});

/** Thread A's log in event-time order, to be written in pieces. */
function threadLog(): ThreadEvent[] {
  return [...threadAFacts()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
