import type { StoredSettings } from "../tenancy/settings";

export interface TenantRecord {
  id: string;
  subdomain: string;
  settings: StoredSettings;
  secretsSealed: string | null;
  signingSealed: string;
  version: number;
}

interface TenantRow {
  id: string;
  subdomain: string;
  settings: string;
  secrets_sealed: string | null;
  app_secret_signing: string;
  settings_version: number;
}

const COLUMNS = "id, subdomain, settings, secrets_sealed, app_secret_signing, settings_version";

function toRecord(row: TenantRow): TenantRecord {
  return {
    id: row.id,
    subdomain: row.subdomain,
    settings: JSON.parse(row.settings) as StoredSettings,
    secretsSealed: row.secrets_sealed,
    signingSealed: row.app_secret_signing,
    version: row.settings_version,
  };
}

export async function insertTenant(
  db: D1Database,
  row: { id: string; subdomain: string; lookup: string; signingSealed: string; now: string },
): Promise<"created" | "subdomain_taken"> {
  const result = await db
    .prepare(
      `INSERT INTO tenants (id, subdomain, app_secret_lookup, app_secret_signing, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (subdomain) DO NOTHING`,
    )
    .bind(row.id, row.subdomain, row.lookup, row.signingSealed, row.now)
    .run();
  return result.meta.changes === 1 ? "created" : "subdomain_taken";
}

export async function findTenant(db: D1Database, id: string): Promise<TenantRecord | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM tenants WHERE id = ?1`)
    .bind(id)
    .first<TenantRow>();
  return row ? toRecord(row) : null;
}

export async function findTenantBySecret(
  db: D1Database,
  lookup: string,
): Promise<TenantRecord | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM tenants WHERE app_secret_lookup = ?1`)
    .bind(lookup)
    .first<TenantRow>();
  return row ? toRecord(row) : null;
}

export async function saveSettings(
  db: D1Database,
  id: string,
  change: {
    settings: StoredSettings;
    secretsSealed: string | null;
    expectedVersion: number;
    now: string;
  },
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE tenants SET settings = ?2, secrets_sealed = ?3, settings_version = settings_version + 1, updated_at = ?4
       WHERE id = ?1 AND settings_version = ?5`,
    )
    .bind(
      id,
      JSON.stringify(change.settings),
      change.secretsSealed,
      change.now,
      change.expectedVersion,
    )
    .run();
  return result.meta.changes === 1;
}

export async function replaceAppSecret(
  db: D1Database,
  id: string,
  change: { lookup: string; signingSealed: string; now: string },
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE tenants SET app_secret_lookup = ?2, app_secret_signing = ?3, updated_at = ?4 WHERE id = ?1`,
    )
    .bind(id, change.lookup, change.signingSealed, change.now)
    .run();
  return result.meta.changes === 1;
}

/** Every tenant's id, for the sweeps that visit each tenant in turn. */
export async function tenantIds(db: D1Database): Promise<string[]> {
  const { results } = await db.prepare(`SELECT id FROM tenants`).all<{ id: string }>();
  return results.map((r) => r.id);
}

/** The tenant of a Zendesk account: one per subdomain (the column is unique). */
export async function findTenantBySubdomain(
  db: D1Database,
  subdomain: string,
): Promise<TenantRecord | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM tenants WHERE subdomain = ?1`)
    .bind(subdomain)
    .first<TenantRow>();
  return row ? toRecord(row) : null;
}
