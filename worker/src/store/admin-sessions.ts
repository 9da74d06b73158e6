/**
 * Admin sessions of the setup API: minted at an OAuth callback that proved an admin, collected
 * once by the app holding the round trip's state, then looked up by the token's hash.
 */

export async function recordAdminSession(
  db: D1Database,
  row: { nonce: string; tenantId: string; userId: string; expiresAt: string },
  now: string,
): Promise<void> {
  // Lapsed sessions prove nothing: each new one clears them, so the table stays small.
  await db.batch([
    db.prepare(`DELETE FROM admin_sessions WHERE expires_at < ?1`).bind(now),
    db
      .prepare(
        `INSERT INTO admin_sessions (nonce, tenant_id, user_id, expires_at) VALUES (?1, ?2, ?3, ?4)`,
      )
      .bind(row.nonce, row.tenantId, row.userId, row.expiresAt),
  ]);
}

export type Collected =
  { kind: "collected"; userId: string; expiresAt: string } | { kind: "pending" } | { kind: "gone" };

/**
 * Binds the token's hash to the session minted for this nonce and tenant, if it is uncollected
 * and live. One statement, so two collectors racing with the same state cannot both win.
 */
export async function collectAdminSession(
  db: D1Database,
  row: { nonce: string; tenantId: string; tokenHash: string },
  now: string,
): Promise<Collected> {
  const won = await db
    .prepare(
      `UPDATE admin_sessions SET token_hash = ?3, collected_at = ?4
       WHERE nonce = ?1 AND tenant_id = ?2 AND collected_at IS NULL AND expires_at > ?4
       RETURNING user_id, expires_at`,
    )
    .bind(row.nonce, row.tenantId, row.tokenHash, now)
    .first<{ user_id: string; expires_at: string }>();
  if (won) return { kind: "collected", userId: won.user_id, expiresAt: won.expires_at };
  const seen = await db
    .prepare(`SELECT 1 AS found FROM admin_sessions WHERE nonce = ?1 AND tenant_id = ?2`)
    .bind(row.nonce, row.tenantId)
    .first<{ found: number }>();
  return seen ? { kind: "gone" } : { kind: "pending" };
}

export async function findAdminSession(
  db: D1Database,
  tokenHash: string,
): Promise<{ tenantId: string; userId: string; expiresAt: string } | null> {
  const row = await db
    .prepare(`SELECT tenant_id, user_id, expires_at FROM admin_sessions WHERE token_hash = ?1`)
    .bind(tokenHash)
    .first<{ tenant_id: string; user_id: string; expires_at: string }>();
  return row ? { tenantId: row.tenant_id, userId: row.user_id, expiresAt: row.expires_at } : null;
}

/** Disconnecting ends every admin session of the tenant. */
export async function forgetAdminSessions(db: D1Database, tenantId: string): Promise<void> {
  await db.prepare(`DELETE FROM admin_sessions WHERE tenant_id = ?1`).bind(tenantId).run();
}
