import type { HttpClient } from "../../connectors/http";

/** What the Worker's configuration says about the Marketplace app it runs for. */
export interface MarketplaceIdentity {
  ZENDESK_MARKETPLACE_NAME?: string;
  ZENDESK_MARKETPLACE_ORGANIZATION_ID?: string;
  ZENDESK_MARKETPLACE_APP_ID?: string;
}

/**
 * Zendesk requires every request a Marketplace app's own server makes to its API to carry these
 * three headers (developer docs, "Request header requirements for Marketplace apps"), and checks
 * them on a test account before approving the app. Unset values are left out rather than sent
 * empty.
 */
export function marketplaceHeaders(identity: MarketplaceIdentity): Record<string, string> {
  const headers: Record<string, string> = {};
  if (identity.ZENDESK_MARKETPLACE_NAME)
    headers["x-zendesk-marketplace-name"] = identity.ZENDESK_MARKETPLACE_NAME;
  if (identity.ZENDESK_MARKETPLACE_ORGANIZATION_ID)
    headers["x-zendesk-marketplace-organization-id"] = identity.ZENDESK_MARKETPLACE_ORGANIZATION_ID;
  if (identity.ZENDESK_MARKETPLACE_APP_ID)
    headers["x-zendesk-marketplace-app-id"] = identity.ZENDESK_MARKETPLACE_APP_ID;
  return headers;
}

/**
 * The one way the Worker reaches Zendesk: every reader, writer and account call is built on this
 * client, so the Marketplace headers go with all of them and none can forget them.
 */
export function zendeskHttp(
  identity: MarketplaceIdentity,
  fetcher: typeof fetch = fetch,
  timeoutMs?: number,
): HttpClient {
  const headers = marketplaceHeaders(identity);
  const withHeaders: typeof fetch = (input, init) => {
    const merged = new Headers(init?.headers);
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    return fetcher(input, { ...init, headers: merged });
  };
  return { service: "Zendesk", fetch: withHeaders, ...(timeoutMs !== undefined && { timeoutMs }) };
}
