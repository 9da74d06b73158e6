import { z } from "@hono/zod-openapi";
import type { ContextView } from "../domain/context-view";
import { CHANNELS, TICKET_STATUSES } from "../domain/channel-event";
import { IDENTITY_LEVELS } from "../domain/identity-level";

const Channel = z.enum(CHANNELS);
const Level = z.enum(IDENTITY_LEVELS);
const SignalKind = z.enum(["email", "phone", "order", "external_id", "zendesk_user", "name_zip"]);
const Link = z.object({ kind: z.enum(["session", "ticket"]), id: z.string() });

export const ContextSchema = z
  .object({
    thread: z.object({
      id: z.string().openapi({ example: "THR-7K2M9QXA" }),
      status: z.enum(["open", "solved", "closed"]),
      customerId: z.string().nullable(),
      openedAt: z.string(),
      lastEventAt: z.string(),
    }),
    identity: z.object({
      level: Level,
      contactId: z.string(),
      channel: Channel,
      customerId: z.string().nullable(),
      identifiers: z.array(
        z.object({
          kind: SignalKind,
          masked: z.string().openapi({ example: "m***@example.com" }),
          matched: z.boolean(),
          source: z.string(),
        }),
      ),
      support: z
        .array(SignalKind)
        .openapi({ description: "Kinds of evidence that point at this customer alone." }),
      verification: z
        .object({
          method: z.string(),
          passedAt: z.string(),
          expiresAt: z.string(),
          expired: z.boolean(),
        })
        .nullable(),
      conflict: z
        .object({
          reason: z.enum(["contradicting_signals", "shared_identifier"]),
          signals: z.array(
            z.object({ kind: SignalKind, masked: z.string(), owners: z.array(z.string()) }),
          ),
        })
        .nullable(),
      candidates: z
        .array(z.string())
        .openapi({ description: "Customers a person should choose between." }),
    }),
    contacts: z.array(
      z.object({
        id: z.string(),
        channel: Channel,
        joinedAt: z.string(),
        level: Level,
        links: z.array(Link),
      }),
    ),
    tickets: z.array(
      z.object({
        id: z.string(),
        channel: Channel,
        status: z.enum(TICKET_STATUSES).nullable(),
        assigneeId: z.string().nullable(),
        current: z.boolean(),
      }),
    ),
    sessions: z.array(z.object({ id: z.string(), channel: Channel, current: z.boolean() })),
    channels: z.array(Channel),
    timeline: z.array(
      z.object({
        at: z.string(),
        key: z.string(),
        kind: z.enum([
          "contact",
          "channel_switch",
          "message",
          "artifact",
          "ticket",
          "control",
          "verification",
          "risk",
          "candidates",
        ]),
        channel: Channel.optional(),
        contactId: z.string().optional(),
        text: z.string(),
      }),
    ),
    artifacts: z.array(
      z.object({
        kind: z.string(),
        url: z.string(),
        sha256: z.string().optional(),
        at: z.string(),
        channel: Channel,
      }),
    ),
    riskFlags: z.array(z.enum(["identity_conflict"])),
    risks: z.array(
      z.object({
        flag: z.enum(["identity_conflict"]),
        reason: z.string(),
        at: z.string(),
        contactId: z.string().optional(),
      }),
    ),
    candidates: z.array(
      z.object({
        threadId: z.string(),
        reason: z.enum([
          "same_order",
          "same_artifact",
          "open_thread",
          "reopen",
          "identity_conflict",
        ]),
      }),
    ),
    control: z.enum(["ai", "human"]),
    workflow: z.null(),
    offset: z.number().int(),
    version: z.number().int(),
  })
  .openapi("Context");

// The handler returns the domain's view; this fails to compile if the two drift apart.
export type ContextContract = z.infer<typeof ContextSchema>;
const _sameShape: (view: ContextView) => ContextContract = (view) => view;
void _sameShape;

export const ThreadEventsSchema = z
  .object({
    threadId: z.string(),
    events: z.array(
      z.object({
        offset: z.number().int(),
        recordedAt: z.string(),
        event: z.record(z.string(), z.unknown()),
      }),
    ),
    nextAfter: z.number().int().openapi({ description: "Pass as `after` to read on." }),
    head: z.number().int().openapi({ description: "Offset of the newest event." }),
  })
  .openapi("ThreadEvents");
