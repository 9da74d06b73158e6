import type { LiveConversation } from "../domain/transfer";
import type { ThreadState } from "../domain/thread-state";
import { controlRow, type OutboxRowInput } from "../delivery/notes";
import { isMessagingProvider } from "../integrations/registry";
import type { TenantConfig } from "../tenancy/tenant-config";

/** The conversation the AI can still speak into: the customer's newest live messaging contact. */
export function liveConversation(
  state: ThreadState,
): (LiveConversation & { conversationId: string; origin: string }) | null {
  for (const contact of [...state.contacts].reverse()) {
    const session = contact.links.find((l) => l.kind === "session");
    if (!session || !isMessagingProvider(contact.origin) || contact.unconfirmed) continue;
    return {
      contactId: contact.id,
      channel: contact.channel,
      conversationId: session.id,
      origin: contact.origin,
    };
  }
  return null;
}

/**
 * A person gave the conversation back to the AI: the messaging provider must stop routing it to
 * the agent workspace too, or the AI answers a conversation the workspace still holds.
 */
export async function releaseOwed(
  env: { SECRETS_KEY: string },
  config: TenantConfig,
  before: ThreadState,
  after: ThreadState,
  version: number,
): Promise<OutboxRowInput[]> {
  if (before.control !== "human" || after.control !== "ai") return [];
  const live = liveConversation(after);
  if (!live) return [];
  return [await controlRow(env, config, after, { operation: "release_control", ...live }, version)];
}
