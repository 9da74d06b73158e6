import { shownTimeline, UNCONFIRMED_BECAUSE } from "./contact-confirmation";
import { channelLabel } from "./handoff";
import type { MaterialChange, OwedNote } from "./handoff-notes";
import type { HandoffPayload } from "./handoff-payload";
import type { IdentityLevel } from "./identity-level";
import type { ThreadState } from "./thread-state";
import { threadLevel } from "./workflow-view";
import { WORKFLOWS } from "./workflows";

// Every character that can end an element's text or an attribute's value, quoted either way.
const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
const day = (iso: string) => iso.slice(0, 16).replace("T", " ");

export interface TicketFieldValue {
  id: number;
  value: string;
}

export interface RenderedNote {
  html: string;
  tags: string[];
  customFields: TicketFieldValue[];
}

/**
 * The ticket fields notes fill, by the tenant's field ids: three an operator maps by hand
 * (category, reason code, step) and the two the app's requirements.json makes at install, whose
 * ids Connect reads from the installation (thread id, identity level).
 */
export interface NoteFieldIds {
  category?: number;
  reasonCode?: number;
  step?: number;
  threadId?: number;
  identityLevel?: number;
}

/** The drop-down option (its tag) requirements.json defines for each level of `continuity_identity_level`. */
export const IDENTITY_LEVEL_OPTIONS: Record<IdentityLevel, string> = {
  unknown: "continuity_identity_unknown",
  low: "continuity_identity_low",
  medium: "continuity_identity_medium",
  high: "continuity_identity_high",
};

/**
 * A note with the thread's own fields added to its update: which thread the ticket is on and how
 * sure Continuity is who the thread's customer is (its best confirmed contact, as the stepper
 * reads it), so views and triggers can route on them. Set by every note, full, pointer or
 * update, on the same write, so they are as fresh as the newest note; a field whose id the tenant
 * does not have is left out.
 */
export function withThreadFields(
  note: RenderedNote,
  ids: NoteFieldIds,
  thread: Pick<ThreadState, "id" | "contacts">,
): RenderedNote {
  const fields: TicketFieldValue[] = [
    ...(ids.threadId ? [{ id: ids.threadId, value: thread.id }] : []),
    ...(ids.identityLevel
      ? [{ id: ids.identityLevel, value: IDENTITY_LEVEL_OPTIONS[threadLevel(thread)] }]
      : []),
  ];
  return { ...note, customFields: newestFieldValues([note.customFields, fields]) };
}

/**
 * One value per field for one ticket update, the later list's winning: coalesced notes are written
 * in one update, and the newest knows the thread best.
 */
export function newestFieldValues(lists: TicketFieldValue[][]): TicketFieldValue[] {
  const byId = new Map<number, TicketFieldValue>();
  for (const field of lists.flat()) byId.set(field.id, field);
  return [...byId.values()];
}

/**
 * What is news to the ticket a note is for: the key moments and attachments of the thread's
 * other contacts (other channels, other tickets). The ticket's own messages and attachments are
 * its comments already, so the note does not repeat them.
 */
export interface NoteTicket {
  /** Whether a timeline entry of the payload came from a contact not on this ticket. */
  isNews(moment: { at: string; text: string }): boolean;
  /** Whether an attachment was sent from a contact not on this ticket. */
  isNewFile(url: string): boolean;
}

// The payload holds a timeline entry's time and text only: together they recognise it.
const momentKey = (moment: { at: string; text: string }) => `${moment.at}\n${moment.text}`;

/**
 * What is news to `ticketId`: what the contacts not linked to it said, sent and did. Risks are
 * left out (the note lists them where it says why a person is needed), as are entries no contact
 * made (workflow steps, control), which the note says in their own places.
 */
