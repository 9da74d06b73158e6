import { isValidPhoneNumber } from "libphonenumber-js/min";
import { normalizeOrderId } from "../identifiers";
import { overlaps, type Span } from "./contact-details";
import { IDENTIFIER_NAMES } from "./figure-names";
import { isCommonWord } from "./name-and-postcode";

/**
 * A figure in the customer's words that may be an order. Candidates are proposed generously and
 * confirmed against the order system before they count (ingest/grounding): the shape of a number
 * never makes it an order on its own.
 */
export interface OrderCandidate {
  /** As written, '#' included when the customer wrote one ("#w4471210"). */
  written: string;
  /** Canonical: no '#', upper case ("W4471210"). */
  id: string;
  /**
   * `cued`: the customer marked it as an order ('#', "order", "ref", "re:", brackets, or letters
   * with the figures, as order systems write them). `bare`: figures alone, looked up only when
   * nothing cued is there.
   */
  strength: "cued" | "bare";
  /** What marked it: '#', letters with the figures, a word ("order", "ref"), brackets, nothing. */
  cue: "hash" | "letters" | "word" | "brackets" | "alone" | null;
  span: Span;
}

// '#' or letters (up to four, with an optional dash) then figures, in one group or several joined by
// dashes, with an optional letter suffix ("W4471210", "ORD-55102", "66-20481", "112-3456789-1234567",
// "30912-B"), or figures alone; never inside a longer word, an email, a price, a decimal, a time or
// a date. `orderShaped` then asks for enough figures.
const CANDIDATE =
  /(?<![\p{L}\p{N}@_./$£€¥+-]|\d[,.])(#\s?)?((?:[A-Za-z]{1,4}-?|\d[A-Za-z]{1,3}-)?\d{1,12}(?:-\d{1,8}){0,3}(?:-[A-Za-z]{1,2})?)(?![\p{L}\p{N}@_]|[.:/][\p{L}\p{N}_]|,\d|\s?%|-[\p{L}\p{N}])/gu;

const DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4})$/;

/**
 * Enough figures to be an order number: a group of three or more, or two groups or more with five
 * figures between them ("3-40022"); never a date ("2024-05-01") or a range of two short numbers.
 */
function orderShaped(body: string): boolean {
  if (DATE.test(body)) return false;
  const groups = body.match(/\d+/g) ?? [];
  const figures = groups.join("").length;
  return groups.some((g) => g.length >= 3) ? figures >= 3 : groups.length >= 2 && figures >= 5;
}

