import {
  maskEmail,
  maskPhone,
  normalizeEmail,
  normalizeOrderId,
  normalizePhone,
} from "./identifiers";

/**
 * What a customer's free text says about who they are and what they mean. Issue-level slots
 * (items, reasons, name and zip) build on this in the agent; stitching needs the references.
 */
export interface TextFindings {
  orderIds: string[];
  emails: string[];
  phones: string[];
}

// "order #18422", "order W5521", "Order no. 123456", "#18422". A bare word needs the word
// "order" nearby or a leading '#', so prices and years are not mistaken for orders.
const ORDER_WITH_WORD =
  /\border(?:\s+(?:number|no\.?|id|ref(?:erence)?))?\s*[:#]?\s*#?([A-Z]{0,3}-?\d{3,12})\b/gi;
const ORDER_WITH_HASH = /(?:^|[\s(])#([A-Z]{0,3}-?\d{3,12})\b/gi;
const EMAIL_IN_TEXT = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
const PHONE_IN_TEXT = /\+\d[\d\s().-]{6,18}\d/g;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function findInText(text: string): TextFindings {
  const orderIds: string[] = [];
  for (const pattern of [ORDER_WITH_WORD, ORDER_WITH_HASH]) {
    for (const match of text.matchAll(pattern)) {
      const id = normalizeOrderId(match[1] ?? "");
      if (id) orderIds.push(id);
    }
  }
  const emails = [...text.matchAll(EMAIL_IN_TEXT)]
    .map((m) => normalizeEmail(m[0]))
    .filter((e): e is string => e !== null);
  const phones = [...text.matchAll(PHONE_IN_TEXT)]
    .map((m) => normalizePhone(m[0].replace(/[\s().-]/g, "")))
    .filter((p): p is string => p !== null);
  return { orderIds: unique(orderIds), emails: unique(emails), phones: unique(phones) };
}

/**
 * The phone number a phone-like run of text starts with, and how much of the run it takes. The
 * pattern is greedy, so a number followed by another figure ("+1 415 555 0100 2 times") is cut
 * back one group at a time until what is left is a possible number.
 */
function leadingPhone(run: string): { length: number; e164: string } | null {
  let end = run.length;
  while (end > 0) {
    const e164 = normalizePhone(run.slice(0, end).replace(/[\s().-]/g, ""));
    if (e164) return { length: end, e164 };
    end = run.slice(0, end).search(/[\s().-]+[^\s().-]*$/);
  }
  return null;
}

/** Stored transcripts keep their meaning but not the raw contact details inside them. */
export function redactText(text: string): string {
  return text
    .replace(EMAIL_IN_TEXT, (m) => {
      const email = normalizeEmail(m);
      return email ? maskEmail(email) : m;
    })
    .replace(PHONE_IN_TEXT, (m) => {
      const phone = leadingPhone(m);
      return phone ? `${maskPhone(phone.e164)}${m.slice(phone.length)}` : m;
    });
}
