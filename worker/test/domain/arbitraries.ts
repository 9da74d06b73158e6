/**
 * fast-check generators for domain values. Pools are deliberately small (three customers, three
 * contacts, a few hashes, times on a 72-hour grid) so that collisions — shared identifiers,
 * events at one instant, expiring verifications — happen often.
 */
import fc from "fast-check";
import {
  contactKey,
  linksOf,
  TICKET_STATUSES,
  type ChannelEvent,
  type ControlOwner,
  type ThreadLink,
  type TicketStatus,
} from "../../src/domain/channel-event";
import { planContact } from "../../src/domain/contact-plan";
import type { Signal, SignalKind, VerificationRecord } from "../../src/domain/identity-level";
import type { ThreadEvent } from "../../src/domain/thread-events";
import { compareEvents } from "../../src/domain/thread-events";
import { channelEvent, hoursAfter } from "./factories";

export const CUSTOMERS = ["C-1", "C-2", "C-3"] as const;
export const CONTACTS = ["session:WC-1", "session:VC-2", "ticket:101"] as const;
export const SIGNAL_KINDS: SignalKind[] = [
  "email",
  "phone",
  "order",
  "external_id",
  "zendesk_user",
  "name_zip",
];

/** An event time on the hour, up to three days after `T0`. */
export const eventTime = fc.integer({ min: 0, max: 72 }).map((h) => hoursAfter(h));

export const owners = fc.subarray([...CUSTOMERS]);

export function signalArb(ownersArb: fc.Arbitrary<string[]> = owners): fc.Arbitrary<Signal> {
  return fc
    .record({
      kind: fc.constantFrom(...SIGNAL_KINDS),
      n: fc.integer({ min: 0, max: 3 }),
      owners: ownersArb,
      source: fc.constantFrom<Signal["source"][]>("channel", "zendesk", "sunco", "text", "agent"),
    })
    .map(({ kind, n, owners, source }) => {
      // The hash names its owners, so one hash never means two different owner sets.
      const hash = `${kind}-${n}-${[...owners].sort().join("+")}`;
      return { kind, hash, masked: `masked(${hash})`, owners, source };
    });
}

export const verificationArb: fc.Arbitrary<VerificationRecord> = fc
  .record({ method: fc.constantFrom("otp", "sso"), h: fc.integer({ min: -48, max: 72 }) })
  .map(({ method, h }) => ({ method, passedAt: hoursAfter(h) }));

const contactId = fc.constantFrom(...CONTACTS);

/** Where a contact comes from: its session or ticket, and its channel. */
const CONTACT_SOURCES: Record<
  (typeof CONTACTS)[number],
  Pick<ChannelEvent, "channel" | "sessionId" | "ticketId">
> = {
  "session:WC-1": { channel: "web_chat", sessionId: "WC-1" },
  "session:VC-2": { channel: "voice", sessionId: "VC-2" },
  "ticket:101": { channel: "email", ticketId: "101" },
};

/** One inbound delivery, before it is turned into a `ChannelEvent`. */
export interface Delivery {
  contact: (typeof CONTACTS)[number];
  hour: number;
  signals: Signal[];
  verifiedHoursBefore: number | null;
  message: {
    id: string | null;
    author: "customer" | "agent" | "bot";
    text: string;
    orderIds: string[];
  } | null;
  artifactUrl: string | null;
  ticketStatus: TicketStatus | null;
  control: ControlOwner | null;
  candidates: string[];
}

export const deliveryArb: fc.Arbitrary<Delivery> = fc.record({
  contact: contactId,
  hour: fc.integer({ min: 0, max: 72 }),
  signals: fc.array(signalArb(), { maxLength: 3 }),
  verifiedHoursBefore: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  message: fc.option(
    fc.record({
      id: fc.option(fc.constantFrom("m-1", "m-2", "m-3"), { nil: null }),
      author: fc.constantFrom("customer" as const, "agent" as const, "bot" as const),
      text: fc.constantFrom("hello", "about order #18422", "call me on +1 415 555 0100"),
      orderIds: fc.subarray(["18422", "W5521"]),
    }),
    { nil: null },
  ),
  artifactUrl: fc.option(fc.constantFrom("https://f.example/1", "https://f.example/2"), {
    nil: null,
  }),
  ticketStatus: fc.option(fc.constantFrom(...TICKET_STATUSES), { nil: null }),
  control: fc.option(fc.constantFrom("ai" as const, "human" as const), { nil: null }),
  candidates: fc.subarray(["THR-1", "THR-2", "THR-3"]),
});

