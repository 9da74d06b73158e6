import { z } from "@hono/zod-openapi";
import { CHANNELS } from "../domain/channel-event";
import { IDENTIFIER_TYPES } from "../domain/identifiers";
import { eventTime } from "./event-time";

const isoTime = z.iso.datetime({ offset: true });
const externalId = z
  .union([z.string().min(1).max(200), z.number().int().nonnegative()])
  .transform(String);

export const IdentifierSchema = z.object({
  type: z.enum(IDENTIFIER_TYPES),
  value: z.string().min(1).max(320),
});

export const ArtifactSchema = z.object({
  kind: z.string().min(1).max(40),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters")
    .optional(),
});

/** `POST /v1/channels/{tenantId}/events` (DESIGN §3). Unknown fields are ignored for forward compatibility. */
export const GenericChannelEventSchema = z
  .object({
    id: z.string().min(1).max(200),
    channel: z.enum(CHANNELS),
    occurredAt: eventTime(),
    sessionId: z.string().min(1).max(200).optional(),
    ticketId: externalId.optional(),
    identifiers: z.array(IdentifierSchema).max(20).default([]),
    message: z
      .object({
        author: z.enum(["customer", "agent", "bot"]).default("customer"),
        text: z.string().max(20_000),
      })
      .optional(),
    artifacts: z.array(ArtifactSchema).max(20).default([]),
    verification: z.object({ method: z.string().min(1).max(40), passedAt: isoTime }).optional(),
    consent: z
      .object({ recording: z.boolean().optional(), dataUse: z.boolean().optional() })
      .optional()
      .openapi({
        description:
          "What the customer agreed to on this contact. Without data-use consent (or, on a call, recording consent) the transcript is not stored; only structured outcomes are.",
      }),
  })
  .openapi("ChannelEvent", {
    example: {
      id: "evt-123",
      channel: "voice",
      occurredAt: "2026-03-01T10:00:00Z",
      sessionId: "VC-18b9",
      identifiers: [{ type: "phone", value: "+14155550100" }],
      message: { author: "customer", text: "Calling about order #18422" },
      ticketId: "103",
      artifacts: [],
    },
  });
export type GenericChannelEvent = z.infer<typeof GenericChannelEventSchema>;

export const AcceptedSchema = z
  .object({
    accepted: z.number().int().openapi({ description: "Events queued for processing." }),
    duplicates: z
      .number()
      .int()
      .openapi({ description: "Events already received; nothing changed." }),
    ignored: z
      .number()
      .int()
      .openapi({ description: "Verified events of a kind Continuity does not act on." }),
  })
  .openapi("Accepted");
