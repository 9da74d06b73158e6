import type { RawIdentifier } from "./identifiers";
import type { VerificationRecord } from "./identity-level";
import type { IntegrationName } from "./integration-name";

export const CHANNELS = [
  "web_chat",
  "messaging",
  "whatsapp",
  "sms",
  "email",
  "voice",
  "social",
  "api",
] as const;
export type Channel = (typeof CHANNELS)[number];

export const TICKET_STATUSES = ["new", "open", "pending", "hold", "solved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export type MessageAuthor = "customer" | "agent" | "bot";
export type ControlOwner = "ai" | "human";

export interface Artifact {
  kind: string;
  url: string;
  sha256?: string;
}

/**
 * The one shape every inbound source is turned into (each integration's `map.ts` does the
 * turning). Nothing past the integrations sees a vendor payload.
 */
export interface ChannelEvent {
  /** The inbound channel it came through. */
  source: IntegrationName;
  /** The sender's event id: the dedupe key. */
  eventId: string;
  /** Event time. Windows and expiries are judged at this instant, never at processing time. */
  occurredAt: string;
  channel: Channel;
  sessionId?: string;
  ticketId?: string;
  identifiers: RawIdentifier[];
  /** `id` is the sender's message id when it has one: the same message seen twice is one fact. */
  message?: {
    id?: string;
    author: MessageAuthor;
    text: string;
    public: boolean;
    /** A person writing from the sidebar: the first name the customer is shown. */
    writer?: string;
  };
  artifacts: Artifact[];
  verification?: VerificationRecord;
  ticket?: {
    status?: TicketStatus;
    assigneeId?: string | null;
    /** The ticket system's requester: their profile's emails and phones are read before stitching. */
    requesterId?: string;
    subject?: string;
    /** A satisfaction rating the customer gave (for CSAT). */
    satisfaction?: "good" | "bad";
  };
  control?: { owner: ControlOwner; reason: string };
  /** What the customer agreed to on this contact: recording (calls) and use of what they say. */
  consent?: ConsentSignal;
  /** The sender sent ids only (a trigger template): its integration reads the ticket's text. */
  incomplete?: "ticket";
}

/** A contact is one conversation on one channel: a chat session, a call, a ticket. */
export function contactKey(
  event: Pick<ChannelEvent, "sessionId" | "ticketId" | "eventId" | "source">,
): string {
  if (event.sessionId) return `session:${event.sessionId}`;
  if (event.ticketId) return `ticket:${event.ticketId}`;
  return `event:${event.source}:${event.eventId}`;
}

export function linksOf(event: Pick<ChannelEvent, "sessionId" | "ticketId">): ThreadLink[] {
  const links: ThreadLink[] = [];
  if (event.sessionId) links.push({ kind: "session", id: event.sessionId });
  if (event.ticketId) links.push({ kind: "ticket", id: event.ticketId });
  return links;
}

export interface ThreadLink {
  kind: "session" | "ticket";
  id: string;
}

export interface ConsentSignal {
  recording?: boolean;
  dataUse?: boolean;
}
