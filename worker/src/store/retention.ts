import { expireAudit, scrubAuditedQuestions } from "./audit";
import { expireIdentifierThreads } from "./identifier-threads";
import { expireIdentities } from "./identities";

/** How many rows one retention run deleted. */
export interface ExpiredRecords {
  identities: number;
  audit: number;
}

/**
 * Delete a tenant's records past retention, in one batch: identities and identifier links not
 * seen since `identifiersBefore`, audit entries older than `auditBefore`, and the questions kept in
 * audit entries older than `messagesBefore`.
 */
export async function expireRecordsPastRetention(
  db: D1Database,
  tenantId: string,
  cutoffs: { identifiersBefore: string; auditBefore: string; messagesBefore: string },
): Promise<ExpiredRecords> {
  const [identities, , audit] = await db.batch([
    expireIdentities(db, tenantId, cutoffs.identifiersBefore),
    expireIdentifierThreads(db, tenantId, cutoffs.identifiersBefore),
    expireAudit(db, tenantId, cutoffs.auditBefore),
    scrubAuditedQuestions(db, tenantId, cutoffs.messagesBefore),
  ]);
  return {
    identities: identities?.meta.changes ?? 0,
    audit: audit?.meta.changes ?? 0,
  };
}
