import { linksOf, type ChannelEvent, type ThreadLink } from "./channel-event";
import { redactText } from "./extraction";
import { customerWords } from "./language/read-message";
import { PhoneSearch } from "./language/contact-details";
import { extractSlots, type SaidReferences } from "./slots";
import type { Signal } from "./identity-level";
import type { StitchDecision } from "./stitching";
import type { RolloutArm, ThreadEvent } from "./thread-events";
import type { ThreadConsent } from "./thread-state";

export const POSITION: Record<ThreadEvent["type"], number> = {
  "contact.joined": 0,
  "contact.linked": 1,
  "identity.observed": 10,
  "verification.passed": 20,
  "message.received": 30,
  "artifact.added": 40,
  "ticket.changed": 100,
  "control.changed": 110,
  "control.transferred": 111,
  "ai.joined": 112,
  // The AI leaves right after the person's first message, in the same delivery.
  "ai.left": 113,
  "satisfaction.rated": 115,
  "candidates.recorded": 120,
  // Facts the agent and people add; they are planned elsewhere but share the ordering.
  "slots.filled": 200,
  "workflow.started": 210,
  "workflow.step_completed": 220,
  "workflow.step_denied": 230,
  "verification.failed": 240,
  "verification.wanted": 245,
  "verification.requested": 250,
  "risk.flagged": 260,
  "agent.handed_off": 270,
  "agent.replied": 280,
  "agent.run_completed": 290,
  "summary.edited": 300,
  "identity.resolved": 305,
  "thread.linked": 310,
  "thread.unlinked": 311,
  "thread.merged": 312,
  "thread.unmerged": 313,
  "candidate.dismissed": 320,
  "candidate.restored": 321,
  "consent.recorded": 5,
  "rollout.assigned": 2,
  "customer.profiled": 11,
  // The live session's own facts; each is alone in its group.
  "participant.joined": 400,
  "participant.left": 401,
};

export interface ContactPlanInput {
  event: ChannelEvent;
  contactId: string;
  /** Links the contact already holds on this thread; null when the contact is new to it. */
  knownLinks: ThreadLink[] | null;
  decision: StitchDecision;
  signals: Signal[];
  /** Orders the contact refers to, from its identifiers and its text. */
  orderIds: string[];
  /** When the contact owes us a one-time code: the keyed hash of the code in this message. */
  codeAttempt?: { hash: string; code: string };
  /** The thread's consent so far; this event's own answers override it. */
  consent?: ThreadConsent;
  /** For a new thread in a rollout: the arm it falls in. */
  rollout?: { arm: RolloutArm; randomised: boolean } | null;
  /** Customer tiers the order system reported with this event's evidence. */
  tiers?: Record<string, string>;
  /** What the shell confirmed the customer's words refer to (ingest/grounding). */
  said?: Omit<SaidReferences, "orderIds">;
  /**
   * The search this event's words were grounded with (the tenant's country reads numbers written
   * without a country code): the stored transcript masks the phone numbers it found. Without one,
   * only international numbers are masked.
   */
  phoneSearch?: PhoneSearch;
}

/** What is stored instead of the words when the customer has not allowed keeping them. */
export const TRANSCRIPT_WITHHELD = "[transcript not stored: no consent]";

/**
 * Whether the words of this event may be kept: not without data-use consent, and not from a call
 * without recording consent. Structured outcomes (slots, orders) are kept either way.
 */
export function transcriptAllowed(event: ChannelEvent, prior?: ThreadConsent): boolean {
  const dataUse = event.consent?.dataUse ?? (prior ? prior.dataUse !== "denied" : true);
  const recording = event.consent?.recording ?? (prior ? prior.recording !== "denied" : true);
  return dataUse && (event.channel !== "voice" || recording);
}

/**
 * The facts one inbound event adds to its thread. Keys derive from the sender's event id, so the
 * same delivery always plans the same facts and the log's unique key makes a replay a no-op.
 */
