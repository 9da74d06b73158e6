import type { OutboxKind, OutboxOperation } from "../store/outbox";
import type { TenantConfig } from "../tenancy/tenant-config";
import { genericInbound } from "./generic/inbound";
import type {
  InboundChannel,
  IntegrationDeps,
  KnowledgeSource,
  KnowledgeSourceFactory,
  MessagingProvider,
  MessagingProviderFactory,
  TicketSystem,
  TicketSystemFactory,
} from "./ports";
import { suncoInbound } from "./sunco/inbound";
import { suncoMessagingProvider } from "./sunco/messaging-provider";
import { webChatMessagingProvider } from "./webchat/messaging-provider";
import { zendeskHelpCenter } from "./zendesk/help-center";
import { zendeskInbound } from "./zendesk/inbound";
import { zendeskAccountRouter } from "./zendesk/oauth/oauth.index";
import { zendeskTicketSystem } from "./zendesk/ticket-system";

/**
 * Every integration by name. A name is stored (in `ChannelEvent.source`, a contact's origin, the
 * dedupe table and outbox kinds), so a registered name never changes.
 */
export const inbound = {
  zendesk: zendeskInbound,
  sunco: suncoInbound,
  channel: genericInbound,
} as const;

const inboundChannels = new Map<string, InboundChannel<never>>(
  Object.values(inbound).map((channel) => [channel.name, channel as InboundChannel<never>]),
);
const ticketSystems = new Map<string, TicketSystemFactory>([["zendesk", zendeskTicketSystem]]);
const messagingProviders = new Map<string, MessagingProviderFactory>([
  ["sunco", suncoMessagingProvider],
  ["webchat", webChatMessagingProvider],
]);
/**
 * Conversations that reach a contact on file, where a one-time code proves something. The web
 * chat page is not one: a code shown in the chat that asked for it proves nothing.
 */
const codeCarriers = new Set<string>(["sunco"]);

/** Routes through which an admin connects their account's integrations (OAuth and provisioning). */
export const accountRouters = [zendeskAccountRouter] as const;

const knowledgeSources = new Map<string, KnowledgeSourceFactory>([
  ["zendesk_help_center", zendeskHelpCenter],
]);

export function inboundChannelNamed(name: string): InboundChannel<never> | undefined {
  return inboundChannels.get(name);
}

export function registerTicketSystem(name: string, factory: TicketSystemFactory): void {
  ticketSystems.set(name, factory);
}

export function registerMessagingProvider(name: string, factory: MessagingProviderFactory): void {
  messagingProviders.set(name, factory);
}

export function ticketSystemNamed(
  name: string,
  tenant: TenantConfig,
  deps: IntegrationDeps,
): TicketSystem {
  const factory = ticketSystems.get(name);
  if (!factory) throw new Error(`no ticket system is registered as ${name}`);
  return factory(tenant, deps);
}

export function messagingProviderNamed(
  name: string,
  tenant: TenantConfig,
  deps: IntegrationDeps,
): MessagingProvider {
  const factory = messagingProviders.get(name);
  if (!factory) throw new Error(`no messaging provider is registered as ${name}`);
  return factory(tenant, deps);
}

/** Whether a contact that came in through `origin` can be answered in its conversation. */
export function isMessagingProvider(origin: string | null | undefined): origin is string {
  return origin != null && messagingProviders.has(origin);
}

/** Whether a one-time code sent in a conversation that came through `origin` proves anything. */
export function carriesCodes(origin: string | null | undefined): boolean {
  return origin != null && codeCarriers.has(origin);
}

/** Every tenant's tickets live in Zendesk: the sidebar is a Zendesk app. */
export function ticketSystemNameOf(_tenant: TenantConfig): string {
  return "zendesk";
}

export function ticketSystemOf(tenant: TenantConfig, deps: IntegrationDeps): TicketSystem {
  return ticketSystemNamed(ticketSystemNameOf(tenant), tenant, deps);
}

/**
 * The tenant's knowledge source: its Zendesk Help Center (every tenant has a Zendesk account).
 */
export function knowledgeSourceOf(
  tenant: TenantConfig,
  deps: IntegrationDeps,
): KnowledgeSource | null {
  return knowledgeSources.get("zendesk_help_center")!(tenant, deps);
}

const OPERATIONS: readonly OutboxOperation[] = [
  "pass_control",
  "release_control",
  "message",
  "comment",
  "note",
];

export function outboxKind(integration: string, operation: OutboxOperation): OutboxKind {
  return `${integration}_${operation}`;
}

/** Which integration an outbox row is for, and what it writes there. */
export function outboxOperation(kind: OutboxKind): {
  integration: string;
  operation: OutboxOperation;
} {
  const operation = OPERATIONS.find((op) => kind.endsWith(`_${op}`));
  if (!operation) throw new Error(`outbox kind ${kind} names no operation`);
  return { integration: kind.slice(0, -operation.length - 1), operation };
}
