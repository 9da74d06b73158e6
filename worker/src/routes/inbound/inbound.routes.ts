import { createRoute } from "@hono/zod-openapi";
import { TenantParams } from "../../contracts/path-params";
import { AcceptedSchema, GenericChannelEventSchema } from "../../contracts/channel-event";
import { errorContent, jsonContent } from "../../contracts/errors";
import { inbound } from "../../integrations/registry";

const tags = ["Inbound"];
const responses = {
  200: jsonContent(
    AcceptedSchema,
    "Nothing new: every event was a redelivery or of a kind Continuity ignores",
  ),
  202: jsonContent(AcceptedSchema, "Queued for processing"),
  400: errorContent("The body is not JSON"),
  401: errorContent("The sender could not be verified; nothing was stored"),
  404: errorContent("No such tenant"),
  413: errorContent("The body is too large"),
  422: errorContent("The body does not follow the contract; nothing was stored"),
  503: errorContent("The event could not be queued; retry"),
};

// Webhook bodies are documented by reference and parsed by the handler, after the signature check:
// letting the framework validate them first would parse unverified input.
export const zendesk = createRoute({
  method: "post",
  path: "/v1/webhooks/zendesk/{tenantId}",
  tags,
  summary: "Zendesk event-subscription and trigger webhooks",
  description:
    "Verified with X-Zendesk-Webhook-Signature (base64 HMAC-SHA256 over X-Zendesk-Webhook-Signature-Timestamp + raw body) " +
    "within a 300 s window. Deduplicated by the event id, or by ticket id + update stamp for the trigger template.",
  middleware: [inbound.zendesk.verify] as const,
  request: {
    params: TenantParams,
    body: {
      content: {
        "application/json": {
          schema: {
            oneOf: [
              { $ref: "#/components/schemas/ZendeskEventWebhook" },
              { $ref: "#/components/schemas/ZendeskTriggerWebhook" },
            ],
          },
        },
      },
      required: true,
    },
  },
  responses,
});

export const sunco = createRoute({
  method: "post",
  path: "/v1/webhooks/sunco/{tenantId}",
  tags,
  summary: "Sunshine Conversations v2 webhooks",
  description: "Verified with X-API-Key. Each event in the delivery is deduplicated by its id.",
  middleware: [inbound.sunco.verify] as const,
  request: {
    params: TenantParams,
    body: {
      content: { "application/json": { schema: { $ref: "#/components/schemas/SuncoWebhook" } } },
      required: true,
    },
  },
  responses,
});

export const channel = createRoute({
  method: "post",
  path: "/v1/channels/{tenantId}/events",
  tags,
  summary: "Events from any other channel (own IVR, own web chat, a CRM)",
  description:
    "Verified with X-Signature: hex HMAC-SHA256 of the raw body, keyed with the tenant's app secret. Deduplicated by `id`.",
  middleware: [inbound.channel.verify] as const,
  request: {
    params: TenantParams,
    body: {
      content: { "application/json": { schema: GenericChannelEventSchema } },
      required: true,
    },
  },
  responses,
});

export type ZendeskRoute = typeof zendesk;
export type SuncoRoute = typeof sunco;
export type ChannelRoute = typeof channel;
