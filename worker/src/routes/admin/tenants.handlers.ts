import { outboxMessage } from "../../delivery/outbox-message";
import { ingestMessage } from "../../ingest/ingest-message";
import { ApiError, TenantNotFound } from "../../lib/problem";
import type { AppRouteHandler } from "../../lib/types";
import { leaseFrom, openEvent } from "../../ingest/delivery-copy";
import { requeueStuckDeliveries } from "../../ingest/stuck-deliveries";
import { countOwedRuns } from "../../store/agent-runs";
import { countUnsettled, listFailed, requeueFailed } from "../../store/deliveries";
import { countOutbox, listOutbox, requeueOutbox, type OutboxRow } from "../../store/outbox";
import { findTenant, saveSettings, type TenantRecord } from "../../store/tenants";
import { configuredSecrets, mergeSettings } from "../../tenancy/settings";
import {
  createTenant,
  forgetTenant,
  loadTenant,
  rotateAppSecret,
  sealSecrets,
} from "../../tenancy/tenants";
import type {
  BacklogRoute,
  CreateRoute,
  FailedDeliveriesRoute,
  GetSettingsRoute,
  OutboxRoute,
  ReplayOutboxRoute,
  PutSettingsRoute,
  ReplayDeliveriesRoute,
  RotateSecretRoute,
} from "./tenants.routes";

/**
 * A rollout is judged on a metric declared before it starts: it needs one to be enabled, and a
 * running rollout's primary metric, split or salt cannot change (stop it first).
 */
function rolloutProblem(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): string | null {
  if (after?.enabled === true && !after.primaryMetric)
    return "rollout.primaryMetric must be declared before the rollout is enabled";
  if (before?.enabled === true && after?.enabled === true)
    for (const field of ["primaryMetric", "continuityShare", "salt"] as const)
      if (JSON.stringify(before[field]) !== JSON.stringify(after[field]))
        return `rollout.${field} cannot change while the rollout runs; set enabled: false first`;
  return null;
}

function noTenant(): never {
  throw new TenantNotFound();
}

async function requireTenant(db: D1Database, tenantId: string): Promise<void> {
  if (!(await findTenant(db, tenantId))) noTenant();
}

function view(record: TenantRecord, secrets: Parameters<typeof configuredSecrets>[0]) {
  return {
    tenantId: record.id,
    subdomain: record.subdomain,
    settings: record.settings as Record<string, unknown>,
    configuredSecrets: configuredSecrets(secrets),
    version: record.version,
  };
}

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const { subdomain } = c.req.valid("json");
  const created = await createTenant(c.env, subdomain, new Date());
  if (created === "subdomain_taken")
    throw new ApiError(409, "subdomain_taken", `A tenant for '${subdomain}' already exists`);
  console.log(JSON.stringify({ msg: "tenant created", tenantId: created.tenantId }));
  return c.json(created, 201);
};

export const getSettings: AppRouteHandler<GetSettingsRoute> = async (c) => {
  const tenant = (await loadTenant(c.env, c.req.valid("param").tenantId)) ?? noTenant();
  return c.json(view(tenant.record, tenant.secrets), 200);
};

export const putSettings: AppRouteHandler<PutSettingsRoute> = async (c) => {
  const { tenantId } = c.req.valid("param");
  const update = c.req.valid("json");
  // Read fresh (not from the isolate cache) so the compare-and-set sees the latest version.
  const tenant = (await loadTenant(c.env, tenantId, { fresh: true })) ?? noTenant();
  const merged = mergeSettings(
    { visible: tenant.record.settings, secrets: tenant.secrets },
    update,
  );
  const problem = rolloutProblem(tenant.record.settings.rollout, merged.visible.rollout);
  if (problem) throw new ApiError(422, "rollout_invalid", problem);
  const saved = await saveSettings(c.env.DB, tenantId, {
    settings: merged.visible,
    secretsSealed: await sealSecrets(c.env, tenantId, merged.secrets),
    expectedVersion: tenant.record.version,
    now: new Date().toISOString(),
  });
  forgetTenant(tenantId);
  if (!saved)
    throw new ApiError(
      409,
      "settings_conflict",
      "The settings changed while saving; read them again and retry",
    );
  const record = (await findTenant(c.env.DB, tenantId)) ?? noTenant();
  console.log(
    JSON.stringify({ msg: "tenant settings updated", tenantId, sections: Object.keys(update) }),
  );
  return c.json(view(record, merged.secrets), 200);
};

