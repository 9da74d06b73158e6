/**
 * Small builders for domain fixtures. Each takes only the fields a test cares about and fills
 * the rest with neutral defaults, so a test reads as the rule it checks.
 */
import type { Artifact, Channel, ChannelEvent, ThreadLink } from "../../src/domain/channel-event";
import { planContact, type ContactPlanInput } from "../../src/domain/contact-plan";
import {
  resolveIdentity,
  type IdentityPolicy,
  type IdentityResolution,
  type Signal,
  type SignalKind,
  type VerificationRecord,
} from "../../src/domain/identity-level";
import type {
  CandidateThread,
  StitchDecision,
  StitchInput,
  ThreadSummary,
} from "../../src/domain/stitching";
import type { ThreadEvent } from "../../src/domain/thread-events";
import { project, type ThreadState } from "../../src/domain/thread-state";
import { addHours } from "../../src/domain/time";

/** A fixed instant every fixture is measured from: the domain never reads the clock. */
export const T0 = "2026-03-01T10:00:00.000Z";

/** `T0` moved by a number of hours (negative for earlier). */
export function hoursAfter(hours: number, from: string = T0): string {
  return addHours(from, hours);
}

export function daysAfter(days: number, from: string = T0): string {
  return addHours(from, days * 24);
}

export const POLICY: IdentityPolicy = { verificationTtlHours: 24 };

export function signal(fields: Partial<Signal> = {}): Signal {
  const kind: SignalKind = fields.kind ?? "email";
  const owners = fields.owners ?? [];
  const hash = fields.hash ?? `${kind}#${owners.join("+") || "nobody"}`;
  return {
    kind,
    hash,
    masked: fields.masked ?? `masked(${hash})`,
    owners,
    source: "channel",
    ...fields,
  };
}

export function verification(fields: Partial<VerificationRecord> = {}): VerificationRecord {
  return { method: "otp", passedAt: T0, ...fields };
}

/** The resolution `resolveIdentity` gives for these signals, judged at `asOf`. */
export function resolutionOf(
  signals: Signal[],
  verifications: VerificationRecord[] = [],
  asOf: string = T0,
): IdentityResolution {
  return resolveIdentity(signals, verifications, asOf, POLICY);
}

/** A customer known through one unverified signal (`low`). */
export function resolvedAs(customerId: string): IdentityResolution {
  return resolutionOf([signal({ kind: "phone", owners: [customerId] })]);
}

/** Nothing matched (`unknown`). */
export function unresolved(): IdentityResolution {
  return resolutionOf([signal({ kind: "phone", owners: [] })]);
}

/** The phone is one customer's, the order another's. */
export function conflicted(a: string, b: string): IdentityResolution {
  return resolutionOf([
    signal({ kind: "phone", owners: [a] }),
    signal({ kind: "order", owners: [b] }),
  ]);
}

export function threadSummary(fields: Partial<ThreadSummary> & { id: string }): ThreadSummary {
  return {
    customerId: "C-1",
    status: "open",
    lastEventAt: hoursAfter(-1),
    orderIds: [],
    artifactHashes: [],
    ...fields,
  };
}

export function stitchInput(fields: Partial<StitchInput> = {}): StitchInput {
  return {
    linked: null,
    resolution: resolvedAs("C-1"),
    references: { orderIds: [], artifactHashes: [] },
    threads: [],
    asOf: T0,
    continuityWindowDays: 14,
    ...fields,
  };
}

export function channelEvent(fields: Partial<ChannelEvent> = {}): ChannelEvent {
  return {
    source: "channel",
    eventId: "evt-1",
    occurredAt: T0,
    channel: "web_chat",
    identifiers: [],
    artifacts: [],
    ...fields,
  };
}

export function newThreadDecision(candidates: CandidateThread[] = []): StitchDecision {
  return { action: "new", reason: "no_open_thread", candidates };
}

export function planInput(fields: Partial<ContactPlanInput> = {}): ContactPlanInput {
  const event = fields.event ?? channelEvent();
  return {
    event,
    contactId: "session:WC-1",
    knownLinks: null,
    decision: newThreadDecision(),
    signals: [],
    orderIds: [],
    ...fields,
  };
}

// Thread events. Keys default to something unique per (type, contact, time); pass `key` when a
// test needs two facts of one type at one instant, or a specific log order. Each fact is its own
// delivery (`group` = key, `part` 0) unless a test says otherwise; `threadEvents` groups the facts
// of one contact's delivery the way `planContact` does.

