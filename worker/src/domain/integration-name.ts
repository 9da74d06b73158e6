/**
 * The name an integration is registered under (worker/src/integrations/registry.ts): `zendesk`,
 * `sunco`, `channel` (Continuity's own event format), … Stored with what came through it, so a
 * name never changes once used.
 */
export type IntegrationName = string;