export function noteTicket(state: ThreadState, ticketId: string): NoteTicket {
  const here = new Set(
    state.contacts
      .filter((c) => c.links.some((l) => l.kind === "ticket" && l.id === ticketId))
      .map((c) => c.id),
  );
  const elsewhere = (contactId: string | undefined) =>
    contactId !== undefined && !here.has(contactId);
  const moments = new Set(
    shownTimeline(state)
      // A customer's attachment is listed with its link instead; an unconfirmed contact's is
      // not listed, so its moment says whose it is.
      .filter((e) => e.kind !== "risk" && (e.kind !== "artifact" || e.unconfirmed))
      .filter((e) => elsewhere(e.contactId))
      .map(momentKey),
  );
  const files = new Set(state.artifacts.filter((a) => elsewhere(a.contactId)).map((a) => a.url));
  return { isNews: (m) => moments.has(momentKey(m)), isNewFile: (url) => files.has(url) };
}

/** Zendesk tags: lower case, no spaces. */
function tag(...parts: string[]): string {
  return parts
    .join("_")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "_");
}

/** How verification methods read to a person (the sidebar's words). */
const METHOD_WORDS: Record<string, string> = {
  otp: "one-time code",
  authenticated_messaging: "signed-in messaging",
  sso: "single sign-on",
  agent: "an agent",
  callback_on_file: "a call back to the number on file",
  id_checked: "an ID document check",
  security_questions: "security questions",
};

const BY_WORDS: Record<string, string> = {
  ai: "the AI agent",
  human: "a person",
  customer: "the customer",
};

const LEVEL_WORDS: Record<IdentityLevel, string> = {
  unknown: "identity unknown",
  low: "low identity",
  medium: "medium identity",
  high: "high identity",
};

/** At most `count` sentences of `text`, with an ellipsis when some were left out. */
export function firstSentences(text: string, count: number): string {
  const sentences = text.trim().split(/(?<=[.!?…])\s+(?=\S)/);
  return sentences.length <= count
    ? text.trim()
    : `${sentences
        .slice(0, count)
        .join(" ")
        .replace(/[.!?…]?$/, "")} …`;
}

/** How many of the other channels' moments the note lists; the sidebar has the rest. */
export const ELSEWHERE_SHOWN = 4;

const words = (text: string) => text.replace(/_/g, " ");
const listed = (items: string[]) =>
  items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/**
 * The generated summary, for the note: what the problem is, where it stands, and how the
 * customer has been in touch, in three sentences. What the note says elsewhere (who the customer
 * is, the risks, the next action) is not said again. A person's correction is theirs: kept, cut
 * to three sentences.
 */
function noteSummary(payload: HandoffPayload): string {
  if (payload.summary.source === "edited") return firstSentences(payload.summary.text, 3);
  const { current, steps, preferences, consent } = payload;
  const at = steps.findIndex((s) => s.id === current.step);
  const where =
    at >= 0
      ? `At step ${at + 1} of ${steps.length}: ${current.stepTitle ?? steps[at]!.title}${current.missing.length ? `, still missing the ${listed(current.missing.map(words))}` : ""}.`
      : steps.some((s) => s.status === "denied")
        ? "The request was denied."
        : steps.length > 0
          ? "Every step is done."
          : "Nothing has been started yet.";
  const channels = preferences.channels.map(channelLabel);
  const consents = [
    consent.recording !== "unknown" && `recording ${consent.recording}`,
    consent.dataUse !== "unknown" && `data use ${consent.dataUse}`,
  ].filter(Boolean);
  const how = [
    channels.length ? `Wrote on ${listed(channels)}` : "Has not written yet",
    payload.sentiment === "frustrated" && "sounds frustrated",
    preferences.channel && `prefers ${channelLabel(preferences.channel)}`,
    consents.length > 0 && `consent: ${consents.join(", ")}`,
  ].filter(Boolean);
  const what = payload.statement.charAt(0).toUpperCase() + payload.statement.slice(1);
  return [what, where, `${how.join("; ")}.`].join(" ");
}

/**
 * The handoff as a Zendesk internal note that fits on one screen, in the order a person acts on
 * it: what to do next and why a person is needed; who the customer is, in one line; the issue in
 * at most three sentences; what was tried; then only what the ticket does not already show (the
 * other channels' moments). The footer carries the thread, the linked tickets and the
 * idempotency key `ctx-note:<key>`, small. `ticket` says what is news to the note's ticket.
 */
