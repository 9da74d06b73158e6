/** Nonces of OAuth round trips: issued once at the start, consumed once at the callback. */

export async function issueOAuthState(
  db: D1Database,
  row: {
    nonce: string;
    subdomain: string;
    installationId: string;
    intent: string;
    expiresAt: string;
  },
  now: string,
  maxLive: number,
): Promise<{ issued: true } | { issued: false; retryAt: string }> {
  // Lapsed nonces are of no use to anyone: each start clears them, so the table stays small. The
  // insert counts the account's live states of this intent in the same statement, so starts
  // racing each other cannot pass the limit together.
  const [, inserted] = await db.batch([
    db.prepare(`DELETE FROM oauth_states WHERE expires_at < ?1`).bind(now),
    db
      .prepare(
        `INSERT INTO oauth_states (nonce, subdomain, installation_id, intent, expires_at)
         SELECT ?1, ?2, ?3, ?4, ?5
         WHERE (SELECT COUNT(*) FROM oauth_states
                WHERE subdomain = ?2 AND intent = ?4 AND expires_at > ?6) < ?7`,
      )
      .bind(row.nonce, row.subdomain, row.installationId, row.intent, row.expiresAt, now, maxLive),
  ]);
  if (inserted!.meta.changes === 1) return { issued: true };
  // A place frees when the oldest live state lapses.
  const oldest = await db
    .prepare(
      `SELECT MIN(expires_at) AS at FROM oauth_states
       WHERE subdomain = ?1 AND intent = ?2 AND expires_at > ?3`,
    )
    .bind(row.subdomain, row.intent, now)
    .first<{ at: string | null }>();
  return { issued: false, retryAt: oldest?.at ?? now };
}

/**
 * Marks the nonce used if it was issued for this account, installation and intent, is unused and
 * has not lapsed; answers whether it did. One statement, so two callbacks racing with the same
 * state cannot both win.
 */
export async function consumeOAuthState(
  db: D1Database,
  row: { nonce: string; subdomain: string; installationId: string; intent: string },
  now: string,
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE oauth_states SET consumed_at = ?5
       WHERE nonce = ?1 AND subdomain = ?2 AND installation_id = ?3 AND intent = ?4
         AND consumed_at IS NULL AND expires_at > ?5`,
    )
    .bind(row.nonce, row.subdomain, row.installationId, row.intent, now)
    .run();
  return result.meta.changes === 1;
}

/** Records why a consumed round trip ended without what it was for (an error code). */
export async function refuseOAuthState(db: D1Database, nonce: string, code: string): Promise<void> {
  await db
    .prepare(`UPDATE oauth_states SET refused = ?2 WHERE nonce = ?1 AND consumed_at IS NOT NULL`)
    .bind(nonce, code)
    .run();
}

/** Why the round trip with this nonce ended without what it was for, if it did. */
export async function refusalOf(db: D1Database, nonce: string): Promise<string | null> {
  const row = await db
    .prepare(`SELECT refused FROM oauth_states WHERE nonce = ?1`)
    .bind(nonce)
    .first<{ refused: string | null }>();
  return row?.refused ?? null;
}
