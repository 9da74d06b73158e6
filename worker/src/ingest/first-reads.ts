import type { ThreadLink } from "../domain/channel-event";
import { erasedStatement, type ErasureMark } from "../store/erasures";
import {
  linkedThreadsOf,
  linkedThreadsStatement,
  type LinkedThread,
  type LinkedThreadRow,
} from "../store/threads";

/**
 * Whether an event is about someone erased, and the threads its sessions and tickets belong to,
 * in one round trip: the two reads are independent, and stitching needs the second as soon as the
 * first says go on.
 */
export async function erasureAndLinks(
  db: D1Database,
  tenantId: string,
  marks: ErasureMark[],
  links: ThreadLink[],
): Promise<{ erased: boolean; linked: LinkedThread[] }> {
  const reads = [
    ...(marks.length > 0 ? [erasedStatement(db, tenantId, marks)] : []),
    ...(links.length > 0 ? [linkedThreadsStatement(db, tenantId, links)] : []),
  ];
  if (reads.length === 0) return { erased: false, linked: [] };
  const results = await db.batch<Record<string, unknown>>(reads);
  const erased = marks.length > 0 && (results[0]?.results.length ?? 0) > 0;
  const rows = links.length > 0 ? (results.at(-1)?.results ?? []) : [];
  return { erased, linked: linkedThreadsOf(rows as unknown as LinkedThreadRow[]) };
}