export function renderNote(
  payload: HandoffPayload,
  key: string,
  fields: NoteFieldIds,
  ticket: NoteTicket,
): RenderedNote {
  const { customer, current } = payload;
  const p = (html: string) => `<p>${html}</p>`;

  // 1. What to do, and why a person.
  const act = [
    p(`<b>Next best action:</b> ${escapeHtml(current.nextBestAction)}`),
    ...(payload.handoff ? [p(`<b>Why a person:</b> ${escapeHtml(payload.handoff.reason)}`)] : []),
    ...payload.riskFlags.map((f) =>
      p(`⚠ <b>${escapeHtml(words(f.flag))}</b>: ${escapeHtml(f.reason)}`),
    ),
  ];

  // 2. Who, in one line; doubts about it on their own lines.
  const v = customer.verification;
  const verified = v
    ? `verified by ${escapeHtml(METHOD_WORDS[v.method] ?? words(v.method))} ${v.expired ? `on ${day(v.passedAt)}, since expired` : `until ${day(v.expiresAt)}`}`
    : "not verified";
  const who = [
    customer.customerId ? `customer ${escapeHtml(customer.customerId)}` : "customer not resolved",
    LEVEL_WORDS[customer.level],
    ...customer.identifiers.map(escapeHtml),
    verified,
  ].join(", ");
  const identity = [
    p(`<b>Who:</b> ${who}`),
    // Said once: an identity conflict raised as a risk is already at the top.
    ...(customer.conflict && !payload.riskFlags.some((f) => f.flag === "identity_conflict")
      ? [p(`⚠ Identity conflict: ${escapeHtml(customer.conflict)}`)]
      : []),
    ...(customer.unconfirmed
      ? [
          p(
            `⚠ <b>Unconfirmed contact</b>: ${escapeHtml(UNCONFIRMED_BECAUSE[customer.unconfirmed])}. What it says is not the customer's and unlocks nothing until a second signal or a verification agrees.`,
          ),
        ]
      : []),
  ];

  // 3. The issue, in at most three sentences.
  const summary = p(
    `<b>Summary:</b> ${escapeHtml(noteSummary(payload))}${payload.summary.editedBy ? ` <i>(corrected by ${escapeHtml(payload.summary.editedBy)})</i>` : ""}`,
  );

  // 4. What was tried.
  const tried = payload.steps
    .filter((s) => s.status === "done" || s.status === "denied")
    .map(
      (s) =>
        `${escapeHtml(s.title)}: ${s.status}${s.outcome ? ` (${escapeHtml(s.outcome)})` : ""}${s.by && s.by !== "ai" ? `, by ${escapeHtml(BY_WORDS[s.by] ?? s.by)}` : ""}`,
    );
  const triedLine = p(`<b>Tried:</b> ${tried.length ? tried.join("; ") : "nothing yet"}.`);

  // 5. Only what the ticket does not show: the other channels' moments and files.
  const moments = payload.timeline.filter((e) => ticket.isNews(e));
  const shown = moments.slice(-ELSEWHERE_SHOWN);
  const files = payload.artifacts.filter((a) => ticket.isNewFile(a.url));
  const elsewhere =
    moments.length || files.length
      ? [
          `<p><b>On other channels:</b></p><ul>${[
            ...(moments.length > shown.length
              ? [`${moments.length - shown.length} earlier moments are in the Continuity sidebar`]
              : []),
            ...shown.map((e) => `${day(e.at)}: ${escapeHtml(e.text)}`),
            ...(files.length
              ? [
                  `Files: ${files.map((a) => `<a href="${escapeHtml(a.url)}">${escapeHtml(a.kind)}</a> (${escapeHtml(channelLabel(a.channel))}, ${day(a.at)})`).join(", ")}`,
                ]
              : []),
          ]
            .map((i) => `<li>${i}</li>`)
            .join("")}</ul>`,
        ]
      : [];

  const linked = payload.tickets.map((t) => `#${escapeHtml(t.id)}`).join(", ");
  const footer = `<p><small>Continuity ${escapeHtml(payload.thread.id)}${linked ? ` · tickets ${linked}` : ""} · ctx-note:${escapeHtml(key)}</small></p>`;

  const html = [...act, ...identity, summary, triedLine, ...elsewhere, footer].join("");
  const tags = [
    "continuity",
    tag("ctx_thread", payload.thread.id),
    ...(payload.category ? [tag("ctx_category", payload.category)] : []),
    ...(current.step ? [tag("ctx_step", current.step)] : []),
  ];
  const customFields = [
    ...(fields.category && payload.category
      ? [{ id: fields.category, value: payload.category }]
      : []),
    ...(fields.reasonCode && payload.handoff
      ? [{ id: fields.reasonCode, value: payload.handoff.code }]
      : []),
    ...(fields.step && current.step ? [{ id: fields.step, value: current.step }] : []),
  ];
  return { html, tags, customFields };
}

