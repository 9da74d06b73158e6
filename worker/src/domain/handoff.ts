import type { Channel } from "./channel-event";
import { isCustomerWords, shownTimeline, unconfirmedOf } from "./contact-confirmation";
import { HANDOFF_VERSION, type HandoffFields, type HandoffPayload } from "./handoff-payload";
import type { WorkflowId } from "./intent";
import { channelName, threadStatus, type ThreadState } from "./thread-state";
import { threadLevel, workflowView } from "./workflow-view";
import { WORKFLOWS } from "./workflows";
import { summaryOf } from "./summary";

const FRUSTRATION =
  /\b(again|already (?:told|sent|gave|uploaded)|ridiculous|unacceptable|third time|still waiting|nobody|angry|fed up)\b|!{2,}/i;

function statementOf(state: ThreadState, category: WorkflowId | null): string {
  const order = state.slots.order_id?.value;
  const item = state.slots.items?.value;
  const reason = state.slots.reason?.value.replace(/_/g, " ");
  const about = [order && `order #${order}`, item && `(${item})`].filter(Boolean).join(" ");
  const title = category ? WORKFLOWS[category].title.toLowerCase() : "an unclassified request";
  return `${about ? `About ${about}: ` : ""}${title}${reason ? `, reason: ${reason}` : ""}.`;
}

/** What a person should do first with a contact whose words are not yet the customer's. */
export const ASK_FOR_A_SECOND_SIGNAL =
  "Ask this contact for a second signal (the email address on the order, or the name and zip code it ships to) or verify them; until then share nothing about the order and act on nothing they ask.";

function nextBestAction(
  state: ThreadState,
  view: ReturnType<typeof workflowView> | null,
  unconfirmed: boolean,
): string {
  if (state.agent.handoff && state.agent.handoff.code !== "needs_person")
    return unconfirmed
      ? `Review the ${state.agent.handoff.code.replace(/_/g, " ")}. ${ASK_FOR_A_SECOND_SIGNAL}`
      : `Review the ${state.agent.handoff.code.replace(/_/g, " ")} and reply to the customer yourself.`;
  if (unconfirmed) return ASK_FOR_A_SECOND_SIGNAL;
  if (!view) return "Find out what the customer needs; nothing has been classified yet.";
  const step = view.steps.find((s) => s.id === view.currentStep);
  if (!step)
    return view.status === "denied"
      ? "Tell the customer what we can do instead."
      : "Confirm with the customer that everything is resolved, then solve the ticket.";
  if (view.missing.length > 0)
    return `Ask the customer for the ${view.missing.map((m) => m.replace(/_/g, " ")).join(" and ")}.`;
  if (step.kind === "verify")
    return `Verify the customer (${step.minLevel} identity needed) before going on.`;
  if (step.kind === "approval") return `Approve or deny: ${step.title.toLowerCase()}.`;
  return `${step.title}.`;
}

/** The handoff payload as the contact behind `contactId` sees the thread. */
export function buildHandoff(state: ThreadState, contactId: string | null): HandoffPayload {
  const contact = state.contacts.find((c) => c.id === contactId) ?? state.contacts.at(-1);
  const resolution = contact?.resolution;
  const level = resolution?.level ?? "unknown";
  const unconfirmed = unconfirmedOf(contact);
  const view = state.workflow
    ? workflowView(state.workflow, state.slots, level, state.control, threadLevel(state))
    : null;
  // The customer's channels and words: an unconfirmed contact's are not theirs (DESIGN §4).
  const customerContacts = state.contacts.filter((c) => !c.unconfirmed);
  const lastChannel = customerContacts.at(-1)?.channel ?? null;
  const strangers = new Set(state.contacts.filter((c) => c.unconfirmed).map((c) => c.id));
  const customerTexts = state.timeline
    .filter((e) => isCustomerWords(e) && !strangers.has(e.contactId ?? ""))
    .map((e) => e.text);
  const keyKinds = new Set([
    "contact",
    "channel_switch",
    "message",
    "artifact",
    "verification",
    "workflow",
    "control",
    "risk",
  ]);
  const fields: HandoffFields = {
    version: HANDOFF_VERSION,
    thread: { id: state.id, status: threadStatus(state), openedAt: state.openedAt },
    tickets: state.tickets.map((t) => ({ id: t.id, channel: t.channel, status: t.status })),
    sessions: state.contacts.flatMap((c) =>
      c.links.filter((l) => l.kind === "session").map((l) => ({ id: l.id, channel: c.channel })),
    ),
    customer: {
      customerId: state.customerId,
      level,
      identifiers: (contact?.signals ?? [])
        .filter((s) => s.owners.length > 0)
        .map((s) => `${s.kind} ${s.masked}`),
      verification: resolution?.verification ?? null,
      conflict: resolution?.conflict
        ? `${resolution.conflict.reason.replace(/_/g, " ")}: ${resolution.conflict.signals.map((s) => `${s.kind} ${s.masked} → ${s.owners.join(", ")}`).join("; ")}`
        : null,
      ...(unconfirmed && { unconfirmed }),
    },
    category: state.workflow?.id ?? null,
    statement: statementOf(state, state.workflow?.id ?? null),
    timeline: shownTimeline(state)
      .filter((e) => keyKinds.has(e.kind))
      .slice(-15)
      .map((e) => ({ at: e.at, text: e.text })),
    steps: (view?.steps ?? []).map((s) => {
      const done = state.workflow?.completed[s.id];
      return {
        id: s.id,
        title: s.title,
        status: s.status,
        ...(done && { by: done.by }),
        ...(s.outcome && { outcome: s.outcome }),
      };
    }),
    // What the customer sent; an unconfirmed contact's attachments are in the timeline, marked.
    artifacts: state.artifacts
      .filter((a) => !strangers.has(a.contactId))
      .map(({ kind, url, channel, at }) => ({ kind, url, channel, at })),
    preferences: {
      language: "en",
      channel: lastChannel,
      channels: [...new Set(customerContacts.map((c) => c.channel))],
    },
    sentiment: customerTexts.some((t) => FRUSTRATION.test(t)) ? "frustrated" : "neutral",
    riskFlags: state.riskFlags.map(({ flag, reason, contactId }) => ({
      flag,
      reason: strangers.has(contactId ?? "")
        ? `${reason} (raised by an unconfirmed contact)`
        : reason,
    })),
    consent: { recording: state.consent.recording, dataUse: state.consent.dataUse },
    current: {
      step: view?.currentStep ?? null,
      stepTitle: view?.steps.find((s) => s.id === view.currentStep)?.title ?? null,
      missing: view?.missing ?? [],
      nextBestAction: nextBestAction(state, view, unconfirmed !== null),
    },
    handoff: state.agent.handoff,
  };
  const summary = summaryOf(state, fields);
  return {
    ...fields,
    summary: { text: summary.text, source: summary.source, editedBy: summary.editedBy },
  };
}

/** Canonical JSON (sorted keys): the input of the payload digest. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export function channelLabel(channel: Channel | null): string {
  return channel ? channelName(channel) : "unknown";
}
