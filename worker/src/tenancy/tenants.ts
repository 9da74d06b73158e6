import type { Env } from "../env";
import { generateAppSecret, lookupHash, signingKeyBytes } from "../security/app-secret";
import { fromBase64, randomToken, toBase64 } from "../security/encoding";
import { rootKeys } from "../security/keys";
import { open, seal } from "../security/sealed-box";
import {
  findTenant,
  findTenantBySecret,
  insertTenant,
  replaceAppSecret,
  type TenantRecord,
} from "../store/tenants";
import type { StoredSettings } from "./settings";
import { resolveTenantConfig, type TenantConfig } from "./tenant-config";

/** A tenant ready to serve requests: resolved settings plus the key that checks its signatures. */
export interface LoadedTenant {
  config: TenantConfig;
  record: TenantRecord;
  secrets: StoredSettings;
  signingKey: Uint8Array<ArrayBuffer>;
}

/**
 * Tenants are read on every inbound request, so an isolate keeps them for a few seconds. A change
 * made through this isolate is seen at once; other isolates see it within CACHE_MS.
 */
const CACHE_MS = 10_000;
const byId = new Map<string, { tenant: LoadedTenant; until: number }>();
const bySecret = new Map<string, { tenantId: string; until: number }>();

export function forgetTenant(tenantId: string): void {
  byId.delete(tenantId);
  for (const [lookup, entry] of bySecret) if (entry.tenantId === tenantId) bySecret.delete(lookup);
}

function owner(tenantId: string): string {
  return `tenant:${tenantId}`;
}

async function hydrate(env: Env, record: TenantRecord): Promise<LoadedTenant> {
  const keys = await rootKeys(env.SECRETS_KEY);
  const [secretsJson, signing] = await Promise.all([
    record.secretsSealed
      ? open(keys.settings, record.secretsSealed, owner(record.id))
      : Promise.resolve("{}"),
    open(keys.settings, record.signingSealed, `${owner(record.id)}:app-secret`),
  ]);
  const secrets = JSON.parse(secretsJson) as StoredSettings;
  return {
    record,
    secrets,
    signingKey: fromBase64(signing),
    config: resolveTenantConfig(record.id, record.subdomain, record.settings, secrets),
  };
}

export async function loadTenant(
  env: Env,
  tenantId: string,
  options: { fresh?: boolean } = {},
): Promise<LoadedTenant | null> {
  const now = Date.now();
  const hit = byId.get(tenantId);
  if (hit && hit.until > now && !options.fresh) return hit.tenant;
  const record = await findTenant(env.DB, tenantId);
  if (!record) return null;
  const tenant = await hydrate(env, record);
  byId.set(tenantId, { tenant, until: now + CACHE_MS });
  return tenant;
}

/** The tenant an app secret belongs to. Tenancy comes from the secret alone, never from a claim. */
export async function tenantForAppSecret(
  env: Env,
  appSecret: string,
): Promise<LoadedTenant | null> {
  const now = Date.now();
  const { appSecretLookup } = await rootKeys(env.SECRETS_KEY);
  const lookup = await lookupHash(appSecretLookup, appSecret);
  const hit = bySecret.get(lookup);
  if (hit && hit.until > now) return loadTenant(env, hit.tenantId);
  const record = await findTenantBySecret(env.DB, lookup);
  if (!record) return null;
  bySecret.set(lookup, { tenantId: record.id, until: now + CACHE_MS });
  return loadTenant(env, record.id);
}

async function secretMaterial(env: Env, tenantId: string, appSecret: string) {
  const keys = await rootKeys(env.SECRETS_KEY);
  const [lookup, signingSealed] = await Promise.all([
    lookupHash(keys.appSecretLookup, appSecret),
    signingKeyBytes(appSecret).then((bytes) =>
      seal(keys.settings, toBase64(bytes), `${owner(tenantId)}:app-secret`),
    ),
  ]);
  return { lookup, signingSealed };
}

export async function createTenant(
  env: Env,
  subdomain: string,
  now: Date,
): Promise<{ tenantId: string; appSecret: string } | "subdomain_taken"> {
  const tenantId = `ten_${randomToken(12)}`;
  const appSecret = generateAppSecret();
  const material = await secretMaterial(env, tenantId, appSecret);
  const outcome = await insertTenant(env.DB, {
    id: tenantId,
    subdomain,
    ...material,
    now: now.toISOString(),
  });
  return outcome === "created" ? { tenantId, appSecret } : outcome;
}

export async function rotateAppSecret(
  env: Env,
  tenantId: string,
  now: Date,
): Promise<string | null> {
  const appSecret = generateAppSecret();
  const material = await secretMaterial(env, tenantId, appSecret);
  const ok = await replaceAppSecret(env.DB, tenantId, { ...material, now: now.toISOString() });
  forgetTenant(tenantId);
  return ok ? appSecret : null;
}

export async function sealSecrets(
  env: Env,
  tenantId: string,
  secrets: StoredSettings,
): Promise<string | null> {
  if (Object.keys(secrets).length === 0) return null;
  const keys = await rootKeys(env.SECRETS_KEY);
  return seal(keys.settings, JSON.stringify(secrets), owner(tenantId));
}
