import type { ThreadState } from "../thread-state";
import { threadStatus } from "../thread-state";
import type { MetricId } from "./catalog";

export type ArmKey =
  "continuity" | "control" | "continuity_unrandomised" | "control_unrandomised" | "none";

/** The segment a thread's figures count in: when it opened and what it was. */
export interface Segment {
  /** UTC day the thread opened, YYYY-MM-DD. */
  day: string;
  category: string;
  channel: string;
  tier: string;
  /**
   * continuity / control when randomised; `_unrandomised` when the arm came from a segment gate
   * (or a 0 % / 100 % split); none outside any rollout.
   */
  arm: ArmKey;
}

/** What one thread adds to one metric in its segment: trials (n), their sum and sum of squares. */
export interface Contribution {
  segment: Segment;
  metric: MetricId;
  n: number;
  sum: number;
  sumSq: number;
}

const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

export function segmentOf(state: ThreadState): Segment {
  return {
    day: state.openedAt.slice(0, 10),
    category: state.workflow?.id ?? "unclassified",
    channel: state.contacts[0]?.channel ?? "api",
    tier: (state.customerId && state.tiers[state.customerId]) || "unknown",
    arm: state.rollout
      ? state.rollout.randomised
        ? state.rollout.arm
        : `${state.rollout.arm}_unrandomised`
      : "none",
  };
}

/** Channel switches: contacts that arrived on a different channel from the one before them. */
export function channelSwitches(state: ThreadState): number {
  const ordered = [...state.contacts].sort(
    (a, b) => Date.parse(a.joinedAt) - Date.parse(b.joinedAt),
  );
  return ordered.filter((c, i) => i > 0 && c.channel !== ordered[i - 1]!.channel).length;
}

/**
 * Whether this thread opened although the customer had another open thread it could have
 * continued: a contact continuity did not keep on one thread.
 */
function openedBesideAnother(state: ThreadState): boolean {
  const first = [...state.contacts].sort(
    (a, b) => Date.parse(a.joinedAt) - Date.parse(b.joinedAt),
  )[0];
  return (
    first?.stitch.action === "new" &&
    state.candidates.some((c) => c.reason === "open_thread" || c.reason === "same_order")
  );
}

/**
 * One thread's contributions to every metric (docs/metrics.md has the formulas). A thread linked
 * into another contributes nothing: its story counts once, in the thread it joined.
 */
export function contributionsOf(state: ThreadState): Contribution[] {
  if (state.mergedInto || state.contacts.length === 0) return [];
  const segment = segmentOf(state);
  const t = state.tally;
  const out: Contribution[] = [];
  const add = (metric: MetricId, n: number, sum: number, sumSq = sum * sum) => {
    if (n > 0) out.push({ segment, metric, n, sum, sumSq });
  };
  const resolved = threadStatus(state) !== "open" && t.resolvedAt !== null;
  const switches = channelSwitches(state);
  const personTouched = t.handoffs > 0 || t.humanSince !== null;

  if (switches > 0) add("repetition_rate", 1, t.repeats > 0 ? 1 : 0);
  if (resolved) add("reauth_frequency", 1, t.verificationPrompts);
  if (t.firstHandoffAt && t.firstHumanActionAt)
    add("retriage_minutes", 1, minutes(t.firstHandoffAt, t.firstHumanActionAt));
  if (t.turnsBeforeUseful !== null) add("clarifying_turns", 1, t.turnsBeforeUseful);
  const missed = openedBesideAnother(state) ? 1 : 0;
  add("cross_channel_continuity", switches + missed, switches, switches);
  if (t.handoffs > 0) add("handoff_edit_rate", t.handoffs, t.humanEdits, t.humanEdits ** 2);
  if (resolved && t.humanSince) add("aht_minutes", 1, minutes(t.humanSince, t.resolvedAt!));
  if (resolved) add("fcr", 1, state.contacts.length === 1 ? 1 : 0);
  const ratings = state.tickets.flatMap((k) => (k.satisfaction ? [k.satisfaction.rating] : []));
  const good = ratings.filter((r) => r === "good").length;
  add("csat", ratings.length, good, good);
  add("transfer_rate", 1, personTouched ? 1 : 0);
  if (resolved) add("containment", 1, personTouched ? 0 : 1);
  return out;
}

function segmentKey(s: Segment, metric: string): string {
  return [s.day, s.category, s.channel, s.tier, s.arm, metric].join("|");
}

/**
 * What a write changes in the aggregates: the thread's new contributions minus its old ones, per
 * segment and metric, zero changes left out. Applying these deltas keeps every rollup equal to a
 * full recount.
 */
export function contributionDelta(
  before: ThreadState | null,
  after: ThreadState | null,
): Contribution[] {
  const totals = new Map<string, Contribution>();
  const fold = (items: Contribution[], sign: 1 | -1) => {
    for (const c of items) {
      const key = segmentKey(c.segment, c.metric);
      const current = totals.get(key) ?? { ...c, n: 0, sum: 0, sumSq: 0 };
      totals.set(key, {
        ...current,
        n: current.n + sign * c.n,
        sum: current.sum + sign * c.sum,
        sumSq: current.sumSq + sign * c.sumSq,
      });
    }
  };
  fold(before ? contributionsOf(before) : [], -1);
  fold(after ? contributionsOf(after) : [], 1);
  return [...totals.values()].filter((c) => c.n !== 0 || c.sum !== 0 || c.sumSq !== 0);
}
