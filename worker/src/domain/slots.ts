import type { Artifact } from "./channel-event";
import { findInText } from "./extraction";
import { maskEmail, maskPhone, normalizeEmail } from "./identifiers";

/** Slot names (DESIGN §11): what a workflow needs to know, in snake_case. */
export const SLOT_NAMES = [
  "order_id",
  "photos",
  "invoice",
  "serial_number",
  "shipping_address",
  "payment_method",
  "items",
  "reason",
  "email",
  "phone",
  "name_zip",
] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

export interface SlotValue {
  /** What we hold, safe to show: masked for contact details, redacted for addresses. */
  value: string;
  source: "text" | "artifact" | "identifier" | "order" | "model" | "human";
  at: string;
}

export type Slots = Partial<Record<SlotName, SlotValue>>;

export type ReturnReason =
  | "damaged"
  | "defective"
  | "wrong_item"
  | "does_not_fit"
  | "not_as_described"
  | "late"
  | "changed_mind";

const REASONS: [ReturnReason, RegExp][] = [
  ["damaged", /\b(damaged|broken|cracked|shattered|smashed|dented|arrived (?:broken|damaged))\b/i],
  [
    "defective",
    /\b(stopped (?:working|heating)|doesn'?t work|does not work|not working|defective|faulty|leaks?|leaking|won'?t (?:turn on|start))\b/i,
  ],
  ["wrong_item", /\b(wrong (?:item|size|colou?r|product)|not what i ordered|sent me the wrong)\b/i],
  ["does_not_fit", /\b(do(?:es)?n'?t fit|too (?:small|big|large|tight|loose)|wrong size)\b/i],
  ["not_as_described", /\b(not as described|looks different|not like the picture)\b/i],
  ["late", /\b(never (?:came|arrived)|hasn'?t arrived|not arrived|still waiting|late delivery)\b/i],
  ["changed_mind", /\b(changed my mind|don'?t want it|no longer need)\b/i],
];

const SERIAL =
  /\b(?:serial(?:\s*(?:number|no\.?|#))?|s\/n)\b(?:\s+[a-z']+){0,6}?\s*(?:is|:|#)?\s*([A-Z0-9-]*\d[A-Z0-9-]*)\b/i;
const ADDRESS =
  /\b(\d{1,6}\s+[A-Za-z0-9.'\- ]{2,60}\s(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|way|drive|dr|court|ct|place|pl|terrace|square|sq)\b\.?(?:[, ]+[A-Za-z0-9 .'-]{2,60}){0,3})/i;
const PAYMENT =
  /\b(visa|mastercard|master card|amex|american express|paypal|apple pay|google pay|klarna|card ending(?: in)?\s*\d{4}|bank transfer)\b/i;
const NAME_ZIP =
  /\bmy name is ([A-Z][a-z]+(?: [A-Z][a-z'-]+)+)\b[\s\S]{0,80}?\b(?:zip|postcode|postal code)(?: code)?(?: is)?:?\s*([A-Z0-9][A-Z0-9 -]{2,9}[A-Z0-9])\b/i;

/** A six-digit code in a message is a verification attempt only while one is pending. */
export function findCode(text: string): string | null {
  return text.match(/(?<!\d)(\d{6})(?!\d)/)?.[1] ?? null;
}

/** A name and zip given together ("my name is Rosa Díaz, zip 30303"): one identity signal. */
export function findNameZip(text: string): { name: string; zip: string } | null {
  const match = text.match(NAME_ZIP);
  return match
    ? { name: match[1]!.trim(), zip: match[2]!.replace(/\s+/g, "").toUpperCase() }
    : null;
}

export function reasonOf(text: string): ReturnReason | null {
  return REASONS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

function redactAddress(address: string): string {
  // Keep the street's shape for a human to recognise, not the full address.
  const [first = "", ...rest] = address.split(/,\s*/);
  return [first.replace(/^\d+/, "•••"), ...rest.slice(0, 1)].join(", ");
}

/**
 * Slots a customer message fills, by grammar and patterns: the deterministic extraction every
 * provider starts from. Contact details are held masked; codes are never held.
 */
export function extractSlots(text: string, artifacts: Artifact[], at: string): Slots {
  const slots: Slots = {};
  const put = (name: SlotName, value: string, source: SlotValue["source"]) => {
    slots[name] = { value, source, at };
  };
  const found = findInText(text);
  if (found.orderIds.length > 0) put("order_id", found.orderIds.join(", "), "text");
  if (found.emails[0])
    put("email", maskEmail(normalizeEmail(found.emails[0]) ?? found.emails[0]), "text");
  if (found.phones[0]) put("phone", maskPhone(found.phones[0]), "text");
  const reason = reasonOf(text);
  if (reason) put("reason", reason, "text");
  // "The serial number under the machine is EM44719": the first token with a digit after the words.
  const serial = text.match(SERIAL)?.[1];
  const plausible = serial && serial.length >= 5 && serial.length <= 30 ? serial : undefined;
  if (plausible) put("serial_number", plausible.toUpperCase(), "text");
  const address = text.match(ADDRESS)?.[1];
  if (address) put("shipping_address", redactAddress(address.trim()), "text");
  const payment = text.match(PAYMENT)?.[1];
  if (payment) put("payment_method", payment.toLowerCase(), "text");
  const nameZip = text.match(NAME_ZIP);
  if (nameZip)
    put("name_zip", `${nameZip[1]!.split(" ")[0]} …, ${nameZip[2]!.toUpperCase()}`, "text");

  const photos = artifacts.filter((a) => /^(photo|image|picture|video)$/i.test(a.kind));
  if (photos.length > 0)
    put("photos", `${photos.length} photo${photos.length > 1 ? "s" : ""}`, "artifact");
  const invoice = artifacts.find(
    (a) => /invoice|receipt/i.test(a.kind) || /invoice|receipt/i.test(a.url),
  );
  if (invoice) put("invoice", invoice.kind, "artifact");
  if (
    !invoice &&
    /\b(here is|attached|attaching) (?:the |my )?(?:invoice|receipt)\b/i.test(text) &&
    artifacts.length > 0
  ) {
    put("invoice", artifacts[0]!.kind, "artifact");
  }
  return slots;
}

/** Merge slots: a later value replaces an earlier one; photos accumulate. */
export function mergeSlots(held: Slots, incoming: Slots): Slots {
  const merged: Slots = { ...held };
  for (const [name, value] of Object.entries(incoming) as [SlotName, SlotValue][]) {
    const current = merged[name];
    if (name === "photos" && current) {
      const count = (v: SlotValue) => Number(v.value.match(/^\d+/)?.[0] ?? 1);
      const total = count(current) + count(value);
      merged[name] = { ...value, value: `${total} photo${total > 1 ? "s" : ""}` };
    } else if (!current || Date.parse(value.at) >= Date.parse(current.at)) {
      merged[name] = value;
    }
  }
  return merged;
}
