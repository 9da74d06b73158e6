import { UNCONFIRMED_BECAUSE } from "./contact-confirmation";
import { channelLabel, type HandoffPayload } from "./handoff";

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

export interface RenderedNote {
  html: string;
  tags: string[];
  customFields: { id: number; value: string }[];
}

/** Zendesk tags: lower case, no spaces. */
function tag(...parts: string[]): string {
  return parts
    .join("_")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "_");
}

/**
 * The handoff as a Zendesk internal note a person can act on at a glance: what the problem is,
 * who the customer is and how sure we are, what happened, what was tried, what they sent, how they
 * feel and prefer to be reached, and what to do next. The footer carries the idempotency key.
 */
export function renderNote(
  payload: HandoffPayload,
  key: string,
  fields: { category?: number; reasonCode?: number; step?: number },
): RenderedNote {
  const list = (items: string[]) =>
    items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>` : "<p>None.</p>";
  const { customer, current } = payload;
  const identity = [
    `<b>${escapeHtml(customer.level)}</b> identity${customer.customerId ? `, customer ${escapeHtml(customer.customerId)}` : ", customer not resolved"}`,
    ...customer.identifiers.map(escapeHtml),
    customer.verification
      ? `Verified by ${escapeHtml(customer.verification.method)} at ${day(customer.verification.passedAt)}, ${customer.verification.expired ? "expired" : `valid until ${day(customer.verification.expiresAt)}`}`
      : "Not verified by step-up",
    ...(customer.conflict ? [`⚠ Identity conflict: ${escapeHtml(customer.conflict)}`] : []),
    ...(customer.unconfirmed
      ? [
          `⚠ <b>Unconfirmed contact</b>: ${escapeHtml(UNCONFIRMED_BECAUSE[customer.unconfirmed])}. What it says is not the customer's and unlocks nothing until a second signal or a verification agrees.`,
        ]
      : []),
  ];
  const sections = [
    `<h3>Continuity handoff: ${escapeHtml(payload.thread.id)}</h3>`,
    ...(payload.handoff
      ? [`<p><b>Why a person:</b> ${escapeHtml(payload.handoff.reason)}</p>`]
      : []),
    `<h4>Summary</h4><p>${escapeHtml(payload.summary.text)}</p>${payload.summary.editedBy ? `<p><i>Corrected by ${escapeHtml(payload.summary.editedBy)}</i></p>` : ""}`,
    `<h4>Problem</h4><p>${escapeHtml(payload.statement)}</p>`,
    `<h4>Identity</h4>${list(identity)}`,
    `<h4>Timeline</h4>${list(payload.timeline.map((e) => `${day(e.at)}: ${escapeHtml(e.text)}`))}`,
    `<h4>Steps tried</h4>${list(payload.steps.map((s) => `${escapeHtml(s.title)}: ${s.status}${s.outcome ? ` (${escapeHtml(s.outcome)})` : ""}${s.by ? `, by ${escapeHtml(s.by)}` : ""}`))}`,
    `<h4>Artifacts</h4>${list(payload.artifacts.map((a) => `<a href="${escapeHtml(a.url)}">${escapeHtml(a.kind)}</a> via ${escapeHtml(channelLabel(a.channel))}, ${day(a.at)}`))}`,
    `<h4>Customer</h4>${list([
      `Sentiment: ${payload.sentiment}`,
      `Consent: recording ${payload.consent.recording}, data use ${payload.consent.dataUse}`,
      `Prefers ${escapeHtml(channelLabel(payload.preferences.channel))} (used: ${payload.preferences.channels.map(channelLabel).join(", ")}); language ${escapeHtml(payload.preferences.language)}`,
      ...payload.riskFlags.map(
        (f) => `⚠ ${escapeHtml(f.flag.replace(/_/g, " "))}: ${escapeHtml(f.reason)}`,
      ),
    ])}`,
    `<h4>Next best action</h4><p>${escapeHtml(current.nextBestAction)}${current.missing.length ? ` Missing: ${current.missing.map((m) => m.replace(/_/g, " ")).join(", ")}.` : ""}</p>`,
    `<p>Linked: ${payload.tickets.map((t) => `#${escapeHtml(t.id)}`).join(", ") || "no other tickets"}</p>`,
    `<p style="color:#87929d;font-size:11px">ctx-note:${escapeHtml(key)}</p>`,
  ];
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
  return { html: sections.join(""), tags, customFields };
}
