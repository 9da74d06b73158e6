import type { Channel } from "../channel-event";
import { findEmails, PhoneSearch, type Span } from "./contact-details";
import {
  nameCandidates,
  nameZipPairs,
  postcodeCandidates,
  postcodesAfterNames,
  namesBeforePostcodes,
  loosePostcodes,
  type NameCandidate,
  type NameZipPair,
  type PostcodeCandidate,
} from "./name-and-postcode";
import { orderCandidates, type OrderCandidate } from "./order-references";
import { customerWords, type CustomerWords } from "./read-message";

/** What a customer's words refer to: orders, contact details, a name and a postcode. */
export interface MessageReferences {
  /** Candidates only: an order counts once the order system knows it. */
  orders: OrderCandidate[];
  /**
   * The customer speaks of more than one order ("my other order", "two orders", "the other is"):
   * a figure alone beside a cued one may be the second.
   */
  severalOrders: boolean;
  emails: string[];
  /** E.164. */
  phones: string[];
  names: NameCandidate[];
  postcodes: PostcodeCandidate[];
  /** Name and postcode pairs worth a lookup, most likely first. */
  nameZip: NameZipPair[];
}

const SEVERAL_ORDERS =
  /\b(?:(?:two|both|three|several|other|another|second|separate|different|2|3)\s+(?:of\s+(?:my|the|your)\s+)?orders?|the other (?:one|is|was))\b/i;

/** References in words already split from quoted history: the new text and the signature. */
export function referencesIn(words: CustomerWords, phoneSearch: PhoneSearch): MessageReferences {
  const textEmails = findEmails(words.text);
  const textPhones = phoneSearch.in(words.text);
  const emails = [...textEmails, ...findEmails(words.signature ?? "")];
  const phones = [...textPhones, ...phoneSearch.in(words.signature ?? "")];
  const names = nameCandidates(words.text, words.signature);
  const postcodes = postcodeCandidates(words.text);
  for (const n of namesBeforePostcodes(words.text, postcodes))
    if (!names.some((c) => c.name.toLowerCase() === n.name.toLowerCase())) names.push(n);
  for (const p of postcodesAfterNames(words.text, names)) {
    const same = postcodes.find((c) => c.zip === p.zip);
    if (same) same.cued = true;
    else postcodes.push(p);
  }
  // A signature's address line holds the postcode, in whatever country's form.
  const signatureCodes = [
    ...postcodeCandidates(words.signature ?? "").map((p) => ({
      ...p,
      span: { start: -1, end: -1 },
    })),
    ...loosePostcodes(words.signature ?? ""),
  ];
  for (const p of signatureCodes) if (!postcodes.some((c) => c.zip === p.zip)) postcodes.push(p);
  // Someone who says who they are may give an address in their own country's form: its figures
  // are worth a lookup with the name (the order system confirms or not).
  if (names.some((n) => n.cued))
    for (const p of loosePostcodes(words.text))
      if (!postcodes.some((c) => c.zip === p.zip)) postcodes.push(p);
  // Figures other finders explain are not orders: an email, a phone, a zip said as a zip.
  const taken: Span[] = [
    ...textEmails.map((e) => e.span),
    ...textPhones.map((p) => p.span),
    ...postcodes.filter((p) => p.cued && p.span.start >= 0).map((p) => p.span),
  ];
  // A signature's "Ref:" or "Order:" line names the order; its other figures are phones and streets.
  const signed = orderCandidates(words.signature ?? "")
    .filter((o) => o.cue === "hash" || o.cue === "word")
    .map((o) => ({ ...o, span: { start: -1, end: -1 } }));
  // The same figures said again ("the old one is 60614 too") are still the zip they were.
  const zipFigures = new Set(postcodes.filter((p) => p.cued).map((p) => p.zip.replace(/\s/g, "")));
  const orders = orderCandidates(words.text, taken).filter(
    (o) => o.strength === "cued" || !zipFigures.has(o.id),
  );
  for (const o of signed) if (!orders.some((c) => c.id === o.id)) orders.push(o);
  return {
    orders,
    severalOrders: SEVERAL_ORDERS.test(words.text),
    emails: [...new Set(emails.map((e) => e.email))],
    phones: [...new Set(phones.map((p) => p.e164))],
    names,
    postcodes,
    nameZip: nameZipPairs(names, postcodes),
  };
}

export function findReferences(
  raw: string,
  channel: Channel,
  defaultCountry?: string,
): MessageReferences {
  return referencesIn(customerWords(raw, channel), new PhoneSearch(defaultCountry));
}

/**
 * A name and a postcode given apart ("I'm Rosa Díaz" … "the zip is 30303"): pairs from this
 * message's names and postcodes with those of the contact's recent messages, this message's own
 * pairs first. Each pair still needs the order system to confirm it.
 */
export function pairsAcrossMessages(
  current: MessageReferences,
  earlierTexts: string[],
  phoneSearch: PhoneSearch,
): NameZipPair[] {
  const earlier = earlierTexts.map((text) =>
    referencesIn({ text, signature: null, quoted: null }, phoneSearch),
  );
  const names = [...current.names, ...earlier.flatMap((r) => r.names)];
  const postcodes = [...current.postcodes, ...earlier.flatMap((r) => r.postcodes)];
  const pairs = [...current.nameZip];
  for (const pair of nameZipPairs(names, postcodes))
    if (!pairs.some((p) => p.name === pair.name && p.zip === pair.zip)) pairs.push(pair);
  return pairs.slice(0, 4);
}
