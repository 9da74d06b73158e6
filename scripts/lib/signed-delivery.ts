import { createHmac } from "node:crypto";

/** What a vendor would send: the path on the Worker, the signed headers and the raw body. */
export interface SignedDelivery {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface DeliverySecrets {
  tenantId: string;
  appSecret: string;
  zendeskWebhookSecret: string;
  suncoWebhookSecret: string;
}

/** A generic channel event, signed with the app secret (DESIGN §3). */
export function channelDelivery(event: unknown, secrets: DeliverySecrets): SignedDelivery {
  const body = JSON.stringify(event);
  return {
    path: `/v1/channels/${secrets.tenantId}/events`,
    headers: {
      "content-type": "application/json",
      "x-signature": createHmac("sha256", secrets.appSecret).update(body).digest("hex"),
    },
    body,
  };
}

/** A Zendesk webhook, signed the way Zendesk signs: base64(HMAC(secret, timestamp + body)). */
export function zendeskDelivery(
  event: unknown,
  secrets: DeliverySecrets,
  now = new Date(),
): SignedDelivery {
  const body = JSON.stringify(event);
  const timestamp = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    path: `/v1/webhooks/zendesk/${secrets.tenantId}`,
    headers: {
      "content-type": "application/json",
      "x-zendesk-webhook-signature": createHmac("sha256", secrets.zendeskWebhookSecret)
        .update(timestamp + body)
        .digest("base64"),
      "x-zendesk-webhook-signature-timestamp": timestamp,
    },
    body,
  };
}

/** A Sunshine Conversations webhook: the webhook secret travels as X-API-Key. */
export function suncoDelivery(event: unknown, secrets: DeliverySecrets): SignedDelivery {
  return {
    path: `/v1/webhooks/sunco/${secrets.tenantId}`,
    headers: { "content-type": "application/json", "x-api-key": secrets.suncoWebhookSecret },
    body: JSON.stringify(event),
  };
}
