import type { Env } from "../env";
import type { AccountRecords } from "../integrations/ports";
import { ADMIN_SESSION_TTL_MS } from "../security/admin-session";
import { forgetAdminSessions, recordAdminSession } from "../store/admin-sessions";
import { consumeOAuthState, issueOAuthState, refuseOAuthState } from "../store/oauth-states";
import { forgetSetupSteps, recordSetupStep, setupStepsOf } from "../store/setup-steps";
import { findTenantBySubdomain, saveSettings as storeSettings } from "../store/tenants";
import { mergeSettings, type StoredSettings } from "./settings";
import type { TenantSettingsUpdate } from "../contracts/tenant-settings";
import { createTenant, forgetTenant, loadTenant, rotateAppSecret, sealSecrets } from "./tenants";

/** Compare-and-set tries before a settings change gives up (another writer kept winning). */
const SAVE_TRIES = 3;

/**
 * Reads the tenant fresh, changes its split settings and saves them guarded by the version read,
 * as the operator API does; a concurrent change makes it read again.
 */
export async function changeSettings(
  env: Env,
  tenantId: string,
  change: (current: { visible: StoredSettings; secrets: StoredSettings }) => {
    visible: StoredSettings;
    secrets: StoredSettings;
  },
): Promise<void> {
  for (let attempt = 1; attempt <= SAVE_TRIES; attempt++) {
    const tenant = await loadTenant(env, tenantId, { fresh: true });
    if (!tenant) throw new Error(`tenant ${tenantId} is gone`);
    const next = change({ visible: tenant.record.settings, secrets: tenant.secrets });
    const saved = await storeSettings(env.DB, tenantId, {
      settings: next.visible,
      secretsSealed: await sealSecrets(env, tenantId, next.secrets),
      expectedVersion: tenant.record.version,
      now: new Date().toISOString(),
    });
    forgetTenant(tenantId);
    if (saved) return;
  }
  throw new Error("the tenant's settings kept changing while saving");
}

/** The Worker's records as the account-connecting integrations see them (`AccountRecords`). */
export function accountRecords(env: Env): AccountRecords {
  return {
    async issueState(row, now, maxLive) {
      const issued = await issueOAuthState(
        env.DB,
        { ...row, expiresAt: row.expiresAt.toISOString() },
        now.toISOString(),
        maxLive,
      );
      return issued.issued ? issued : { issued: false, retryAt: new Date(issued.retryAt) };
    },

    consumeState: (row, now) => consumeOAuthState(env.DB, row, now.toISOString()),

    refuseState: (nonce, code) => refuseOAuthState(env.DB, nonce, code),

    async tenantFor(subdomain, now) {
      const existing = await findTenantBySubdomain(env.DB, subdomain);
      if (existing) return { tenantId: existing.id, created: false };
      // The same creation as `POST /v1/admin/tenants`. Its app secret is not kept: provisioning
      // issues a fresh one when it writes the installation's setting.
      const created = await createTenant(env, subdomain, now);
      if (created !== "subdomain_taken") return { tenantId: created.tenantId, created: true };
      // Another callback for the same account created it a moment ago.
      const raced = await findTenantBySubdomain(env.DB, subdomain);
      if (!raced) throw new Error(`no tenant for ${subdomain} after a conflict`);
      return { tenantId: raced.id, created: false };
    },

    async findTenant(subdomain) {
      const record = await findTenantBySubdomain(env.DB, subdomain);
      const tenant = record && (await loadTenant(env, record.id, { fresh: true }));
      return tenant ? { tenantId: tenant.record.id, config: tenant.config } : null;
    },

    saveSettings: (tenantId, section, values) =>
      changeSettings(env, tenantId, (current) => {
        const merged = mergeSettings(current, { [section]: values } as TenantSettingsUpdate);
        // A null says "no longer set" (a token that does not lapse has no renewal or expiry).
        const key = section as keyof StoredSettings;
        for (const split of [merged.visible, merged.secrets]) {
          const bag = split[key];
          if (!bag) continue;
          for (const [name, value] of Object.entries(bag)) if (value === null) delete bag[name];
          if (Object.keys(bag).length === 0 && split === merged.secrets) delete split[key];
        }
        return merged;
      }),

    async issueAppSecret(tenantId, now) {
      const secret = await rotateAppSecret(env, tenantId, now);
      if (!secret) throw new Error(`tenant ${tenantId} is gone`);
      return secret;
    },

    steps: (tenantId, integration) => setupStepsOf(env.DB, tenantId, integration),

    recordStep: (tenantId, integration, step, result, now) =>
      recordSetupStep(env.DB, { tenantId, integration, step, result, now: now.toISOString() }),

    forgetSteps: (tenantId, integration) => forgetSetupSteps(env.DB, tenantId, integration),

    openAdminSession: (row, now) =>
      recordAdminSession(
        env.DB,
        { ...row, expiresAt: new Date(now.getTime() + ADMIN_SESSION_TTL_MS).toISOString() },
        now.toISOString(),
      ),

    endAdminSessions: (tenantId) => forgetAdminSessions(env.DB, tenantId),
  };
}

/** Where integrations keep credentials they renewed themselves (`IntegrationDeps.keepCredentials`). */
export function credentialKeeper(env: Env): AccountRecords["saveSettings"] {
  return accountRecords(env).saveSettings;
}
