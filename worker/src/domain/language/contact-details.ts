import {
  findPhoneNumbersInText,
  parsePhoneNumberFromString,
  type CountryCode,
} from "libphonenumber-js/min";
import { normalizeEmail } from "../identifiers";
import { IDENTIFIER_NAMES } from "./figure-names";

/** Where in the text a finding sits, so other finders can leave it alone. */
export interface Span {
  start: number;
  end: number;
}

export interface FoundPhone {
  /** E.164. */
  e164: string;
  span: Span;
}

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

const EMAIL_IN_TEXT = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

export function findEmails(text: string): { email: string; span: Span }[] {
  return [...text.matchAll(EMAIL_IN_TEXT)].flatMap((m) => {
    const email = normalizeEmail(m[0].replace(/[.]+$/, ""));
    return email ? [{ email, span: { start: m.index, end: m.index + m[0].length } }] : [];
  });
}

// Figures a phone-like run may be, said just before it: then it is that, not a phone number.
const NOT_A_PHONE = new RegExp(
  `\\b(?:${[...IDENTIFIER_NAMES, "order", "ord", "ref", "reference", "iban", "routing", "sort code"].join("|")})\\b[\\s#:.no-]*$`,
  "i",
);

/**
 * Phone numbers anywhere in the text, by libphonenumber's own search: international numbers
 * always, national ones in the tenant's country. Possible rather than valid, as for identifiers:
 * numbering metadata lags real allocations.
 */
export function findPhones(text: string, defaultCountry?: string): FoundPhone[] {
  // No figure in any script, no phone number: most messages are searched no further.
  if (!/\p{Nd}/u.test(text)) return [];
  const found = findPhoneNumbersInText(text, {
    ...(defaultCountry && { defaultCountry: defaultCountry as CountryCode }),
    leniency: "POSSIBLE",
  } as Parameters<typeof findPhoneNumbersInText>[1]);
  const phones = found.flatMap((f) => {
    // Part of a longer code ("KT900-23-40117", "1Z999AA10123456784") is no phone number.
    if (
      /[\p{L}\p{N}-]/u.test(text[f.startsAt - 1] ?? "") ||
      /[\p{L}\p{N}]/u.test(text[f.endsAt] ?? "")
    )
      return [];
    const before = text.slice(Math.max(0, f.startsAt - 24), f.startsAt);
    if (NOT_A_PHONE.test(before)) return [];
    // A run of figures without a '+' or any separator is more likely an order or a serial.
    const raw = text.slice(f.startsAt, f.endsAt);
    if (!raw.startsWith("+") && /^\d+$/.test(raw) && raw.length < 10) return [];
    return [{ e164: f.number.number, span: { start: f.startsAt, end: f.endsAt } }];
  });
  return [
    ...phones,
    ...trailingFigures(
      text,
      phones.map((p) => p.span),
    ),
  ].sort((a, b) => a.span.start - b.span.start);
}

/**
 * An international number followed by another figure ("+1 415 555 0100 2 times") is one run to
 * the search, and not a possible number; cut back a group at a time until what is left is one.
 */
function trailingFigures(text: string, found: Span[]): FoundPhone[] {
  const out: FoundPhone[] = [];
  for (const m of text.matchAll(/\+\d[\d\s().-]{6,18}\d/g)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (found.some((f) => overlaps(f, span))) continue;
    let run = m[0];
    while (run.length > 0) {
      const parsed = parsePhoneNumberFromString(run.replace(/[\s().-]/g, ""));
      if (parsed?.isPossible()) {
        out.push({ e164: parsed.number, span: { start: m.index, end: m.index + run.length } });
        break;
      }
      const cut = run.search(/[\s().-]+[^\s().-]*$/);
      if (cut <= 0) break;
      run = run.slice(0, cut);
    }
  }
  return out;
}

/**
 * The phone numbers of one event's texts, each text searched once: libphonenumber's search is the
 * dearest reading of a message, and an event's words are read for its references and again for
 * its stored transcript. The shell makes one per event and drops it with the event.
 */
export class PhoneSearch {
  private readonly found = new Map<string, FoundPhone[]>();

  constructor(readonly defaultCountry?: string) {}

  in(text: string): FoundPhone[] {
    let phones = this.found.get(text);
    if (!phones) {
      phones = findPhones(text, this.defaultCountry);
      this.found.set(text, phones);
    }
    return phones.map((p) => ({ e164: p.e164, span: { ...p.span } }));
  }
}
