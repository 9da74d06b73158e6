import { actorName } from "./actor";
import { UNCONFIRMED_BECAUSE } from "./contact-confirmation";
import type { HandoffFields } from "./handoff-payload";
import type { SummaryEditCategory } from "./thread-events";
import type { ThreadState } from "./thread-state";

export interface Summary {
  text: string;
  source: "generated" | "edited";
  /** What Continuity wrote from the thread's state, kept beside a person's correction. */
  generated: string;
  editedBy: string | null;
  editedAt: string | null;
  diffCategory: SummaryEditCategory | null;
}

const LEVEL_WORDS = {
  unknown: "not identified",
  low: "identified with low confidence",
  medium: "identified with medium confidence",
  high: "verified",
} as const;

/**
 * The summary a person reads first: a few sentences from the handoff's fields, never anything
 * the fields do not hold.
 */
export function generatedSummary(payload: HandoffFields): string {
  const unconfirmed = payload.customer.unconfirmed;
  const who = unconfirmed
    ? `This contact is unconfirmed (${UNCONFIRMED_BECAUSE[unconfirmed]}), so it may not be ${payload.customer.customerId ? `customer ${payload.customer.customerId}` : "the customer"}`
    : payload.customer.customerId
      ? `Customer ${payload.customer.customerId} is ${LEVEL_WORDS[payload.customer.level]}`
      : `The customer is ${LEVEL_WORDS[payload.customer.level]}`;
  const where =
    payload.preferences.channels.length > 1
      ? ` and has written on ${payload.preferences.channels.length} channels (${payload.preferences.channels.join(", ").replace(/_/g, " ")})`
      : "";
  const step = payload.current.stepTitle ? ` Current step: ${payload.current.stepTitle}.` : "";
  const missing =
    payload.current.missing.length > 0
      ? ` Still missing: ${payload.current.missing.join(", ").replace(/_/g, " ")}.`
      : "";
  const risks =
    payload.riskFlags.length > 0
      ? ` Risk: ${[...new Set(payload.riskFlags.map((r) => r.flag.replace(/_/g, " ")))].join(", ")}.`
      : "";
  return `${payload.statement} ${who}${where}.${step}${missing}${risks} Next: ${payload.current.nextBestAction}`;
}

export function summaryOf(state: ThreadState, payload: HandoffFields): Summary {
  const generated = generatedSummary(payload);
  const edit = state.summaryEdit;
  return edit
    ? {
        text: edit.text,
        source: "edited",
        generated,
        editedBy: actorName(edit.by),
        editedAt: edit.at,
        diffCategory: edit.category,
      }
    : {
        text: generated,
        source: "generated",
        generated,
        editedBy: null,
        editedAt: null,
        diffCategory: null,
      };
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}#@.'-]+/gu) ?? [];
}

/** Tokens that carry facts: anything with a digit (order numbers, dates, amounts, codes). */
function facts(tokens: string[]): Set<string> {
  return new Set(tokens.filter((t) => /\d/.test(t)).map((t) => t.replace(/[.,]+$/, "")));
}

/** The words of `from` that `other` does not account for, counting repeats. */
function leftOver(from: string[], other: string[]): string[] {
  const counts = new Map<string, number>();
  for (const w of other) counts.set(w, (counts.get(w) ?? 0) + 1);
  return from.filter((w) => {
    const n = counts.get(w) ?? 0;
    if (n > 0) counts.set(w, n - 1);
    return n === 0;
  });
}

/**
 * What kind of correction a person made, for the correction loop: a changed fact (a number, an
 * order id, a date) outranks everything; otherwise how much of the old text survived and how much
 * was added decides.
 */
export function classifyEdit(before: string, after: string): SummaryEditCategory {
  const old = words(before);
  const next = words(after);
  const oldFacts = facts(old);
  const nextFacts = facts(next);
  const factsChanged = [...oldFacts].some((f) => !nextFacts.has(f));
  if (factsChanged && nextFacts.size > 0) return "corrected_fact";
  const removed = leftOver(old, next).length;
  const added = leftOver(next, old).length;
  const newFacts = [...nextFacts].some((f) => !oldFacts.has(f));
  // A few words swapped for a few others: the same content, said better.
  const small = (count: number, of: number) => count <= Math.max(2, of * 0.1);
  if (
    small(removed, old.length) &&
    small(added, next.length) &&
    Math.abs(added - removed) <= 1 &&
    !newFacts
  )
    return "wording";
  if (removed <= old.length * 0.15 && added > removed) return "added_detail";
  if (added <= next.length * 0.15 && removed > added) return "removed_detail";
  return "rewrite";
}
