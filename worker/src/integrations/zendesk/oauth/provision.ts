import type { AccountRecords } from "../../ports";
import {
  type Grant,
  tokenSettings,
  createWebhook,
  installationRequirements,
  listWebhooks,
  signingSecret,
  updateInstallationSettings,
  type AccountApi,
} from "./account-api";
import { ourWebhook, requiredFieldIds, webhookFor, type RequiredFieldIds } from "./plan";

/** The registry name provisioning records its steps under. */
export const INTEGRATION = "zendesk";

export type StepName =
  "tenant" | "credentials" | "webhook" | "signing_secret" | "app_secret" | "ticket_fields";

export interface StepReport {
  step: StepName;
  /**
   * `done` now; `kept` when an earlier run did it and it still holds, so nothing was made again;
   * `missing` when the account lacks what the step reads (an installation without the app's
   * requirements), which is no failure.
   */
  outcome: "created" | "found" | "done" | "kept" | "missing";
}

/** A step failed: what came before it is recorded, and connecting again resumes at this step. */
export class ProvisioningStopped extends Error {
  constructor(
    readonly step: StepName,
    readonly done: StepReport[],
    override readonly cause: unknown,
  ) {
    super(
      `provisioning stopped at '${step}': ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}

export interface Provisioning {
  api: AccountApi;
  records: AccountRecords;
  /** The admin's token (and its renewal), just issued and proven to be an admin's of this account. */
  grant: Grant;
  subdomain: string;
  installationId: string;
  /** Settings that locate the account's API (subdomain; baseUrl when not Zendesk's own). */
  location: Record<string, string>;
  /** Where the account's webhook posts: the tenant's inbound Zendesk route. */
  endpointFor(tenantId: string): string;
  now: Date;
}

/** Recorded after a Connect: the admin Zendesk proved, and the scopes the token carries. */
export interface ConnectedBy {
  userId: string;
  scopes: string[];
}

interface WebhookStep {
  id: string;
}
interface SigningStep {
  webhookId: string;
}
interface AppSecretStep {
  installationId: string;
}
interface TicketFieldsStep extends RequiredFieldIds {
  installationId: string;
}

/**
 * Sets an account up, step by step, recording each step's result: the tenant, the sealed token,
 * one event webhook, its signing secret (sealed), the app secret written into the installation's
 * secure setting, and the ids of the ticket fields the app's requirements made. A recorded step that still holds is not done again, so a second
 * Connect creates nothing twice and a failed one resumes where it stopped.
 */
export async function provision(
  p: Provisioning,
): Promise<{ tenantId: string; webhookId: string; steps: StepReport[] }> {
  const steps: StepReport[] = [];
  const token = p.grant.accessToken;
  const run = async <T>(step: StepName, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new ProvisioningStopped(step, steps, error);
    }
  };

  const { tenantId, created } = await run("tenant", () => p.records.tenantFor(p.subdomain, p.now));
  steps.push({ step: "tenant", outcome: created ? "created" : "found" });

  // Every Connect brings a new token: it replaces the one sealed before (and its renewal).
  await run("credentials", () =>
    p.records.saveSettings(tenantId, "zendesk", { ...p.location, ...tokenSettings(p.grant) }),
  );
  steps.push({ step: "credentials", outcome: "done" });

  const done = await run("webhook", () => p.records.steps(tenantId, INTEGRATION));
  const endpoint = p.endpointFor(tenantId);

  // Listed every time (a read): an admin may have deleted the webhook since, and a create whose
  // answer was lost left one we must find rather than make again.
  const webhook = await run("webhook", async () => {
    const found = ourWebhook(await listWebhooks(p.api, token), endpoint);
    if (found) return { id: found.id, outcome: "found" as const };
    const made = await createWebhook(p.api, token, webhookFor(endpoint));
    return { id: made.id, outcome: "created" as const };
  });
  const recorded = done.get("webhook") as WebhookStep | undefined;
  if (recorded?.id !== webhook.id)
    await run("webhook", () =>
      p.records.recordStep(tenantId, INTEGRATION, "webhook", { id: webhook.id }, p.now),
    );
  steps.push({
    step: "webhook",
    outcome: recorded?.id === webhook.id ? "kept" : webhook.outcome,
  });

  if ((done.get("signing_secret") as SigningStep | undefined)?.webhookId === webhook.id) {
    steps.push({ step: "signing_secret", outcome: "kept" });
  } else {
    await run("signing_secret", async () => {
      const secret = await signingSecret(p.api, token, webhook.id);
      await p.records.saveSettings(tenantId, "zendesk", { webhookSecret: secret });
      await p.records.recordStep(
        tenantId,
        INTEGRATION,
        "signing_secret",
        { webhookId: webhook.id } satisfies SigningStep,
        p.now,
      );
    });
    steps.push({ step: "signing_secret", outcome: "done" });
  }

  if ((done.get("app_secret") as AppSecretStep | undefined)?.installationId === p.installationId) {
    steps.push({ step: "app_secret", outcome: "kept" });
  } else {
    // A fresh secret each time this step runs: nobody holds the one a failed run issued, and the
    // installation is the only place it goes. No person ever sees or copies it.
    await run("app_secret", async () => {
      const appSecret = await p.records.issueAppSecret(tenantId, p.now);
      await updateInstallationSettings(p.api, token, p.installationId, { appSecret });
      await p.records.recordStep(
        tenantId,
        INTEGRATION,
        "app_secret",
        { installationId: p.installationId } satisfies AppSecretStep,
        p.now,
      );
    });
    steps.push({ step: "app_secret", outcome: "done" });
  }

  // Read every time (a read): a reinstall makes the fields again with new ids.
  const fields = await run("ticket_fields", async () =>
    requiredFieldIds(await installationRequirements(p.api, token, p.installationId)),
  );
  const recordedFields = done.get("ticket_fields") as TicketFieldsStep | undefined;
  if (Object.keys(fields).length === 0) {
    steps.push({ step: "ticket_fields", outcome: "missing" });
  } else if (
    recordedFields?.installationId === p.installationId &&
    recordedFields.threadId === fields.threadId &&
    recordedFields.identityLevel === fields.identityLevel
  ) {
    steps.push({ step: "ticket_fields", outcome: "kept" });
  } else {
    await run("ticket_fields", async () => {
      // The section's customFields are replaced whole: keep the ids an operator mapped by hand.
      const current = (await p.records.findTenant(p.subdomain))?.config.zendesk.customFields;
      await p.records.saveSettings(tenantId, "zendesk", {
        customFields: { ...current, ...fields },
      });
      await p.records.recordStep(
        tenantId,
        INTEGRATION,
        "ticket_fields",
        { installationId: p.installationId, ...fields } satisfies TicketFieldsStep,
        p.now,
      );
    });
    steps.push({ step: "ticket_fields", outcome: "found" });
  }
  return { tenantId, webhookId: webhook.id, steps };
}
