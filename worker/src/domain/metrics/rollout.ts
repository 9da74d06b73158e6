import type { Channel } from "../channel-event";
import type { RolloutArm } from "../thread-events";
import type { MetricId } from "./catalog";

export interface RolloutPlan {
  enabled: boolean;
  /** Declared before the rollout starts; the comparison the rollout is judged on. */
  primaryMetric: MetricId;
  /** Share of randomised threads that get Continuity (the rest are the control group). */
  continuityShare: number;
  /** Changing the salt reshuffles assignment: a new rollout, not a tweak. */
  salt: string;
  /** Only threads in this segment are randomised; the rest are control and not randomised. */
  gate?: { channels?: Channel[]; tiers?: string[] };
}

/** FNV-1a, 32 bits: a stable, well-spread hash of a short string (no crypto needed to split arms). */
export function stableUnit(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 2 ** 32;
}

/**
 * The arm a new thread falls in. The same thread id always lands in the same arm for a rollout.
 * Threads outside the gate are control and marked not randomised: comparing them with gated
 * threads compares segments, not treatments.
 */
export function assignArm(
  threadId: string,
  plan: RolloutPlan | null,
  opening: { channel: Channel; tier: string | null },
): { arm: RolloutArm; randomised: boolean } | null {
  if (!plan?.enabled) return null;
  const gate = plan.gate;
  const inGate =
    (!gate?.channels || gate.channels.includes(opening.channel)) &&
    (!gate?.tiers || (opening.tier !== null && gate.tiers.includes(opening.tier)));
  if (!inGate) return { arm: "control", randomised: false };
  const share = Math.min(1, Math.max(0, plan.continuityShare));
  const arm: RolloutArm = stableUnit(`${plan.salt}:${threadId}`) < share ? "continuity" : "control";
  return { arm, randomised: share > 0 && share < 1 };
}
