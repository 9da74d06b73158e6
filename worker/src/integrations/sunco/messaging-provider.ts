import type { IntegrationDeps, MessagingProvider } from "../ports";
import type { TenantConfig } from "../../tenancy/tenant-config";
import { SuncoClient } from "./client";

/** Sunshine Conversations as the tenant's messaging provider. */
export function suncoMessagingProvider(
  tenant: TenantConfig,
  deps: IntegrationDeps,
): MessagingProvider {
  const client = new SuncoClient(tenant.sunco, deps.fetcher ?? fetch);
  return {
    messageHeld: (conversationId, key) => client.findMessage(conversationId, key),
    async postMessage(conversationId, text, key) {
      return { kind: "done", remoteId: await client.postMessage(conversationId, text, key) };
    },
    async passControl(conversationId, metadata) {
      await client.passControl(conversationId, metadata);
      return { kind: "done", remoteId: null };
    },
    async releaseControl(conversationId, metadata) {
      await client.releaseControl(conversationId, metadata);
      return { kind: "done", remoteId: null };
    },
  };
}