type Fields<T extends ThreadEvent["type"]> = Partial<
  Omit<Extract<ThreadEvent, { type: T }>, "type">
>;

export function joined(fields: Fields<"contact.joined"> = {}): ThreadEvent {
  const contactId = fields.contactId ?? "session:WC-1";
  const at = fields.at ?? T0;
  return {
    key: `${contactId}@${at}#joined`,
    group: `${contactId}@${at}#joined`,
    part: 0,
    at,
    type: "contact.joined",
    contactId,
    channel: "web_chat",
    links: [{ kind: "session", id: contactId.replace(/^session:/, "") }],
    stitch: { action: "new", reason: "no_open_thread" },
    ...fields,
  };
}

export function linked(fields: Fields<"contact.linked"> & { link: ThreadLink }): ThreadEvent {
  const contactId = fields.contactId ?? "session:WC-1";
  const at = fields.at ?? T0;
  return {
    key: `${contactId}@${at}#link:${fields.link.kind}:${fields.link.id}`,
    group: `${contactId}@${at}#link:${fields.link.kind}:${fields.link.id}`,
    part: 0,
    at,
    type: "contact.linked",
    contactId,
    channel: "web_chat",
    ...fields,
  };
}

export function observed(fields: Fields<"identity.observed"> = {}): ThreadEvent {
  const contactId = fields.contactId ?? "session:WC-1";
  const at = fields.at ?? T0;
  return {
    key: `${contactId}@${at}#identity`,
    group: `${contactId}@${at}#identity`,
    part: 0,
    at,
    type: "identity.observed",
    contactId,
    signals: [],
    ...fields,
  };
}

export function verified(fields: Fields<"verification.passed"> = {}): ThreadEvent {
  const contactId = fields.contactId ?? "session:WC-1";
  const at = fields.at ?? T0;
  return {
    key: `${contactId}@${at}#verification`,
    group: `${contactId}@${at}#verification`,
    part: 0,
    at,
    type: "verification.passed",
    contactId,
    method: "otp",
    passedAt: at,
    ...fields,
  };
}

export function message(fields: Fields<"message.received"> = {}): ThreadEvent {
  const contactId = fields.contactId ?? "session:WC-1";
  const at = fields.at ?? T0;
  return {
    key: `${contactId}@${at}#message`,
    group: `${contactId}@${at}#message`,
    part: 0,
    at,
    type: "message.received",
    contactId,
    channel: "web_chat",
    author: "customer",
    text: "Hello",
    public: true,
    orderIds: [],
    ...fields,
  };
}

export function artifactAdded(
  fields: Fields<"artifact.added"> & { artifact?: Artifact } = {},
): ThreadEvent {
  const contactId = fields.contactId ?? "session:WC-1";
  const at = fields.at ?? T0;
  const artifact = fields.artifact ?? { kind: "photo", url: "https://files.example/1.jpg" };
  return {
    key: `${contactId}@${at}#artifact:${artifact.url}`,
    group: `${contactId}@${at}#artifact:${artifact.url}`,
    part: 0,
    at,
    type: "artifact.added",
    contactId,
    channel: "web_chat",
    artifact,
    ...fields,
  };
}

export function ticketChanged(fields: Fields<"ticket.changed"> = {}): ThreadEvent {
  const ticketId = fields.ticketId ?? "101";
  const at = fields.at ?? T0;
  return {
    key: `ticket:${ticketId}@${at}#ticket`,
    group: `ticket:${ticketId}@${at}#ticket`,
    part: 0,
    at,
    type: "ticket.changed",
    ticketId,
    channel: "email",
    ...fields,
  };
}

export function controlChanged(fields: Fields<"control.changed"> = {}): ThreadEvent {
  const at = fields.at ?? T0;
  return {
    key: `control@${at}`,
    group: `control@${at}`,
    part: 0,
    at,
    type: "control.changed",
    owner: "human",
    reason: "customer asked for a person",
    ...fields,
  };
}

export function candidatesRecorded(fields: Fields<"candidates.recorded"> = {}): ThreadEvent {
  const at = fields.at ?? T0;
  return {
    key: `candidates@${at}`,
    group: `candidates@${at}`,
    part: 0,
    at,
    type: "candidates.recorded",
    candidates: [],
    ...fields,
  };
}

/**
 * The facts of one contact, in order: it joins, shows its evidence, and optionally passes a
 * verification and says something.
 */
