import { WEB_CHAT_SOURCE } from "./web-chat";
import { actorName } from "./actor";
import type { Channel, ControlOwner, ThreadLink, TicketStatus } from "./channel-event";
import { shownTimeline, type ShownEntry } from "./contact-confirmation";
import type { IdentityConflict, IdentityLevel, SignalKind } from "./identity-level";
import type { WorkflowId } from "./intent";
import type { SlotName } from "./slots";
import type { CandidateThread, ThreadStatus } from "./stitching";
import { threadLevel, workflowView, type WorkflowView } from "./workflow-view";
import { buildHandoff } from "./handoff";
import type { HandoffPayload } from "./handoff-payload";
import { summaryOf, type Summary } from "./summary";
import { threadStatus, type RiskFlagName, type ThreadState } from "./thread-state";
import type { UnconfirmedReason } from "./thread-state/state";

/** Everything the sidebar renders for one ticket or session (DESIGN §7). */
export interface ContextView {
  thread: {
    id: string;
    status: ThreadStatus;
    customerId: string | null;
    openedAt: string;
    lastEventAt: string;
  };
  identity: {
    level: IdentityLevel;
    contactId: string;
    channel: Channel;
    customerId: string | null;
    identifiers: { kind: SignalKind; masked: string; matched: boolean; source: string }[];
    support: SignalKind[];
    verification: { method: string; passedAt: string; expiresAt: string; expired: boolean } | null;
    conflict: IdentityConflict | null;
    candidates: string[];
    /** Present while this contact is unconfirmed: tied to the customer by an order number alone. */
    unconfirmed?: UnconfirmedReason;
  };
  contacts: {
    id: string;
    channel: Channel;
    joinedAt: string;
    level: IdentityLevel;
    links: ThreadLink[];
    unconfirmed?: UnconfirmedReason;
  }[];
  tickets: {
    id: string;
    channel: Channel;
    status: TicketStatus | null;
    assigneeId: string | null;
    /** The customer's latest satisfaction rating on the ticket, for CSAT. */
    satisfaction: "good" | "bad" | null;
    current: boolean;
  }[];
  sessions: { id: string; channel: Channel; current: boolean; chatPage: boolean }[];
  channels: Channel[];
  /** Entries about an unconfirmed contact are flagged, and its words are never "Customer: …". */
  timeline: ShownEntry[];
  artifacts: { kind: string; url: string; sha256?: string; at: string; channel: Channel }[];
  riskFlags: RiskFlagName[];
  risks: { flag: RiskFlagName; reason: string; at: string; contactId?: string }[];
  candidates: (CandidateThread & Partial<ThreadGlimpse>)[];
  control: ControlOwner;
  /** The workflow as the contact behind this ticket or session can move it. */
  workflow: WorkflowView | null;
  slots: { name: SlotName; value: string; source: string; at: string }[];
  verification: {
    pending: {
      contactId: string;
      channel: Channel;
      expiresAt: string;
      attemptsLeft: number;
    } | null;
    failures: number;
  };
  agent: {
    handoff: { code: string; reason: string; at: string } | null;
    /** The newest replies, drafts included; the sidebar shows the last draft for this ticket. */
    replies: {
      at: string;
      contactId: string;
      channel: Channel;
      text: string;
      delivery: "draft" | "messaging" | "ticket_public";
      purpose: string;
    }[];
  };
  /** The structured handoff as the contact behind this ticket or session sees the thread. */
  handoff: HandoffPayload;
  summary: Summary;
  linkedThreads: { threadId: string; at: string; by: string }[];
  dismissedCandidates: string[];
  /** The rollout arm: in the control group the sidebar stays out of the way. */
  rollout: { arm: "continuity" | "control"; randomised: boolean } | null;
  /** Handoff notes written to Zendesk for this thread, and where each stands. */
  notes: NoteStatus[];
  /** Offset of the newest event: read `/v1/threads/{id}/events?after=` from here to catch up. */
  offset: number;
  version: number;
}

