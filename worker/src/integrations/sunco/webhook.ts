import { z } from "@hono/zod-openapi";
import { eventTime } from "../../contracts/event-time";

export const SuncoEvent = z.object({
  id: z.string().min(1).max(200),
  type: z.string().min(1),
  createdAt: eventTime(),
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type SuncoEvent = z.infer<typeof SuncoEvent>;

/** Sunshine Conversations v2 webhook delivery: several events may arrive in one request. */
export const SuncoWebhook = z
  .object({
    app: z.object({ id: z.string() }),
    webhook: z.object({ id: z.string(), version: z.string().optional() }).optional(),
    events: z.array(SuncoEvent).min(1).max(100),
  })
  .openapi("SuncoWebhook");
export type SuncoWebhook = z.infer<typeof SuncoWebhook>;

const Integration = z
  .object({
    id: z.string().optional(),
    name: z.string().optional(),
    integrationType: z.string().optional(),
  })
  .partial();

export const SuncoConversation = z.object({
  id: z.string().min(1),
  type: z.string().optional(),
  activeSwitchboardIntegration: Integration.nullish(),
});

export const SuncoMessagePayload = z.object({
  conversation: SuncoConversation,
  message: z.object({
    id: z.string().min(1),
    received: z.string().optional(),
    author: z.object({
      type: z.enum(["user", "business"]),
      userId: z.string().optional(),
      displayName: z.string().optional(),
      user: z
        .object({
          id: z.string().optional(),
          externalId: z.string().nullish(),
          authenticated: z.boolean().optional(),
          profile: z.object({ email: z.string().nullish() }).partial().nullish(),
        })
        .partial()
        .optional(),
    }),
    /** Message metadata; Continuity reads consent from `continuity_consent_*` keys. */
    metadata: z.record(z.string(), z.unknown()).nullish(),
    content: z.object({
      type: z.string(),
      text: z.string().optional(),
      mediaUrl: z.string().optional(),
      altText: z.string().optional(),
    }),
    source: z
      .object({
        type: z.string().optional(),
        integrationId: z.string().optional(),
        client: z
          .object({ externalId: z.string().nullish(), type: z.string().optional() })
          .partial()
          .nullish(),
      })
      .partial()
      .optional(),
  }),
});

export const SuncoSwitchboardPayload = z.object({
  conversation: SuncoConversation,
  metadata: z.record(z.string(), z.unknown()).nullish(),
  reason: z.string().optional(),
});
