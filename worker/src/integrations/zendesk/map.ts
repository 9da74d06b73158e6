import { eventTimeProblem } from "../../contracts/event-time";
import { z } from "@hono/zod-openapi";
import type { Channel, ChannelEvent, TicketStatus } from "../../domain/channel-event";
import { TICKET_STATUSES } from "../../domain/channel-event";
import {
  ChangeOf,
  ZendeskComment,
  type ZendeskEventWebhook,
  type ZendeskTriggerWebhook,
} from "./webhook";
import { toIso } from "../../domain/time";

/** Zendesk `via` types as Continuity channels. Unknown sources count as API traffic. */
const VIA: Record<string, Channel> = {
  email: "email",
  mail: "email",
  web: "email",
  web_form: "email",
  web_widget: "web_chat",
  chat: "web_chat",
  chat_transcript: "web_chat",
  native_messaging: "messaging",
  sunshine_conversations_api: "messaging",
  mobile_sdk: "messaging",
  whatsapp: "whatsapp",
  sms: "sms",
  text: "sms",
  voice: "voice",
  phone_call_inbound: "voice",
  phone_call_outbound: "voice",
  voicemail: "voice",
  facebook: "social",
  twitter: "social",
  instagram_dm: "social",
};

export function channelOfVia(via: string | null | undefined): Channel {
  return (via && VIA[via.toLowerCase()]) || "api";
}

export function ticketStatus(value: string | null | undefined): TicketStatus | undefined {
  const status = value?.toLowerCase();
  return (TICKET_STATUSES as readonly string[]).includes(status ?? "")
    ? (status as TicketStatus)
    : undefined;
}

export type ZendeskMapping =
  | { kind: "event"; event: ChannelEvent }
  | { kind: "ignored"; reason: string }
  | { kind: "invalid"; issues: z.core.$ZodIssue[] };

const StatusChange = ChangeOf(z.string());
const PersonChange = ChangeOf(
  z
    .union([z.string(), z.number(), z.null()])
    .transform((v) => (v === null || v === "" ? null : String(v))),
);

/** The description of a new ticket is its first comment; both routes to it share one message id. */
export function descriptionMessageId(ticketId: string): string {
  return `ticket-${ticketId}-description`;
}

/**
 * Turn one Zendesk event-subscription webhook into a ChannelEvent. Every ticket event carries a
 * snapshot of the ticket, so any of them can open the contact: Zendesk does not order events within
 * a sequence, and a status change may arrive before the ticket's creation.
 */
export function fromZendeskEvent(body: ZendeskEventWebhook): ZendeskMapping {
  const type = body.type.replace(/^zen:event-type:/, "");
  const detail = body.detail;
  const requester = detail.requester_id ?? undefined;
  const status = ticketStatus(detail.status);
  const snapshot: NonNullable<ChannelEvent["ticket"]> = {
    ...(status && { status }),
    assigneeId: detail.assignee_id,
    ...(requester && { requesterId: requester }),
  };
  const base = {
    source: "zendesk" as const,
    eventId: body.id,
    occurredAt: toIso(body.time),
    channel: channelOfVia(detail.via?.channel),
    ticketId: detail.id,
    identifiers: [],
    artifacts: [],
    ...(detail.assignee_id && {
      control: { owner: "human" as const, reason: "assigned to an agent" },
    }),
  };

  switch (type) {
    case "ticket.created": {
      const text = [detail.subject, detail.description].filter(Boolean).join("\n\n");
      return {
        kind: "event",
        event: {
          ...base,
          ...(text && {
            message: {
              id: descriptionMessageId(detail.id),
              author: "customer" as const,
              text,
              public: true,
            },
          }),
          ticket: snapshot,
        },
      };
    }
    case "ticket.comment_added": {
      const parsed = z.object({ comment: ZendeskComment }).safeParse(body.event ?? {});
      if (!parsed.success)
        return {
          kind: "invalid",
          issues: parsed.error.issues.map((i) => ({ ...i, path: ["event", ...i.path] })),
        };
      const { comment } = parsed.data;
      const staff = comment.author?.is_staff === true;
      const text = comment.body ?? "";
      const isDescription =
        !staff && detail.description != null && text.trim() === detail.description.trim();
      return {
        kind: "event",
        event: {
          ...base,
          ticket: snapshot,
          message: {
            id: isDescription ? descriptionMessageId(detail.id) : `comment-${comment.id}`,
            author: staff ? ("agent" as const) : ("customer" as const),
            text,
            public: comment.is_public !== false,
          },
        },
      };
    }
    case "ticket.status_changed": {
      const parsed = StatusChange.safeParse(body.event ?? {});
      const current = ticketStatus(parsed.success ? parsed.data.current : undefined) ?? status;
      return {
        kind: "event",
        event: { ...base, ticket: { ...snapshot, ...(current && { status: current }) } },
      };
    }
    case "ticket.agent_assignment_changed": {
      const parsed = PersonChange.safeParse(body.event ?? {});
      const assigneeId = parsed.success ? parsed.data.current : (detail.assignee_id ?? null);
      const { control: _snapshotControl, ...rest } = base;
      return {
        kind: "event",
        event: {
          ...rest,
          ticket: { ...snapshot, assigneeId },
          ...(assigneeId && {
            control: { owner: "human" as const, reason: "assigned to an agent" },
          }),
        },
      };
    }
    case "ticket.requester_changed": {
      const parsed = PersonChange.safeParse(body.event ?? {});
      const requesterId = (parsed.success ? parsed.data.current : requester) ?? undefined;
      if (!requesterId) return { kind: "ignored", reason: "requester removed" };
      return {
        kind: "event",
        event: { ...base, ticket: { ...snapshot, requesterId } },
      };
    }
    default:
      return { kind: "ignored", reason: `${body.type} is not an event Continuity acts on` };
  }
}

/** Turn a trigger-template delivery into a ChannelEvent; the ticket's text is fetched later. */
export function fromZendeskTrigger(body: ZendeskTriggerWebhook): ZendeskMapping {
  const at = Date.parse(body.updated_at);
  const problem = eventTimeProblem(body.updated_at);
  if (problem) {
    return {
      kind: "invalid",
      issues: [
        {
          code: "custom",
          path: ["updated_at"],
          message: Number.isNaN(at) ? "must be {{ticket.updated_at_with_timestamp}}" : problem,
          input: body.updated_at,
        },
      ],
    };
  }
  const status = ticketStatus(body.status);
  const assigneeId = body.assignee_id?.trim() || null;
  const requesterId = body.requester_id?.trim() || undefined;
  // Zendesk renders the rating as Good or Bad once given (Offered and Unoffered are not ratings).
  const rating = body.satisfaction?.trim().toLowerCase();
  const satisfaction = rating === "good" || rating === "bad" ? rating : undefined;
  return {
    kind: "event",
    event: {
      source: "zendesk",
      eventId: `trigger:${body.ticket_id}:${body.updated_at}`,
      occurredAt: new Date(at).toISOString(),
      channel: channelOfVia(body.via?.toLowerCase().replace(/\s+/g, "_")),
      ticketId: body.ticket_id,
      identifiers: [],
      artifacts: [],
      ticket: {
        ...(status && { status }),
        assigneeId,
        ...(requesterId && { requesterId }),
        ...(satisfaction && { satisfaction }),
      },
      ...(assigneeId && { control: { owner: "human" as const, reason: "assigned to an agent" } }),
      incomplete: "ticket",
    },
  };
}
