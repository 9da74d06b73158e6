import { eraseCustomer } from "../../governance/erasure";
import { enforceRetention } from "../../governance/retention";
import { normalizeIdentifier } from "../../domain/identifiers";
import { ApiError, TenantNotFound } from "../../lib/problem";
import type { AppRouteHandler } from "../../lib/types";
import { identityHash } from "../../security/identity-hash";
import { identityKey } from "../../security/keys";
import { randomToken } from "../../security/encoding";
import { auditNdjson } from "../../store/audit";
import { listErasures } from "../../store/erasures";
import { tracesOfIdentifier } from "../../store/identities";
import { loadTenant } from "../../tenancy/tenants";
import type {
  AuditExportRoute,
  EraseRoute,
  ErasuresRoute,
  RunRetentionRoute,
} from "./governance.routes";

async function tenantOrThrow(env: Parameters<typeof loadTenant>[0], tenantId: string) {
  const tenant = await loadTenant(env, tenantId, { fresh: true });
  if (!tenant) throw new TenantNotFound();
  return tenant;
}

export const erase: AppRouteHandler<EraseRoute> = async (c) => {
  const { tenantId } = c.req.valid("param");
  const { identifier } = c.req.valid("json");
  await tenantOrThrow(c.env, tenantId);
  const requestId = `era_${randomToken(9)}`;
  const report = await eraseCustomer(
    c.env,
    tenantId,
    identifier,
    requestId,
    new Date().toISOString(),
  );
  if ("invalid" in report) throw new ApiError(422, "invalid_identifier", report.invalid);
  if ("shared" in report)
    throw new ApiError(
      409,
      "identifier_shared",
      `This identifier belongs to ${report.shared} customers; erase by one that is the person's alone`,
    );
  // Look again, the way a privacy officer would: nothing may still answer to the identifier.
  const normalized = normalizeIdentifier(identifier);
  const hash = normalized.ok
    ? await identityHash(await identityKey(c.env.SECRETS_KEY, tenantId), normalized.identifier)
    : "";
  const remaining = await tracesOfIdentifier(c.env.DB, tenantId, hash);
  console.log(JSON.stringify({ msg: "customer erased", tenantId, requestId }));
  return c.json({ ...report, remaining }, 200);
};

export const erasures: AppRouteHandler<ErasuresRoute> = async (c) => {
  const { tenantId } = c.req.valid("param");
  await tenantOrThrow(c.env, tenantId);
  return c.json({ erasures: await listErasures(c.env.DB, tenantId) }, 200);
};

export const auditExport: AppRouteHandler<AuditExportRoute> = async (c) => {
  const { tenantId } = c.req.valid("param");
  const query = c.req.valid("query");
  await tenantOrThrow(c.env, tenantId);
  return c.body(
    auditNdjson(c.env.DB, tenantId, {
      ...(query.threadId && { threadId: query.threadId }),
      ...(query.from && { from: new Date(query.from).toISOString() }),
      ...(query.to && { to: new Date(query.to).toISOString() }),
    }),
    200,
    { "content-type": "application/x-ndjson" },
  ) as never;
};

export const runRetention: AppRouteHandler<RunRetentionRoute> = async (c) => {
  const { tenantId } = c.req.valid("param");
  const tenant = await tenantOrThrow(c.env, tenantId);
  return c.json(await enforceRetention(c.env, tenant.config, new Date()), 200);
};