export function threadEvents(contact: {
  contactId: string;
  at?: string;
  channel?: Channel;
  signals?: Signal[];
  verifiedAt?: string;
  text?: string;
  orderIds?: string[];
}): ThreadEvent[] {
  const at = contact.at ?? T0;
  const channel = contact.channel ?? "web_chat";
  const events: ThreadEvent[] = [joined({ contactId: contact.contactId, at, channel })];
  if (contact.signals)
    events.push(observed({ contactId: contact.contactId, at, signals: contact.signals }));
  if (contact.verifiedAt) {
    events.push(verified({ contactId: contact.contactId, at, passedAt: contact.verifiedAt }));
  }
  if (contact.text !== undefined) {
    events.push(
      message({
        contactId: contact.contactId,
        at,
        channel,
        text: contact.text,
        orderIds: contact.orderIds ?? [],
      }),
    );
  }
  const group = `${contact.contactId}@${at}`;
  return events.map((event, part) => ({ ...event, group, part }));
}

export function projected(events: ThreadEvent[], id = "THR-1"): ThreadState {
  return project(id, events, POLICY);
}

export function slotsFilled(fields: Fields<"slots.filled"> = {}): ThreadEvent {
  const at = fields.at ?? T0;
  const key = `${fields.contactId ?? "thread"}@${at}#slots:${fields.source ?? "rules"}`;
  return {
    key,
    group: key,
    part: 0,
    at,
    type: "slots.filled",
    slots: {},
    source: "rules",
    ...fields,
  };
}

export function identityResolved(fields: Fields<"identity.resolved"> = {}): ThreadEvent {
  const contactId = fields.contactId ?? "session:WC-1";
  const at = fields.at ?? T0;
  const key = `human:${contactId}@${at}#resolved`;
  return {
    key,
    group: key,
    part: 0,
    at,
    type: "identity.resolved",
    contactId,
    customerId: "C-1",
    by: "human:A-7",
    ...fields,
  };
}

/**
 * What ingestion records for one delivery from a contact (`planContact`, as the shell calls it):
 * the contact's evidence, its words with the slots they fill, and what it attached. The contact
 * is `session:<id>` or `ticket:<id>`; `first` says whether this delivery introduces it.
 */
export function contactSays(fields: {
  contactId: string;
  text?: string;
  at?: string;
  channel?: Channel;
  signals?: Signal[];
  orderIds?: string[];
  artifacts?: Artifact[];
  verification?: VerificationRecord;
  nameZip?: { name: string; zip: string };
  first?: boolean;
  eventId?: string;
}): ThreadEvent[] {
  const [kind, id] = fields.contactId.split(":") as ["session" | "ticket", string];
  const at = fields.at ?? T0;
  const event = channelEvent({
    eventId: fields.eventId ?? `${fields.contactId}@${at}`,
    occurredAt: at,
    channel: fields.channel ?? "web_chat",
    ...(kind === "session" ? { sessionId: id } : { ticketId: id }),
    ...(fields.text !== undefined && {
      message: { author: "customer", text: fields.text, public: true },
    }),
    artifacts: fields.artifacts ?? [],
    ...(fields.verification && { verification: fields.verification }),
  });
  return planContact({
    event,
    contactId: fields.contactId,
    knownLinks: fields.first === false ? [{ kind, id }] : null,
    decision: { action: "attach", threadId: "THR-1", reason: "same_order" },
    signals: fields.signals ?? [],
    orderIds: fields.orderIds ?? [],
    said: { emails: [], phones: [], nameZip: fields.nameZip ?? null },
  });
}

/** Maya, another customer, and a stranger who knows Maya's order number: the unconfirmed cases. */
export const MAYA = "C-1";
export const BOB = "C-2";
export const STRANGER = "session:WC-9";
export const order18422 = signal({
  kind: "order",
  hash: "order-18422",
  masked: "18422",
  owners: [MAYA],
});
export const mayaEmail = signal({ kind: "email", hash: "email-maya", owners: [MAYA] });

/** Maya's own ticket: her email and her order. */
export const mayaWrites = (text = "My order #18422 arrived damaged. I want a replacement.") =>
  contactSays({
    contactId: "ticket:101",
    channel: "email",
    signals: [mayaEmail, order18422],
    orderIds: ["18422"],
    text,
  });

/** A contact that knows Maya's order number and nothing else about her. */
export const strangerWrites = (fields: Partial<Parameters<typeof contactSays>[0]> = {}) =>
  contactSays({
    contactId: STRANGER,
    at: hoursAfter(2),
    signals: [order18422],
    orderIds: ["18422"],
    text: "About order #18422: please send the replacement to 12 Elm Street, Springfield.",
    ...fields,
  });
