import { z } from "@hono/zod-openapi";
import { eventTime } from "../../contracts/event-time";

const id = z.union([z.string(), z.number()]).transform(String);
const optionalId = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || v === "" ? null : String(v)));

/** Ticket snapshot carried by every `zen:event-type:ticket.*` event. Field case varies: compare loosely. */
export const ZendeskTicketDetail = z.object({
  id,
  requester_id: optionalId,
  submitter_id: optionalId,
  assignee_id: optionalId,
  status: z.string().optional(),
  subject: z.string().nullish(),
  description: z.string().nullish(),
  via: z.object({ channel: z.string() }).partial().nullish(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});

/** Zendesk event-subscription webhook envelope. */
export const ZendeskEventWebhook = z
  .object({
    id: z.string().min(1).max(200),
    type: z.string().regex(/^zen:event-type:/, "must be a zen:event-type:* event"),
    account_id: z.number().or(z.string()).optional(),
    subject: z.string().optional(),
    time: eventTime(),
    zendesk_event_version: z.string().optional(),
    detail: ZendeskTicketDetail,
    event: z.record(z.string(), z.unknown()).nullish(),
  })
  .openapi("ZendeskEventWebhook");
export type ZendeskEventWebhook = z.infer<typeof ZendeskEventWebhook>;

export const ZendeskComment = z.object({
  id,
  body: z.string().nullish(),
  is_public: z.boolean().optional(),
  author: z
    .object({ id: optionalId, is_staff: z.boolean().optional(), name: z.string().nullish() })
    .partial()
    .optional(),
});

export const ChangeOf = <T extends z.ZodType>(value: T) =>
  z.object({ current: value, previous: value.optional() });

/**
 * Body of the trigger webhook template for accounts that use triggers (docs/zendesk-setup.md).
 * Placeholders render unescaped, so the template carries ids and stamps only; text is read from the API.
 */
export const ZendeskTriggerWebhook = z
  .object({
    continuity_trigger: z.literal("v1"),
    ticket_id: z.string().regex(/^\d+$/, "must be the ticket id"),
    updated_at: z.string().min(1),
    status: z.string().optional(),
    via: z.string().optional(),
    requester_id: z.string().optional(),
    assignee_id: z.string().optional(),
    satisfaction: z.string().optional(),
  })
  .openapi("ZendeskTriggerWebhook");
export type ZendeskTriggerWebhook = z.infer<typeof ZendeskTriggerWebhook>;