const ORDER_CUES = new Set([
  "order",
  "orders",
  "ord",
  "ref",
  "reference",
  "re",
  "purchase",
  "confirmation",
]);
const BETWEEN_CUE_AND_FIGURE = new Set([
  "number",
  "no",
  "nº",
  "num",
  "nr",
  "id",
  "is",
  "was",
  "s",
  "it",
]);
// Said just before a figure, these make it something other than an order. Two words name another
// thing's reference: "your ref: CS-20931" and "return ref 88120" are not the customer's order, for
// all their "ref".
const OTHER_THINGS = new Set<string>([
  ...IDENTIFIER_NAMES,
  "otp",
  "ending",
  "flat",
  "unit",
  "apt",
  "apartment",
  "suite",
  "room",
  "zip",
  "zipcode",
  "postcode",
  "postal",
  "eircode",
  "phone",
  "tel",
  "mobile",
  "cell",
  "call",
  "text",
  "extension",
  "ext",
  "version",
  "size",
  "aisle",
  "gate",
  "page",
  "voucher",
  "coupon",
  "gift",
  "promo",
  "ends",
  "label",
  // Numbers of people and memberships, not of purchases.
  "customer",
  "member",
  "membership",
  "loyalty",
  "employee",
  "staff",
  "agent",
  "badge",
  "flight",
  "box",
  "item",
  "sku",
  "art",
  "article",
  "artikel",
  "firmware",
  "build",
  "digits",
  "pin",
  // What a label, a statement or a screen prints beside a figure.
  "batch",
  "lot",
  "expiry",
  "exp",
  "transaction",
  "txn",
  "amount",
  "error",
  "err",
  "fault",
  "depot",
  "locker",
  "door",
  "pickup",
  ...[
    "your",
    "return",
    "returns",
    "collection",
    "claim",
    "complaint",
    "refund",
    "repair",
    "bank",
    "courier",
    "carrier",
    "payment",
    "transaction",
    "transfer",
    "case",
    "ticket",
  ].flatMap((thing) => [`${thing} ref`, `${thing} reference`]),
]);
// Things whose numbers people write with a '#' too.
const HASHED_OTHER_THINGS = new Set(["ticket", "case", "invoice", "inv", "rma"]);
const COMPANY_NUMBER_CUES = new Set(["registered", "vat", "company", "registration"]);
// Letters that name a return authorisation or the buyer's own purchase order, not our order.
const OTHER_PREFIXES = /^(?:RMA|RTN|PO)-?\d/i;
// Said just after a figure, these make it a quantity, a price or a duration.
const UNITS = new Set([
  "dollars",
  "dollar",
  "bucks",
  "quid",
  "euros",
  "euro",
  "pounds",
  "pound",
  "usd",
  "eur",
  "gbp",
  "cents",
  "pence",
  "percent",
  "items",
  "item",
  "pcs",
  "pieces",
  "units",
  "days",
  "day",
  "weeks",
  "week",
  "months",
  "month",
  "years",
  "year",
  "hours",
  "hrs",
  "minutes",
  "mins",
  "times",
  "km",
  "miles",
  "kg",
  "lbs",
  "ml",
  "cm",
  "mm",
  "inch",
  "inches",
  "ft",
  "calories",
  "mg",
  "watts",
  "w",
  "stops",
  "people",
  "boxes",
  "packs",
  "pack",
  "pairs",
  "mah",
  "gb",
  "tb",
  "mb",
  "kb",
  "mbps",
  "hz",
  "rpm",
  "g",
  "kw",
  "v",
  "volts",
  "btu",
  "psi",
  "dpi",
  "lb",
  "oz",
  "l",
  "litres",
  "liters",
  "gallons",
  "sqft",
  "m",
  "metres",
  "meters",
  "feet",
  "points",
  "pts",
  "total",
  "rupees",
  "yen",
  "francs",
  "reais",
  "pesos",
  "rand",
  "kronor",
  "krona",
  "zloty",
  "lira",
  "dirhams",
  "ringgit",
  "baht",
  "seconds",
  "secs",
  "grams",
  "kcal",
  "followers",
  "likes",
  "views",
  "subscribers",
  "steps",
]);
// A currency written before a figure, as a symbol or a code: "₹4500", "EUR 1299", "Rs. 900".
const CURRENCY_BEFORE =
  /(?:[$£€¥₹₩₺₽₱₦]|\b(?:R\$|EUR|USD|GBP|INR|Rs\.?|CHF|AUD|CAD|NZD|SGD|HKD|JPY|CNY|RMB|MXN|BRL|ZAR|AED|SEK|NOK|DKK|PLN|kr|zł))\s?$/;
const STREET =
  /^(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|way|drive|dr|court|ct|place|pl|terrace|square|sq|crescent|close|highway|hwy|parkway|pkwy|circle|cir|trail|grove|row)\b/i;
// Street words of countries that write the number after the name, then up to three name words.
const STREET_NAME_FIRST =
  /(?:\b(?:av|avda|avenida|calle|c\/|rua|via|viale|corso|piazza|plaza|paseo|carrera|carrer|rue|ul|ulica)\.?\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}|\p{L}(?:straße|strasse|str\.|weg|gasse|allee|platz|damm|laan|straat|gracht|plein|vej|gade|gatan|gata|veien|vägen|katu|utca)\s+)$/iu;
// A morning time written as four figures ("0730"), or a span of two times ("1400-1600").
const CLOCK = /^(?:0\d[0-5]\d|(?:[01]\d|2[0-3])[0-5]\d-(?:[01]\d|2[0-3])[0-5]\d)$/;
const COMPACT_DATE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;
// The words before the far end of a range: "from 3400 to ", "between 20 and ".
const RANGE_START = /\b(?:from|between)\s+[$£€]?[\d.,]+\s*(?:to|and|-)\s*$/i;
const US_STATES = new Set(
  "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split(
    " ",
  ),
);

