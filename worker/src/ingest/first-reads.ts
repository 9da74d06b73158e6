import type { ThreadLink } from "../domain/channel-event";
import { erasedStatement, type ErasureMark } from "../store/erasures";
import { agentLinkedOwnersStatement, linkedOwnersOf } from "../store/identities";
import type { SignalKind } from "../domain/identity-level";
import {
  linkedThreadsOf,
  linkedThreadsStatement,
  type LinkedThread,
  type LinkedThreadRow,
} from "../store/threads";

/**
 * Whether an event is about someone erased, the threads its sessions and tickets belong to, and
 * who a person linked its identifiers to, in one round trip: the reads are independent, and
 * stitching needs the others as soon as the first says go on.
 */
export async function erasureAndLinks(
  db: D1Database,
  tenantId: string,
  marks: ErasureMark[],
  links: ThreadLink[],
  /** The identifiers whose hand-made owners to read too (see agentLinkedOwners). */
  keys: { kind: SignalKind; hash: string }[] = [],
): Promise<{ erased: boolean; linked: LinkedThread[]; owners: Map<string, string[]> }> {
  const reads = [
    ...(marks.length > 0 ? [erasedStatement(db, tenantId, marks)] : []),
    ...(links.length > 0 ? [linkedThreadsStatement(db, tenantId, links)] : []),
    ...(keys.length > 0 ? [agentLinkedOwnersStatement(db, tenantId, keys)] : []),
  ];
  if (reads.length === 0) return { erased: false, linked: [], owners: new Map() };
  const results = await db.batch<Record<string, unknown>>(reads);
  let at = 0;
  const next = (present: boolean) => (present ? (results[at++]?.results ?? []) : []);
  const erased = next(marks.length > 0).length > 0;
  const linkedRows = next(links.length > 0);
  const ownerRows = next(keys.length > 0);
  return {
    erased,
    linked: linkedThreadsOf(linkedRows as unknown as LinkedThreadRow[]),
    owners: linkedOwnersOf(ownerRows as unknown as Parameters<typeof linkedOwnersOf>[0]),
  };
}