export const rotateSecret: AppRouteHandler<RotateSecretRoute> = async (c) => {
  const appSecret =
    (await rotateAppSecret(c.env, c.req.valid("param").tenantId, new Date())) ?? noTenant();
  return c.json({ appSecret }, 200);
};

export const backlog: AppRouteHandler<BacklogRoute> = async (c) => {
  const { tenantId } = c.req.valid("param");
  await requireTenant(c.env.DB, tenantId);
  const [deliveries, owed, outbox] = await Promise.all([
    countUnsettled(c.env.DB, tenantId),
    countOwedRuns(c.env.DB, tenantId),
    countOutbox(c.env.DB, tenantId),
  ]);
  return c.json(
    {
      deliveries: { queued: deliveries.queued, failed: deliveries.failed },
      agentRuns: { owed },
      outbox,
      settled: deliveries.queued === 0 && owed === 0 && outbox.pending === 0,
    },
    200,
  );
};

export const failedDeliveries: AppRouteHandler<FailedDeliveriesRoute> = async (c) => {
  const { tenantId } = c.req.valid("param");
  await requireTenant(c.env.DB, tenantId);
  const failed = await listFailed(c.env.DB, tenantId);
  return c.json({ deliveries: failed.map(({ sealedEvent: _sealed, ...rest }) => rest) }, 200);
};

export const replayDeliveries: AppRouteHandler<ReplayDeliveriesRoute> = async (c) => {
  const { tenantId } = c.req.valid("param");
  await requireTenant(c.env.DB, tenantId);
  const now = new Date();
  let replayed = 0;
  const lease = leaseFrom(c.env, now).until;
  for (const failed of await listFailed(c.env.DB, tenantId)) {
    if (!failed.sealedEvent) continue;
    const event = await openEvent(c.env, tenantId, failed.sealedEvent);
    if (await requeueFailed(c.env.DB, tenantId, failed.source, failed.eventId, lease)) {
      await c.env.INGEST_QUEUE.send(ingestMessage(tenantId, event, true));
      replayed++;
    }
  }
  // Accepted events whose queue message was lost are replayed too, without waiting for the cron.
  const { requeued } = await requeueStuckDeliveries(c.env, now, tenantId);
  return c.json({ replayed: replayed + requeued }, 202);
};

const entry = ({
  id,
  threadId,
  kind,
  target,
  status,
  attempts,
  lastError,
  createdAt,
  sentAt,
}: OutboxRow) => ({
  id,
  threadId,
  kind,
  target,
  status,
  attempts,
  lastError,
  createdAt,
  sentAt,
});

export const outbox: AppRouteHandler<OutboxRoute> = async (c) => {
  const { tenantId } = c.req.valid("param");
  await requireTenant(c.env.DB, tenantId);
  const rows = await listOutbox(c.env.DB, tenantId, c.req.valid("query").status);
  return c.json({ outbox: rows.map(entry) }, 200);
};

export const replayOutbox: AppRouteHandler<ReplayOutboxRoute> = async (c) => {
  const { tenantId, outboxId } = c.req.valid("param");
  await requireTenant(c.env.DB, tenantId);
  if (!(await requeueOutbox(c.env.DB, tenantId, outboxId, new Date().toISOString()))) {
    throw new ApiError(404, "not_failed", "No failed outbox row with this id");
  }
  await c.env.OUTBOX_QUEUE.send(outboxMessage(tenantId, outboxId));
  return c.json({ replayed: true as const }, 202);
};