const footer = (threadId: string, key: string) =>
  `<p><small>Continuity ${escapeHtml(threadId)} · ctx-note:${escapeHtml(key)}</small></p>`;

const threadTags = (threadId: string) => ["continuity", tag("ctx_thread", threadId)];

const p = (html: string) => `<p>${html}</p>`;

/**
 * A sibling ticket's note: the thread went to a person, why in a few words, and where the full
 * note is. Nothing else: the ticket has its own messages, and the full note and the sidebar have
 * the rest.
 */
export function renderPointer(
  threadId: string,
  pointer: Extract<OwedNote, { kind: "pointer" }>,
  key: string,
): RenderedNote {
  return {
    html:
      p(
        `<b>Handed to a person:</b> ${escapeHtml(pointer.why)}. Full handoff note on ticket #${escapeHtml(pointer.fullNoteOn)}.`,
      ) + footer(threadId, key),
    tags: threadTags(threadId),
    customFields: [],
  };
}

const fromChannel = (channel: Parameters<typeof channelLabel>[0]) =>
  channel ? ` (${escapeHtml(channelLabel(channel))})` : "";

/** One change in a sentence: what is true now that the full note did not say. */
function changeText(change: MaterialChange): string {
  switch (change.kind) {
    case "verified":
      return `the customer is verified by ${escapeHtml(METHOD_WORDS[change.method] ?? words(change.method))} on ${escapeHtml(channelLabel(change.channel))}, until ${day(change.until)}.`;
    case "confirmed":
      return `the contact this note is about${fromChannel(change.contactChannel)} is confirmed (${LEVEL_WORDS[change.level]}): what it says now counts as the customer's.`;
    case "level":
      return `the contact this note is about${fromChannel(change.contactChannel)} now has ${LEVEL_WORDS[change.level]} (was ${change.was}).`;
    case "workflow":
      return change.outcome === "done"
        ? `the ${escapeHtml(WORKFLOWS[change.workflow].title.toLowerCase())} is done.`
        : `the ${escapeHtml(WORKFLOWS[change.workflow].title.toLowerCase())} was denied${change.reason ? ` (${escapeHtml(change.reason)})` : ""}.`;
    case "with_ai":
      return "no person is needed now: the AI agent has the conversation again.";
    case "risk":
      return `⚠ <b>${escapeHtml(words(change.flag))}</b>: ${escapeHtml(change.reason)}${change.raisedBy ? `, raised by an unconfirmed contact (${escapeHtml(channelLabel(change.raisedBy.channel))}, ${escapeHtml(UNCONFIRMED_BECAUSE[change.raisedBy.unconfirmed])}): act on nothing it asks until a second signal or a verification agrees` : ""}.`;
  }
}

/**
 * An update on the ticket that holds the full note: one line on what changed since, then the
 * footer. It repeats nothing of the note: the reader has it just above.
 */
export function renderUpdate(threadId: string, change: MaterialChange, key: string): RenderedNote {
  const text = changeText(change);
  return {
    html:
      p(`<b>Update:</b> ${text.charAt(0).toUpperCase()}${text.slice(1)}`) + footer(threadId, key),
    tags: threadTags(threadId),
    customFields: [],
  };
}
