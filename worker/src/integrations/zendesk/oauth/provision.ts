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
import { ourWebhook, requiredFieldIds, webhookFor } from "./plan";

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

/** What a step's record says it did: a few flat values (an id, the installation written). */
type StepRecord = Record<string, string | number | undefined>;

/** Whether a step's record says what it would say now, key by key (stored order aside). */
function holds(recorded: unknown, result: StepRecord): boolean {
  if (typeof recorded !== "object" || recorded === null) return false;
  const held = recorded as StepRecord;
  const keys = Object.keys(result).filter((k) => result[k] !== undefined);
  return keys.length === Object.keys(held).length && keys.every((k) => held[k] === result[k]);
}

/**
 * Sets an account up, step by step, recording each step's result: the tenant, the sealed token,
 * one event webhook, its signing secret (sealed), the app secret written into the installation's
 * secure setting, and the ids of the ticket fields the app's requirements made. A recorded step
 * that still holds is not done again, so a second Connect creates nothing twice and a failed one
 * resumes where it stopped.
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
  /**
   * A step whose record already says `result` is `kept` and not done again; otherwise its work
   * is done and `result` recorded, in that order, so a failure in between does it again next
   * time rather than never.
   */
  const once = async (
    step: StepName,
    result: StepRecord,
    work: () => Promise<unknown>,
    outcome: StepReport["outcome"],
  ) => {
    const kept = holds(done.get(step), result);
    if (!kept)
      await run(step, async () => {
        await work();
        await p.records.recordStep(tenantId, INTEGRATION, step, result, p.now);
      });
    steps.push({ step, outcome: kept ? "kept" : outcome });
  };

  // Listed every time (a read): an admin may have deleted the webhook since, and a create whose
  // answer was lost left one we must find rather than make again.
  const endpoint = p.endpointFor(tenantId);
  const webhook = await run("webhook", async () => {
    const found = ourWebhook(await listWebhooks(p.api, token), endpoint);
    if (found) return { id: found.id, outcome: "found" as const };
    const made = await createWebhook(p.api, token, webhookFor(endpoint));
    return { id: made.id, outcome: "created" as const };
  });
  await once("webhook", { id: webhook.id }, async () => undefined, webhook.outcome);

  // Read once per webhook: a new webhook has a new secret.
  await once(
    "signing_secret",
    { webhookId: webhook.id },
    async () => {
      const secret = await signingSecret(p.api, token, webhook.id);
      await p.records.saveSettings(tenantId, "zendesk", { webhookSecret: secret });
    },
    "done",
  );

  // A fresh secret each time this step runs: nobody holds the one a failed run issued, and the
  // installation is the only place it goes. No person ever sees or copies it.
  await once(
    "app_secret",
    { installationId: p.installationId },
    async () => {
      const appSecret = await p.records.issueAppSecret(tenantId, p.now);
      await updateInstallationSettings(p.api, token, p.installationId, { appSecret });
    },
    "done",
  );

  // Read every time (a read): a reinstall makes the fields again with new ids.
  const fields = await run("ticket_fields", async () =>
    requiredFieldIds(await installationRequirements(p.api, token, p.installationId)),
  );
  if (Object.keys(fields).length === 0) steps.push({ step: "ticket_fields", outcome: "missing" });
  else
    await once(
      "ticket_fields",
      { installationId: p.installationId, ...fields },
      async () => {
        // The section's customFields are replaced whole: keep the ids an operator mapped by hand.
        const current = (await p.records.findTenant(p.subdomain))?.config.zendesk.customFields;
        await p.records.saveSettings(tenantId, "zendesk", {
          customFields: { ...current, ...fields },
        });
      },
      "found",
    );
  return { tenantId, webhookId: webhook.id, steps };
}
