import type { RetentionConfig } from "../../../tenancy/tenant-config";
import type { AccountRecords } from "../../ports";
import { deleteWebhook, revokeToken, type AccountApi } from "./account-api";
import { INTEGRATION } from "./provision";

export interface Disconnection {
  api: AccountApi;
  records: AccountRecords;
  /** The admin's token from this round trip, proven to be an admin's of this account. */
  adminToken: string;
  tenantId: string;
  /** The token the tenant had been connected with, if it was connected with OAuth. */
  storedToken: string | null;
}

export interface DisconnectReport {
  removed: { webhooks: string[]; triggers: string[] };
  tokensRevoked: number;
}

/**
 * Removes what Connect made in the account (the webhook; Connect makes no triggers) and revokes
 * both tokens: the one the tenant held and the one this round trip issued. The tenant and its
 * data stay until retention ends or erasure is asked for; the provisioning record goes, so a
 * later Connect starts afresh.
 */
export async function disconnect(d: Disconnection): Promise<DisconnectReport> {
  const done = await d.records.steps(d.tenantId, INTEGRATION);
  const webhook = done.get("webhook") as { id: string } | undefined;
  const webhooks: string[] = [];
  if (webhook) {
    await deleteWebhook(d.api, d.adminToken, webhook.id);
    webhooks.push(webhook.id);
  }
  await d.records.saveSettings(d.tenantId, "zendesk", {
    oauthToken: null,
    oauthRefreshToken: null,
    oauthExpiresAt: null,
    webhookSecret: null,
  });
  await d.records.forgetSteps(d.tenantId, INTEGRATION);
  await d.records.endAdminSessions(d.tenantId);
  let tokensRevoked = 0;
  for (const token of new Set([d.storedToken, d.adminToken].filter((t): t is string => !!t))) {
    await revokeToken(d.api, token);
    tokensRevoked++;
  }
  return { removed: { webhooks, triggers: [] }, tokensRevoked };
}

/** What a disconnect leaves: the tenant's data, until retention or erasure removes it. */
export function retentionNotice(retention: RetentionConfig) {
  return {
    kept: true as const,
    until: "retention" as const,
    message: `Threads, notes and audit entries stay until retention removes them (messages after ${retention.messagesDays} days, identifiers after ${retention.identifiersDays}, audit after ${retention.auditDays}); ask for erasure to remove a customer's data sooner.`,
  };
}
