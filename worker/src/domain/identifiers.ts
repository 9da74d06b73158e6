import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";

/** Identifier types a channel may send (DESIGN §3). */
export const IDENTIFIER_TYPES = [
  "email",
  "phone",
  "whatsapp",
  "chat_session",
  "call_id",
  "external_id",
  "zendesk_user",
  "order",
] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

/**
 * The kind an identifier counts as once normalised. A WhatsApp id is a phone number, so both
 * hash and match as `phone`; session and call ids are link keys, never evidence of a person.
 */
export type IdentifierKind =
  "email" | "phone" | "order" | "external_id" | "zendesk_user" | "session";

export interface RawIdentifier {
  type: IdentifierType;
  value: string;
}

export interface NormalizedIdentifier {
  kind: IdentifierKind;
  /** Canonical form: E.164 phone, case-folded email, order id without '#'. Never stored raw. */
  value: string;
  /** Display form safe for logs, notes and the sidebar. */
  masked: string;
}

export type NormalizeResult =
  { ok: true; identifier: NormalizedIdentifier } | { ok: false; reason: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(value: string): string | null {
  const folded = value.trim().normalize("NFKC").toLowerCase();
  return EMAIL.test(folded) ? folded : null;
}

/**
 * E.164 via libphonenumber. We accept numbers that are *possible* rather than *valid*: valid
 * depends on numbering-plan metadata that lags real allocations, and rejecting a caller's real
 * number would lose a contact.
 */
export function normalizePhone(value: string, defaultCountry?: string): string | null {
  const trimmed = value.trim();
  const parsed = parsePhoneNumberFromString(
    trimmed,
    trimmed.startsWith("+") ? undefined : (defaultCountry as CountryCode | undefined),
  );
  if (!parsed?.isPossible()) return null;
  // A few inputs lose digits each time they are read (a Brazilian carrier prefix taken for a
  // national one): a number that does not read back as itself cannot be matched, so it is none.
  const again = parsePhoneNumberFromString(parsed.number);
  return again?.number === parsed.number ? parsed.number : null;
}

/** WhatsApp ids are international numbers without the leading '+'. */
export function normalizeWhatsapp(value: string): string | null {
  const digits = value.trim().replace(/^\+/, "");
  return /^\d{6,15}$/.test(digits) ? normalizePhone(`+${digits}`) : null;
}

export function normalizeOrderId(value: string): string | null {
  const id = value.trim().replace(/^#/, "");
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(id) ? id.toUpperCase() : null;
}

/**
 * One order whichever way it is written: no '#', upper case, no dash ("#ord-55102", "ORD55102"
 * read out on a call). The order system's forms (`connectors/orders`) are tried the same way.
 */
export function orderIdKey(id: string): string {
  return id.trim().replace(/^#\s*/, "").replace(/-/g, "").toUpperCase();
}

export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}***@${domain}`;
}

export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  const code = parsed?.countryCallingCode ?? "";
  return `+${code} ••• ••• ${e164.slice(-4)}`;
}

/** Opaque ids keep their first and last two characters, enough to tell two apart on screen. */
export function maskOpaque(value: string): string {
  return value.length <= 4 ? "••••" : `${value.slice(0, 2)}••••${value.slice(-2)}`;
}

export function normalizeIdentifier(raw: RawIdentifier, defaultCountry?: string): NormalizeResult {
  const fail = (reason: string): NormalizeResult => ({ ok: false, reason });
  switch (raw.type) {
    case "email": {
      const value = normalizeEmail(raw.value);
      return value
        ? { ok: true, identifier: { kind: "email", value, masked: maskEmail(value) } }
        : fail("is not an email address");
    }
    case "phone":
    case "whatsapp": {
      const value =
        raw.type === "phone"
          ? normalizePhone(raw.value, defaultCountry)
          : normalizeWhatsapp(raw.value);
      return value
        ? { ok: true, identifier: { kind: "phone", value, masked: maskPhone(value) } }
        : fail("is not a phone number in international (E.164) form");
    }
    case "order": {
      const value = normalizeOrderId(raw.value);
      // Order ids are not personal data; they stay readable so humans can act on them.
      return value
        ? { ok: true, identifier: { kind: "order", value, masked: value } }
        : fail("is not an order id");
    }
    case "chat_session":
    case "call_id": {
      const value = raw.value.trim();
      return value
        ? { ok: true, identifier: { kind: "session", value, masked: value } }
        : fail("is empty");
    }
    case "external_id":
    case "zendesk_user": {
      const value = raw.value.trim();
      return value
        ? { ok: true, identifier: { kind: raw.type, value, masked: maskOpaque(value) } }
        : fail("is empty");
    }
  }
}

/** The string that is keyed-hashed for lookup. The kind is part of it so kinds never collide. */
export function hashInput(identifier: {
  kind: IdentifierKind | "name_zip";
  value: string;
}): string {
  return `${identifier.kind}:${identifier.value}`;
}