/**
 * The log a sequence of deliveries leaves on one thread, planned by `planContact` exactly as
 * ingestion plans it: the first delivery of a contact (in arrival order) introduces it, later
 * ones only add what is new. A message id shared by two deliveries is one fact, as in life.
 */
export function planLog(deliveries: Delivery[]): ThreadEvent[] {
  const known = new Map<string, ThreadLink[]>();
  const keys = new Set<string>();
  return deliveries.flatMap((d, i) => {
    const at = hoursAfter(d.hour);
    const event = channelEvent({
      source: "channel",
      eventId: `evt-${i}`,
      occurredAt: at,
      ...CONTACT_SOURCES[d.contact],
      ...(d.message && {
        message: {
          ...(d.message.id && { id: d.message.id }),
          author: d.message.author,
          text: d.message.text,
          public: true,
        },
      }),
      artifacts: d.artifactUrl ? [{ kind: "photo", url: d.artifactUrl }] : [],
      ...(d.verifiedHoursBefore !== null && {
        verification: { method: "otp", passedAt: hoursAfter(-d.verifiedHoursBefore, at) },
      }),
      ...(d.ticketStatus &&
        CONTACT_SOURCES[d.contact].ticketId && { ticket: { status: d.ticketStatus } }),
      ...(d.control && { control: { owner: d.control, reason: "handoff" } }),
    });
    const contact = contactKey(event);
    const knownLinks = known.get(contact) ?? null;
    known.set(contact, linksOf(event));
    const planned = planContact({
      event,
      contactId: contact,
      knownLinks,
      decision: d.candidates.length
        ? {
            action: "new",
            reason: "several_open_threads",
            candidates: d.candidates.map((threadId) => ({
              threadId,
              reason: "open_thread" as const,
            })),
          }
        : { action: "new", reason: "no_open_thread", candidates: [] },
      signals: d.signals,
      orderIds: d.message?.orderIds ?? [],
    });
    // A log holds each key once: the store refuses a second fact under a known key.
    return planned.filter((e) => !keys.has(e.key) && keys.add(e.key));
  });
}

/** A thread's log from deliveries that arrived in any order. */
export const threadLog: fc.Arbitrary<ThreadEvent[]> = fc
  .array(deliveryArb, { minLength: 1, maxLength: 10 })
  .map(planLog);

/** A thread's log from deliveries that arrived in event-time order. */
export const inOrderThreadLog: fc.Arbitrary<ThreadEvent[]> = fc
  .array(deliveryArb, { minLength: 1, maxLength: 10 })
  .map((deliveries) => planLog([...deliveries].sort((a, b) => a.hour - b.hour)));

/** Contact facts only: joins and evidence, the events that decide who a thread belongs to. */
export const identityLog: fc.Arbitrary<ThreadEvent[]> = fc
  .array(
    fc.oneof(
      fc.record({ type: fc.constant("joined" as const), contactId, at: eventTime }),
      fc.record({
        type: fc.constant("observed" as const),
        contactId,
        at: eventTime,
        signals: fc.array(signalArb(), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        type: fc.constant("verified" as const),
        contactId,
        at: eventTime,
        back: fc.integer({ min: 0, max: 30 }),
      }),
    ),
    { minLength: 1, maxLength: 20 },
  )
  .map((items) =>
    items.map((item, i): ThreadEvent => {
      const key = `e${String(i).padStart(2, "0")}`;
      const fact = { group: key, part: 0 };
      switch (item.type) {
        case "joined":
          return {
            key: `contact:${item.contactId}#joined`,
            ...fact,
            at: item.at,
            type: "contact.joined",
            contactId: item.contactId,
            channel: "web_chat",
            links: [],
            stitch: { action: "new", reason: "no_open_thread" },
          };
        case "observed":
          return {
            key,
            ...fact,
            at: item.at,
            type: "identity.observed",
            contactId: item.contactId,
            signals: item.signals,
          };
        case "verified":
          return {
            key,
            ...fact,
            at: item.at,
            type: "verification.passed",
            contactId: item.contactId,
            method: "otp",
            passedAt: hoursAfter(-item.back, item.at),
          };
      }
    }),
  );

/** A permutation of `items`. */
export function permutationOf<T>(items: T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
}

/** Events sorted into log order. */
export function inLogOrder(events: ThreadEvent[]): ThreadEvent[] {
  return [...events].sort(compareEvents);
}
