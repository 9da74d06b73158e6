import { addHours, isBefore } from "./time";
import type { IdentifierKind } from "./identifiers";
import type { IntegrationName } from "./integration-name";

/** How sure we are who is writing (DESIGN §4). Ordered from least to most. */
export const IDENTITY_LEVELS = ["unknown", "low", "medium", "high"] as const;
export type IdentityLevel = (typeof IDENTITY_LEVELS)[number];

export function levelRank(level: IdentityLevel): number {
  return IDENTITY_LEVELS.indexOf(level);
}

export function atLeast(level: IdentityLevel, minimum: IdentityLevel): boolean {
  return levelRank(level) >= levelRank(minimum);
}

/** Evidence kinds that count as independent of each other. */
export type SignalKind = Exclude<IdentifierKind, "session"> | "name_zip";

/**
 * One piece of evidence about a contact, with the customers that systems of record say own it.
 * `hash` is the keyed hash of the normalised value; the raw value never reaches this layer.
 */
export interface Signal {
  kind: SignalKind;
  hash: string;
  masked: string;
  owners: string[];
  /** The integration that told us, or the customer's own words, or the agent. */
  source: IntegrationName | "text" | "agent";
}

export interface VerificationRecord {
  method: string;
  passedAt: string;
}

export interface IdentityPolicy {
  verificationTtlHours: number;
}

export interface IdentityConflict {
  reason: "contradicting_signals" | "shared_identifier";
  signals: { kind: SignalKind; masked: string; owners: string[] }[];
}

export interface IdentityResolution {
  level: IdentityLevel;
  customerId: string | null;
  /** Customers a human should choose between when we could not decide. */
  candidates: string[];
  conflict: IdentityConflict | null;
  /** The verification that lifts the level to high, while it lasts. */
  verification: (VerificationRecord & { expiresAt: string; expired: boolean }) | null;
  /** Kinds of evidence that point at `customerId` alone. */
  support: SignalKind[];
}

function intersect(sets: string[][]): string[] {
  const [first, ...rest] = sets;
  if (!first) return [];
  return [...new Set(first)].filter((id) => rest.every((s) => s.includes(id))).sort();
}

function describe(signals: Signal[]): IdentityConflict["signals"] {
  return signals.map(({ kind, masked, owners }) => ({ kind, masked, owners: [...owners].sort() }));
}

/**
 * Decide who a contact is from its evidence, judged at `asOf` (event time).
 *
 * - Nothing matched: `unknown`.
 * - The matched signals admit no single customer: `identity_conflict`, capped at `low`, with the
 *   customers as candidates. A human decides; we never pick one.
 * - One customer: `low` with one kind of evidence unique to them, `medium` with two, `high` while a
 *   verification is unexpired. Evidence shared with other customers (a family email) is
 *   consistent but does not add confidence.
 */
export function resolveIdentity(
  signals: Signal[],
  verifications: VerificationRecord[],
  asOf: string,
  policy: IdentityPolicy,
): IdentityResolution {
  const matched = signals.filter((s) => s.owners.length > 0);
  const none: IdentityResolution = {
    level: "unknown",
    customerId: null,
    candidates: [],
    conflict: null,
    verification: null,
    support: [],
  };
  if (matched.length === 0) return none;

  const common = intersect(matched.map((s) => s.owners));
  if (common.length !== 1) {
    const everyone = [...new Set(matched.flatMap((s) => s.owners))].sort();
    const contradicting = common.length === 0;
    return {
      ...none,
      level: "low",
      candidates: contradicting ? everyone : common,
      conflict: {
        reason: contradicting ? "contradicting_signals" : "shared_identifier",
        signals: describe(contradicting ? matched : matched.filter((s) => s.owners.length > 1)),
      },
    };
  }

  const customerId = common[0]!;
  const support = [
    ...new Set(
      matched.filter((s) => s.owners.length === 1 && s.owners[0] === customerId).map((s) => s.kind),
    ),
  ].sort();

  const newest = verifications
    .filter((v) => !isBefore(asOf, v.passedAt))
    .sort((a, b) => Date.parse(b.passedAt) - Date.parse(a.passedAt))[0];
  const verification = newest
    ? (() => {
        const expiresAt = addHours(newest.passedAt, policy.verificationTtlHours);
        return { ...newest, expiresAt, expired: !isBefore(asOf, expiresAt) };
      })()
    : null;

  const level: IdentityLevel =
    verification && !verification.expired ? "high" : support.length >= 2 ? "medium" : "low";
  return { level, customerId, candidates: [], conflict: null, verification, support };
}