export function planContact(input: ContactPlanInput): ThreadEvent[] {
  const { event, contactId, decision } = input;
  const base = `${event.source}:${event.eventId}`;
  const at = event.occurredAt;
  const events: ThreadEvent[] = [];
  // Each fact is numbered in planning order, so facts of one delivery apply in that order.
  type Unplaced = ThreadEvent extends infer E
    ? E extends ThreadEvent
      ? Omit<E, "group" | "part">
      : never
    : never;
  const planned: Unplaced[] = [];
  const links = linksOf(event);

  if (input.knownLinks === null) {
    planned.push({
      // One per contact, whichever delivery introduces it.
      key: `contact:${contactId}#joined`,
      at,
      type: "contact.joined",
      contactId,
      channel: event.channel,
      origin: event.source,
      links,
      stitch: {
        action: decision.action,
        reason: "reason" in decision ? decision.reason : `same_${decision.via}`,
      },
    });
  } else {
    for (const link of links) {
      if (!input.knownLinks.some((l) => l.kind === link.kind && l.id === link.id)) {
        planned.push({
          key: `${base}#link:${link.kind}:${link.id}`,
          at,
          type: "contact.linked",
          contactId,
          channel: event.channel,
          link,
        });
      }
    }
  }
  if (input.signals.length > 0) {
    planned.push({
      key: `${base}#identity`,
      at,
      type: "identity.observed",
      contactId,
      signals: input.signals,
    });
  }
  if (input.rollout && decision.action === "new") {
    planned.push({
      key: `${base}#rollout`,
      at,
      type: "rollout.assigned",
      arm: input.rollout.arm,
      randomised: input.rollout.randomised,
    });
  }
  const owners = new Set(input.signals.flatMap((s) => s.owners));
  for (const [customerId, tier] of Object.entries(input.tiers ?? {}).sort()) {
    if (!owners.has(customerId)) continue;
    planned.push({
      key: `${base}#tier:${customerId}`,
      at,
      type: "customer.profiled",
      customerId,
      tier,
    });
  }
  if (
    event.consent &&
    (event.consent.recording !== undefined || event.consent.dataUse !== undefined)
  ) {
    planned.push({
      key: `${base}#consent`,
      at,
      type: "consent.recorded",
      contactId,
      ...(event.consent.recording !== undefined && { recording: event.consent.recording }),
      ...(event.consent.dataUse !== undefined && { dataUse: event.consent.dataUse }),
    });
  }
  if (event.verification) {
    planned.push({
      key: `${base}#verification`,
      at,
      type: "verification.passed",
      contactId,
      method: event.verification.method,
      passedAt: event.verification.passedAt,
    });
  }
  // A one-time code is masked before anything reads the text, so it never becomes a slot.
  const spoken =
    input.codeAttempt && event.message
      ? event.message.text.replaceAll(input.codeAttempt.code, "••••••")
      : (event.message?.text ?? "");
  if (event.message && event.message.text.trim()) {
    planned.push({
      key: event.message.id ? `${event.source}:message:${event.message.id}` : `${base}#message`,
      at,
      type: "message.received",
      contactId,
      channel: event.channel,
      author: event.message.author,
      text: transcriptAllowed(event, input.consent)
        ? redactText(spoken, input.phoneSearch ?? new PhoneSearch())
        : TRANSCRIPT_WITHHELD,
      ...(input.codeAttempt && { codeAttempt: input.codeAttempt.hash }),
      ...(event.message.author === "agent" &&
        event.message.writer && { writer: event.message.writer }),
      public: event.message.public,
      orderIds: event.message.author === "customer" ? input.orderIds : [],
      ...(event.message.author === "customer" && {
        // Slots come from the new words, never from quoted history.
        slots: extractSlots(customerWords(spoken, event.channel).text, event.artifacts, at, {
          orderIds: input.orderIds,
          emails: input.said?.emails ?? [],
          phones: input.said?.phones ?? [],
          nameZip: input.said?.nameZip ?? null,
        }),
      }),
    });
  }
  const customerText =
    event.message && event.message.author === "customer" && event.message.text.trim();
  if (!customerText && event.artifacts.length > 0) {
    const slots = extractSlots("", event.artifacts, at);
    if (Object.keys(slots).length > 0)
      planned.push({
        key: `${base}#slots`,
        at,
        type: "slots.filled",
        contactId,
        slots,
        source: "rules",
      });
  }
  event.artifacts.forEach((artifact, i) => {
    planned.push({
      key: `${base}#artifact:${i}`,
      at,
      type: "artifact.added",
      contactId,
      channel: event.channel,
      artifact,
    });
  });
  if (event.ticket && event.ticketId) {
    const { status, assigneeId, requesterId } = event.ticket;
    if (status !== undefined || assigneeId !== undefined || requesterId !== undefined) {
      planned.push({
        key: `${base}#ticket`,
        at,
        type: "ticket.changed",
        ticketId: event.ticketId,
        channel: event.channel,
        ...(status !== undefined && { status }),
        ...(assigneeId !== undefined && { assigneeId }),
        ...(requesterId !== undefined && { requesterId }),
      });
    }
  }
  if (event.ticket?.satisfaction && event.ticketId) {
    planned.push({
      key: `${base}#satisfaction`,
      at,
      type: "satisfaction.rated",
      ticketId: event.ticketId,
      rating: event.ticket.satisfaction,
    });
  }
  if (event.control) {
    planned.push({
      key: `${base}#control`,
      at,
      type: "control.changed",
      owner: event.control.owner,
      reason: event.control.reason,
    });
  }
  if (decision.action === "new" && decision.candidates.length > 0) {
    planned.push({
      key: `${base}#candidates`,
      at,
      type: "candidates.recorded",
      candidates: decision.candidates,
    });
  }
  // A fact's position depends on its kind only, so the same fact planned again (say, without the
  // join because the contact is now known) sorts exactly where it did the first time.
  let artifact = 0;
  for (const fact of planned) {
    const part =
      fact.type === "artifact.added" ? POSITION[fact.type] + artifact++ : POSITION[fact.type];
    events.push({ ...fact, group: base, part } as ThreadEvent);
  }
  return events;
}