/**
 * The words before a point in the same sentence: "part? W7055943" has none. The stop of an
 * abbreviation for "number" or "reference" ("order no. 480213", "ref. 2291") ends no sentence.
 */
function wordsBefore(text: string, at: number, n: number): string[] {
  const window = text.slice(Math.max(0, at - 60), at).replace(ABBREVIATION_STOP, "$1 ");
  const sentence = window.slice(window.search(/[.?!\n](?=[^.?!\n]*$)/) + 1);
  return (sentence.toLowerCase().match(/[\p{L}\p{N}/]+/gu) ?? []).slice(-n);
}

const ABBREVIATION_STOP = /\b(no|nr|num|ref|ord|tel|nos)\.(?=\s?(?:[#\p{L}\p{N}]|$))/giu;

function wordsAfter(text: string, at: number, n: number): string[] {
  return (text.slice(at, at + 60).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, n);
}

/** Order candidates in the customer's words, leaving alone what other finders took (phones…). */
export function orderCandidates(text: string, taken: Span[] = []): OrderCandidate[] {
  const found: OrderCandidate[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (taken.some((t) => overlaps(t, span))) continue;
    // The last figures of a masked phone number ("+1 ••• ••• 0100") are nothing to look up.
    if (/•\s?$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    const hash = Boolean(m[1]);
    const body = m[2]!;
    if (!hash && inGroupedNumber(text, span)) continue;
    const id = normalizeOrderId(body);
    if (!id || !orderShaped(body) || (!hash && OTHER_PREFIXES.test(body))) continue;
    const letters = /^\d?[A-Za-z]/.test(body);
    const before = wordsBefore(text, m.index, 5);
    const after = wordsAfter(text, span.end, 4);
    const rawBefore = text.slice(Math.max(0, m.index - 2), m.index);
    const bracketed = /[([]\s?$/.test(rawBefore) && /^\s?[)\]]/.test(text.slice(span.end));
    const last = before[before.length - 1] ?? "";
    // "the W4471210 order": the cue after counts only with nothing but a space between.
    // Not across a line ("SN7782019433\nOrder: #8831"), and not when "order" cues a figure of its
    // own ("Lukas 10115 order W3317720").
    const orderAfter = /^[ \t]+orders?\b(?![\s:#]*[A-Za-z]{0,4}-?\d)/i.test(
      text.slice(span.end, span.end + 24),
    );
    // The nearest word decides: "invoice INV-20931" is an invoice even after "re:".
    // Past the words people put between the cue and the figure: "my order number is 19207",
    // "the order, it's 61290", "order ID was W123".
    let cueAt = before.length - 1;
    while (cueAt > 0 && BETWEEN_CUE_AND_FIGURE.has(before[cueAt]!)) cueAt--;
    const cuedByWord =
      ORDER_CUES.has(last) ||
      (cueAt < before.length - 1 && ORDER_CUES.has(before[cueAt]!)) ||
      (["no", "number", "num", "nr", "id"].includes(last) && before.includes("order")) ||
      orderAfter;
    // Something else named right before: "serial 12345", "model KX-200", "zip is 30303" (but not
    // "…on my card, (67372)", where the punctuation parts them).
    const joined = /^[\s:#.]*$/.test(
      text.slice(Math.max(0, m.index - 3), m.index).replace(/[\p{L}\p{N}]+/gu, ""),
    );
    // Past the filler words between a thing and its figure ("serial number is SN10000").
    const filler = ["number", "no", "num", "nr", "id", "is", "was", "code", "ending", "in"];
    let k = before.length - 1;
    while (k > 0 && filler.includes(before[k]!) && !OTHER_THINGS.has(before[k]!)) k--;
    // "IMEI/serial: SN…" names two other things at once.
    const named = (before[k] ?? "").split("/");
    // Two words naming another thing outweigh the order cue inside them.
    // Also past the words between: "the courier's ref is 44120".
    const beforeCue = before.slice(0, cueAt + 1).filter((w) => w !== "s");
    const namedByTwo =
      OTHER_THINGS.has(before.slice(-2).join(" ")) ||
      OTHER_THINGS.has(beforeCue.slice(-2).join(" "));
    const otherThing =
      namedByTwo ||
      (joined && (OTHER_THINGS.has(before[k] ?? "") || named.some((w) => OTHER_THINGS.has(w))));
    if (!hash && (!cuedByWord || namedByTwo) && otherThing) continue;
    // "ticket #20931", "case #4410": a support ticket's number, '#' and all.
    if (hash && !cuedByWord && joined && HASHED_OTHER_THINGS.has(last)) continue;
    // "Registered in England No. 08842219", "VAT no 123": a company's number, not an order.
    if (!hash && !cuedByWord && before.some((w) => COMPANY_NUMBER_CUES.has(w))) continue;
    // A model number ("KT-900") has few figures; order systems that prefix letters use more.
    if (letters && !hash && !cuedByWord && figuresAfterPrefix(body) < 4) continue;
    if (!hash && !letters && !cuedByWord) {
      const next =
        text
          .slice(span.end)
          .match(/^\s*([\p{L}]+)/u)?.[1]
          ?.toLowerCase() ?? "";
      if (UNITS.has(next) || CURRENCY_BEFORE.test(text.slice(Math.max(0, m.index - 5), m.index)))
        continue;
      // A street number ("1234 Elm Street", "1209 Prairie View Dr") or a ZIP+4.
      const street = after.slice(0, 4);
      const figureAt = street.findIndex((w) => /^\d+$/.test(w));
      if (!bracketed && street.slice(1, figureAt === -1 ? 4 : figureAt).some((w) => STREET.test(w)))
        continue;
      if (/^\d{5}-\d{4}$/.test(body)) continue;
      // Where the street's name comes first ("Av. Vallarta 1450", "Hauptstraße 12"): its number.
      if (STREET_NAME_FIRST.test(text.slice(Math.max(0, m.index - 48), m.index))) continue;
      // One end of a range ("went from 3400 to 0", "between 2000 and 2500"): an amount.
      const fromBefore = ["from", "between"].includes(last);
      const rangeAfter = /^\s*(?:to|and|-)\s*[$£€]?\d/i.test(text.slice(span.end, span.end + 12));
      const rangeBefore = RANGE_START.test(text.slice(Math.max(0, m.index - 30), m.index));
      if ((fromBefore && rangeAfter) || rangeBefore) continue;
      // Either side of a size: "1080 x 1920", "200×90".
      if (
        /^\s?[x×]\s?\d/i.test(text.slice(span.end, span.end + 4)) ||
        /\d\s?[x×]\s?$/i.test(text.slice(Math.max(0, m.index - 4), m.index))
      )
        continue;
      if (US_STATES.has(text.slice(Math.max(0, m.index - 3), m.index).trim())) continue;
      // A year.
      if (/^(?:19|20)\d{2}$/.test(body)) continue;
      // A time of day, or two ("since 0730", "slot 1400-1600"), or a date run together ("20251130").
      if (CLOCK.test(body) || COMPACT_DATE.test(body)) continue;
      // A phone number without its spaces: a trunk '0' first, or a country code.
      const digits = body.replace(/\D/g, "");
      if (
        digits === body &&
        digits.length >= 10 &&
        (digits[0] === "0" || isValidPhoneNumber(`+${digits}`))
      )
        continue;
      // Next to a place name mid-sentence ("Cupertino 95014", "50968 Köln"): an address.
      const placeBefore = /[\p{Ll},]\s+\p{Lu}\p{Ll}+,?\s$/u.test(
        text.slice(Math.max(0, m.index - 30), m.index),
      );
      const wordAfter = text.slice(span.end, span.end + 20).match(/^\s(\p{Lu}\p{Ll}+)/u)?.[1];
      const placeAfter = wordAfter !== undefined && !isCommonWord(wordAfter);
      if (!bracketed && (placeBefore || placeAfter) && /\p{Ll}/u.test(text)) continue;
    }
    // A figure that is a whole line answers "what's the order number?".
    const lineStart = text.lastIndexOf("\n", m.index - 1) + 1;
    const lineEnd = text.indexOf("\n", span.end);
    const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    const alone = line.replace(/[^\p{L}\p{N}#-]/gu, "") === m[0].replace(/\s/g, "");
    // The customer's own word outranks the letters: a signature's "Order Z9031447" names an order.
    const cue = hash
      ? "hash"
      : cuedByWord
        ? "word"
        : letters
          ? "letters"
          : bracketed
            ? "brackets"
            : alone
              ? "alone"
              : null;
    // Three figures alone are a price or a count, not an order number.
    if (!cue && body.replace(/\D/g, "").length < 4) continue;
    // A figure in a card statement's merchant line ("CNTY*STORE 8841") is the merchant's code.
    if (!cue && /[A-Z]{2,}\*[A-Z*]*\s?$/.test(text.slice(Math.max(0, m.index - 24), m.index)))
      continue;
    found.push({
      written: `${hash ? "#" : ""}${body}`,
      id,
      strength: cue ? "cued" : "bare",
      cue,
      span,
    });
  }
  const seen = new Set<string>();
  const unique = found.filter((c) => !seen.has(c.id) && Boolean(seen.add(c.id)));
  return withoutCorrected(text, inheritListCue(text, unique));
}

/**
 * A long number written in groups of figures ("9400 1000 0000 0000", "TRK 4409 2281 0038",
 * "RM 4409 1823 7GB") is one number, a parcel's tracking, a card's or a phone's, and none of its
 * groups is an order on its own.
 */
function inGroupedNumber(text: string, span: Span): boolean {
  const before =
    text.slice(Math.max(0, span.start - 40), span.start).match(/(?:\b[A-Z0-9]{1,6} )+$/)?.[0] ?? "";
  const after = text.slice(span.end, span.end + 40).match(/^(?: [A-Z0-9]{1,6}\b)+/)?.[0] ?? "";
  const groups = `${before}${text.slice(span.start, span.end)}${after}`.trim().split(" ");
  const figures = groups.filter((g) => /\d/.test(g));
  const digits = figures.join("").replace(/\D/g, "");
  // A national phone number in two groups, trunk '0' first ("07700 900123", "020 79460958").
  const nationalPhone =
    figures.length >= 2 && /^0\d/.test(figures[0]!) && digits.length >= 10 && digits.length <= 11;
  return (figures.length >= 3 && digits.length >= 9) || nationalPhone;
}

// Between two figures, words that take the first back: "#1503… sorry #1530", "7712 no wait 7721".
const TAKEN_BACK =
  /\b(?:sorry|no wait|wait|i mean|i meant|correction|oops|typo|my mistake|my bad|scratch that|make that|should (?:be|read|say|have been))\b/i;
// Right before a figure, words that rule it out: "W6218840, not W6218480", "(not 55281 …)".
const RULED_OUT = /\b(?:not|rather than|instead of)\s*(?:#\s?)?$/i;

/**
 * A customer who corrects a figure means the corrected one: the figure taken back or ruled out is
 * dropped, as long as another candidate is left to mean.
 */
function withoutCorrected(text: string, candidates: OrderCandidate[]): OrderCandidate[] {
  if (candidates.length < 2) return candidates;
  const dropped = new Set<OrderCandidate>();
  candidates.forEach((c, i) => {
    const next = candidates[i + 1];
    if (next && TAKEN_BACK.test(text.slice(c.span.end, next.span.start))) dropped.add(c);
    if (RULED_OUT.test(text.slice(Math.max(0, c.span.start - 20), c.span.start))) dropped.add(c);
  });
  const kept = candidates.filter((c) => !dropped.has(c));
  return kept.length > 0 ? kept : candidates;
}

/** "orders 77120 and 77134", "#4410, 4411 & 4412": figures listed after a cued one share its cue. */
function inheritListCue(text: string, candidates: OrderCandidate[]): OrderCandidate[] {
  return candidates.map((c, i) => {
    const previous = candidates[i - 1];
    if (c.cue || !previous?.cue) return c;
    const gap = text.slice(previous.span.end, c.span.start);
    return /^\s*(?:,|&|\band\b|\bor\b|\/)\s*(?:#\s?)?$/i.test(gap)
      ? { ...c, strength: "cued" as const, cue: previous.cue }
      : c;
  });
}

/** The figures after a letter prefix: "KT-900" has three, "4K-100" too. */
function figuresAfterPrefix(body: string): number {
  return (body.replace(/^\d?[A-Za-z]+-?/, "").match(/\d/g) ?? []).length;
}