export interface NoteStatus {
  id: string;
  ticketId: string;
  status: "pending" | "sent" | "failed" | "superseded";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** What an agent needs to recognise another thread: what it is about, its ticket, its dates. */
export interface ThreadGlimpse {
  workflow: WorkflowId | null;
  ticketId: string | null;
  openedAt: string;
  lastEventAt: string;
}

export function glimpseOf(state: ThreadState): ThreadGlimpse {
  return {
    workflow: state.workflow?.id ?? null,
    ticketId: state.tickets.at(-1)?.id ?? null,
    openedAt: state.openedAt,
    lastEventAt: state.lastEventAt,
  };
}

export function contextView(
  state: ThreadState,
  contactId: string,
  version: number,
  notes: NoteStatus[] = [],
  glimpses: Record<string, ThreadGlimpse> = {},
): ContextView {
  const contact =
    state.contacts.find((c) => c.id === contactId) ?? state.contacts[state.contacts.length - 1];
  const resolution = contact?.resolution;
  const currentLinks = contact?.links ?? [];
  const isCurrent = (kind: ThreadLink["kind"], id: string) =>
    currentLinks.some((l) => l.kind === kind && l.id === id);
  const handoff = buildHandoff(state, contact?.id ?? contactId);
  return {
    thread: {
      id: state.id,
      status: threadStatus(state),
      customerId: state.customerId,
      openedAt: state.openedAt,
      lastEventAt: state.lastEventAt,
    },
    identity: {
      level: resolution?.level ?? "unknown",
      contactId: contact?.id ?? contactId,
      channel: contact?.channel ?? "api",
      customerId: resolution?.customerId ?? null,
      identifiers: (contact?.signals ?? []).map((s) => ({
        kind: s.kind,
        masked: s.masked,
        matched: s.owners.length > 0,
        source: s.source,
      })),
      support: resolution?.support ?? [],
      verification: resolution?.verification ?? null,
      conflict: resolution?.conflict ?? null,
      candidates: resolution?.candidates ?? [],
      ...(contact?.unconfirmed && { unconfirmed: contact.unconfirmed }),
    },
    contacts: state.contacts.map((c) => ({
      id: c.id,
      channel: c.channel,
      joinedAt: c.joinedAt,
      level: c.resolution.level,
      links: c.links,
      ...(c.unconfirmed && { unconfirmed: c.unconfirmed }),
    })),
    tickets: state.tickets.map((t) => ({
      id: t.id,
      channel: t.channel,
      status: t.status,
      assigneeId: t.assigneeId,
      satisfaction: t.satisfaction?.rating ?? null,
      current: isCurrent("ticket", t.id),
    })),
    sessions: state.contacts.flatMap((c) =>
      c.links
        .filter((l) => l.kind === "session")
        .map((l) => ({
          id: l.id,
          channel: c.channel,
          current: isCurrent("session", l.id),
          chatPage: c.origin === WEB_CHAT_SOURCE && !c.unconfirmed,
        })),
    ),
    channels: [...new Set(state.contacts.map((c) => c.channel))],
    timeline: shownTimeline(state),
    artifacts: state.artifacts.map(({ kind, url, sha256, at, channel }) => ({
      kind,
      url,
      ...(sha256 && { sha256 }),
      at,
      channel,
    })),
    riskFlags: [...new Set(state.riskFlags.map((f) => f.flag))],
    risks: state.riskFlags,
    candidates: state.candidates
      .filter(
        (c) =>
          !state.dismissedCandidates.includes(c.threadId) &&
          !state.linkedThreads.some((l) => l.threadId === c.threadId),
      )
      .map((c) => {
        const glimpse = glimpses[c.threadId];
        return glimpse ? { ...c, ...glimpse } : c;
      }),
    control: state.control,
    workflow: state.workflow
      ? workflowView(
          state.workflow,
          state.slots,
          resolution?.level ?? "unknown",
          state.control,
          threadLevel(state),
        )
      : null,
    slots: Object.entries(state.slots).map(([name, slot]) => ({
      name: name as SlotName,
      value: slot.value,
      source: slot.source,
      at: slot.at,
    })),
    verification: {
      pending: state.verification.pending
        ? {
            contactId: state.verification.pending.contactId,
            channel: state.verification.pending.channel,
            expiresAt: state.verification.pending.expiresAt,
            attemptsLeft: state.verification.pending.attemptsLeft,
          }
        : null,
      failures: state.verification.failures.filter((f) => f.reason === "wrong_code").length,
    },
    agent: {
      handoff: state.agent.handoff,
      replies: state.agent.replies.map(({ at, contactId, channel, text, delivery, purpose }) => ({
        at,
        contactId,
        channel,
        text,
        delivery,
        purpose,
      })),
    },
    handoff,
    summary: summaryOf(state, handoff),
    linkedThreads: state.linkedThreads.map((l) => ({ ...l, by: actorName(l.by) })),
    dismissedCandidates: state.dismissedCandidates,
    rollout: state.rollout,
    notes,
    offset: version,
    version,
  };
}
