import type { Artifact } from "./channel-event";
import { withoutClosingBlock } from "./language/email-body";
import { findStreetAddress } from "./language/street-address";
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
const PAYMENT =
  /\b(visa|mastercard|master card|amex|american express|paypal|apple pay|google pay|klarna|card ending(?: in)?\s*\d{4}|bank transfer)\b/i;
/** A six-digit code in a message is a verification attempt only while one is pending. */
export function findCode(text: string): string | null {
  return text.match(/(?<!\d)(\d{6})(?!\d)/)?.[1] ?? null;
}

/** A product serial number the customer gives ("the serial under the machine is EM44719"). */
export function findSerial(text: string): string | null {
  // The first token with a figure after the words, within a few words of "serial".
  const serial = text.match(SERIAL)?.[1];
  return serial && serial.length >= 5 && serial.length <= 30 ? serial.toUpperCase() : null;
}

/** A street address the customer gives, as written (not the one in their signature). */
export function findAddress(text: string): string | null {
  return findStreetAddress(withoutClosingBlock(text));
}

/**
 * What the shell confirmed the customer's words refer to (ingest/grounding): orders the order
 * system knows, contact details, a name and postcode given. Only the shell can confirm them.
 */
export interface SaidReferences {
  orderIds: string[];
  emails: string[];
  phones: string[];
  nameZip: { name: string; zip: string } | null;
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
 * Slots a customer message fills: what its words say (reason, serial, address, payment), what its
 * attachments are, and the references the shell confirmed. Contact details are held masked; codes
 * are never held.
 */
export function extractSlots(
  text: string,
  artifacts: Artifact[],
  at: string,
  said?: SaidReferences,
): Slots {
  const slots: Slots = {};
  const put = (name: SlotName, value: string, source: SlotValue["source"]) => {
    slots[name] = { value, source, at };
  };
  if (said && said.orderIds.length > 0) put("order_id", said.orderIds.join(", "), "text");
  const email = said?.emails[0] && normalizeEmail(said.emails[0]);
  if (email) put("email", maskEmail(email), "text");
  if (said?.phones[0]) put("phone", maskPhone(said.phones[0]), "text");
  if (said?.nameZip)
    put("name_zip", `${said.nameZip.name.split(" ")[0]} …, ${said.nameZip.zip}`, "text");
  const reason = reasonOf(text);
  if (reason) put("reason", reason, "text");
  const serial = findSerial(text);
  if (serial) put("serial_number", serial, "text");
  const address = findAddress(text);
  if (address) put("shipping_address", redactAddress(address), "text");
  const payment = text.match(PAYMENT)?.[1];
  if (payment) put("payment_method", payment.toLowerCase(), "text");

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
