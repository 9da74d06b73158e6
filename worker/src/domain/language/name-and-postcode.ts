import type { Span } from "./contact-details";

/**
 * Who the customer says they are: a full name and a zip or postcode, in any phrasing and order
 * ("this is Rosa Díaz, 30303", "Name: … / Zip: …", a signature with an address line). Candidates
 * are confirmed through the order system's name+zip lookup before they are a signal.
 */
export interface NameCandidate {
  /** "First Last", as the customer wrote it, capitalised. */
  name: string;
  /** Said as a name: an introduction, a sign-off, a "name:" field. */
  cued: boolean;
}

export interface PostcodeCandidate {
  /** As it is usually stored: upper case, one space where the format has one ("SW1A 1AA"). */
  zip: string;
  cued: boolean;
  span: Span;
}

// Words that start a sentence or follow "I'm" but are never names.
const NOT_NAMES = new Set(
  (
    "a an the i me my we us our you your he she they it this that these those here there and or but " +
    "so just not no yes yeah ok okay hi hello hey dear thanks thank cheers regards best kind warm " +
    "sorry please calling writing trying looking having still really very going about from with " +
    "waiting asking wondering hoping reaching contacting following emailing texting messaging " +
    "order orders customer support team service sir madam manager help problem issue account " +
    "refund return replacement delivery package parcel item items zip postcode postal code name " +
    "email phone number address street road avenue city state good morning afternoon evening " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may " +
    "june july august september october november december today tomorrow yesterday new old happy " +
    "unhappy angry upset frustrated disappointed fine well sure also again now then when where " +
    "what why how who which on in at to for of by as is am are was were be been being do did does " +
    "have has had can could would should will shall must might sent from my iphone android " +
    "phone mobile tel work home office regards mr mrs ms miss dr prof ref re ord fwd fw post " +
    "yours sincerely faithfully truly respectfully wishes mit freundlichen grüßen grüße viele " +
    "met vriendelijke groet groeten saludos cordiales atentamente cordialement grazie obrigado " +
    "obrigada gracias merci danke i'm im i've ive i'll i'd we're we've they're you're"
  ).split(" "),
);
// Lower-case words inside a name: "van der Berg", "de la Cruz", "bin Salman", "Ó Briain".
const PARTICLES = new Set(
  "van der den de la le da di du del della von bin al el ter ten dos das y ó ní nic ua".split(" "),
);
// A name word has a lower-case letter (capitals alone are codes: "ORD"), and ends in a letter.
const NAME_WORD = /^[\p{Lu}\p{Ll}](?:[\p{L}'’-]*\p{L})?$/u;

// A middle initial: "P." or "P", or "p." in a transcript that writes no capitals.
const isInitial = (word: string) => /^(?:\p{Lu}\.?|\p{Ll}\.)$/u.test(word);

function capitalise(word: string): string {
  if (PARTICLES.has(word.toLowerCase())) return word.toLowerCase();
  return word
    .split(/(['’-])/)
    .map((part) => (part.length > 1 ? part[0]!.toUpperCase() + part.slice(1) : part))
    .join("");
}

// A title before a name ("Dr. Margaret Ashworth-Kaye", "Mrs Agatha Brennan") is not part of it.
const TITLES = /^(?:mr|mrs|ms|mx|miss|dr|prof|sir|dame|rev|fr)\.?$/i;
// Letters after a name ("Yusuf Karimi MRPharmS", "Ann Lee PhD") are a degree or an honour.
const POST_NOMINALS = /^(?:phd|md|mba|bsc|msc|ba|ma|jr|sr|esq|rn|cpa|ii|iii)\.?,?$/i;
const isPostNominal = (word: string, picked: string[]) =>
  picked.length >= 2 &&
  (POST_NOMINALS.test(word) || (/\p{Lu}{2}/u.test(word) && /\p{Ll}/u.test(picked.join(""))));

/** The name a run of words starts with: two to four name words, stopping at the first non-name. */
function leadingName(words: string[], caseMatters: boolean): string | null {
  const picked: string[] = [];
  const start = words.findIndex((w) => !TITLES.test(w));
  for (const raw of start > 0 ? words.slice(start) : words) {
    if (isPostNominal(raw, picked)) break;
    // "Harold P. Whitcombe": a middle initial stays in the name and does not end it.
    if (picked.length > 0 && isInitial(raw)) {
      picked.push(raw);
      continue;
    }
    const word = raw.replace(/[.,;:!?)]+$/, "");
    const lower = word.toLowerCase();
    // "Ingrid Halvorsen that's h a l…", "name's Dmitri": a contraction is never part of a name.
    if (/['’]s$/.test(lower)) break;
    const particle = PARTICLES.has(lower) && picked.length > 0;
    if (
      !NAME_WORD.test(word) ||
      (word.length < 2 && !particle) ||
      (NOT_NAMES.has(lower) && !particle)
    )
      break;
    if (caseMatters && !particle && !/\p{Ll}/u.test(word)) break;
    if (caseMatters && !particle && !/^\p{Lu}/u.test(word)) break;
    picked.push(word);
    // Particles do not count: "Beatriz Gómez de la Fuente" is three name words.
    const nameWords = picked.filter((w) => !PARTICLES.has(w.toLowerCase()) && !isInitial(w));
    if (nameWords.length === 4 || /[.,;:!?)]$/.test(raw)) break;
  }
  while (
    picked.length > 0 &&
    (PARTICLES.has(picked[picked.length - 1]!.toLowerCase()) || isInitial(picked.at(-1)!))
  )
    picked.pop();
  const named = picked.filter((w) => !isInitial(w));
  return named.length >= 2 ? picked.map(capitalise).join(" ") : null;
}

const INTRODUCTIONS =
  /(?:\bmy name(?:'s| is)|\bname\b|\bname(?:'s| is)|\bfull name(?: is)?[:\s-]|\bname\s*[:=-]|\bthis is|\bit'?s|\bi'?m|\bi am|\bspeaking(?: to)?|\bcalled|\bunder(?: the name(?: of)?)?|\bin the name of|\baccount name(?: is)?[:\s]?|\bcustomer\s*[:=-]|^\s*from\s*[:=-]?)\s+/gimu;

/** Names the customer gives, cued ones first, then capitalised runs that may be a name. */
/** Whether the writer uses capitals for words at all ("Hello"), so a lower-case word is no name. */
function writesInCase(text: string): boolean {
  return /(?:^|[^\p{L}])\p{Lu}\p{Ll}+/u.test(text);
}

export function nameCandidates(text: string, signature: string | null): NameCandidate[] {
  const caseMatters = writesInCase(text);
  const out: NameCandidate[] = [];
  const add = (name: string | null, cued: boolean) => {
    if (name && !out.some((c) => c.name.toLowerCase() === name.toLowerCase()))
      out.push({ name, cued });
  };
  for (const source of [text, signature ?? ""]) {
    for (const m of source.matchAll(INTRODUCTIONS)) {
      add(leadingName(source.slice(m.index + m[0].length).split(/\s+/), caseMatters), true);
    }
    // "Rosa Díaz here", "— Maya Ortiz", "- Tom Baker, 30303" at the start or end of a line.
    for (const line of source.split("\n")) {
      // "hello yes hannah silva here": the name is the last words before "here".
      const here = line.match(/([\p{L}'’. -]{3,80}?)\s+here\b/iu);
      if (here) {
        const before = here[1]!.trim().split(/\s+/);
        for (let n = Math.min(6, before.length); n >= 2; n--) {
          const name = leadingName(before.slice(-n), caseMatters);
          if (name && name.split(" ").length === n) {
            add(name, true);
            break;
          }
        }
      }
      const dash = line.match(/(?:^|\s)[-–—~]\s*([\p{L}][\p{L}'’ -]{2,60})(?:,|$)/u);
      if (dash) add(leadingName(dash[1]!.trim().split(/\s+/), caseMatters), true);
    }
  }
  // A signature's first lines that are not a sign-off name the sender; so does the block of short
  // lines that ends a message without a sign-off ("Sam Oyelaran-Hughes / Flat 2, 9 Vicarage Road").
  const lines = text.split("\n").map((l) => l.trim());
  let block = lines.length;
  while (block > 0 && (lines[block - 1] === "" || lines[block - 1]!.split(/\s+/).length <= 6))
    block--;
  const closing = lines.slice(block).filter(Boolean);
  const signatureLines = [
    ...(signature ? signature.split("\n").slice(0, 3) : []),
    ...(lines.length > 1 && closing.length < lines.filter(Boolean).length
      ? closing.slice(0, 3)
      : []),
  ];
  for (const line of signatureLines) {
    const trailing = line.match(/(?:,|\s[–—-])\s*([\p{L}][\p{L}'’. -]{2,60})$/u)?.[1] ?? line;
    add(leadingName(trailing.trim().split(/\s+/), false), true);
  }
  // Uncued: runs of capitalised words within a line (only where case tells names apart).
  if (caseMatters) {
    for (const line of lines) {
      for (const m of line.matchAll(
        /(?:^|[^\p{L}])(\p{Lu}[\p{L}'’-]+(?:[ \t]+(?:\p{Lu}[\p{L}'’-]+|van|der|de|la|von|del|da|di|bin|al|Ó|Ní|Nic|Ua)){1,3})/gu,
      )) {
        add(leadingName(m[1]!.split(/[ \t]+/), true), false);
      }
    }
  }
  return out;
}

const ZIP_CUE =
  /(?:\b(?:zip ?code|zip|post ?code|postal(?: code)?|eircode|pin ?code|cep|plz)|〒)(?:'s|\s*[:#-]|\s+(?:is|it's|its|right|now|currently|still|was|here|there))*\s*/gi;
// The shapes postcodes take: US ZIP and ZIP+4, UK, Canada, Ireland's Eircode, and four to six
// figures (with letters for the Netherlands) after a cue.
// Not the first half of a longer code ("CEP 01310-100").
const US_ZIP = /\b\d{5}(?:-\d{4})?\b(?!-\d)/;
const UK = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/i;
const CANADA = /\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b/i;
const EIRCODE = /\b[A-Z]\d[\dW]\s?[A-Z\d]{4}\b/i;
const CUED_ONLY = /\b(?:\d{3}-\d{4}|\d{5}-\d{3}|\d{3} \d{2}|\d{4,6}(?:\s?[A-Z]{2})?)\b/i;
const US_STATE_ZIP =
  /\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC),?\s+(\d{5}(?:-\d{4})?)\b/g;

function tidy(zip: string): string {
  const flat = zip.replace(/\s+/g, "").toUpperCase();
  // UK, Canadian and Irish codes are stored with the space before their last part.
  if (UK.test(flat) && !/^\d/.test(flat)) return `${flat.slice(0, -3)} ${flat.slice(-3)}`;
  if (CANADA.test(flat)) return `${flat.slice(0, 3)} ${flat.slice(3)}`;
  if (EIRCODE.test(flat) && flat.length === 7 && /^[A-Z]/.test(flat))
    return `${flat.slice(0, 3)} ${flat.slice(3)}`;
  return flat;
}

/**
 * A postcode written right after a name ("Rosa Díaz, 30303", "tom baker / 84161") is given as the
 * name's postcode: it is cued, and it is not an order.
 */
export function postcodesAfterNames(text: string, names: NameCandidate[]): PostcodeCandidate[] {
  const out: PostcodeCandidate[] = [];
  const lower = text.toLowerCase();
  for (const n of names) {
    const at = lower.indexOf(n.name.toLowerCase());
    if (at === -1) continue;
    const from = at + n.name.length;
    const rest = text.slice(from, from + 24);
    const m = rest.match(
      /^(?:\s*here)?[\s,/()|:-]*(\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b/i,
    );
    if (m) {
      const start = from + m[0].length - m[1]!.length;
      out.push({ zip: tidy(m[1]!), cued: true, span: { start, end: start + m[1]!.length } });
    }
  }
  return out;
}

/**
 * The words right before a postcode ("olu adeyemi / 56581", "Rosa Díaz, 30303") may be the name it
 * goes with: proposed as names, to be confirmed by the lookup like any other.
 */
export function namesBeforePostcodes(
  text: string,
  postcodes: PostcodeCandidate[],
): NameCandidate[] {
  const caseMatters = writesInCase(text);
  const out: NameCandidate[] = [];
  for (const p of postcodes) {
    if (p.span.start < 0) continue;
    const before = text.slice(Math.max(0, p.span.start - 60), p.span.start);
    const m = before.match(
      /([\p{L}'’. -]{3,60}?)[\s,/(|:-]*(?:zip(?: ?code)?|post ?code|postal code|eircode|cep|plz|here)?[\s,/(|:-]*$/iu,
    );
    if (!m) continue;
    const words = m[1]!.trim().split(/\s+/);
    // Up to six words: particles and an initial come on top of four name words.
    for (let n = Math.min(6, words.length); n >= 2; n--) {
      const name = leadingName(words.slice(-n), caseMatters);
      if (name && name.split(" ").length === n) {
        if (!out.some((c) => c.name === name)) out.push({ name, cued: true });
        break;
      }
    }
  }
  return out;
}

/** Zips and postcodes: after a cue, after a US state, or in a shape only a postcode has. */
export function postcodeCandidates(text: string): PostcodeCandidate[] {
  const out: PostcodeCandidate[] = [];
  const add = (raw: string, at: number, cued: boolean) => {
    const zip = tidy(raw);
    const existing = out.find((c) => c.zip === zip);
    if (existing) existing.cued ||= cued;
    else out.push({ zip, cued, span: { start: at, end: at + raw.length } });
  };
  for (const m of text.matchAll(ZIP_CUE)) {
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    for (const shape of [US_ZIP, UK, CANADA, EIRCODE, CUED_ONLY]) {
      const found = rest.match(shape);
      if (found && found.index !== undefined && found.index <= 1) {
        add(found[0], m.index + m[0].length + found.index, true);
        break;
      }
    }
  }
  for (const m of text.matchAll(US_STATE_ZIP))
    add(m[1]!, m.index + m[0].length - m[1]!.length, true);
  for (const shape of [UK, CANADA, EIRCODE]) {
    for (const m of text.matchAll(new RegExp(shape.source, "gi"))) {
      // Shapes with letters and figures mixed are postcodes only in their own case forms; an
      // Eircode's last four always mix them too ("D02 X285").
      const mixed = (t: string) => /\d/.test(t) && /[a-z]/i.test(t);
      if (mixed(m[0]) && (shape !== EIRCODE || mixed(m[0].slice(-4)))) add(m[0], m.index, false);
    }
  }
  for (const m of text.matchAll(new RegExp(US_ZIP.source, "g"))) add(m[0], m.index, false);
  return out;
}

/** A common word of support messages (a greeting, a sign-off, a weekday), never a name or place. */
export function isCommonWord(word: string): boolean {
  return NOT_NAMES.has(word.toLowerCase());
}

export interface NameZipPair {
  name: string;
  zip: string;
}

/**
 * Figures that are postcodes in much of the world ("Cape Town 8001", "00-543 Warszawa",
 * "Bengaluru 560034", "1100-048 Lisboa", "211 54 Malmö", "1054 GS Amsterdam", "150-0001 Tokyo",
 * "01310-100 São Paulo").
 */
export function loosePostcodes(text: string): PostcodeCandidate[] {
  return [
    ...text.matchAll(
      /(?<![\p{L}\p{N}-])(\d{2}-\d{3}|\d{4}-\d{3}|\d{5}-\d{3}|\d{3}-\d{4}|\d{3} \d{2}|\d{4} ?[A-Z]{2}|\d{4,6})(?![\p{L}\p{N}-])/gu,
    ),
  ].map((m) => ({
    zip: m[1]!,
    cued: false,
    span: { start: -1, end: -1 },
  }));
}

/**
 * The pairs worth one lookup each, most likely first: cued names with cued zips, then the rest,
 * at most `limit` (each lookup is a call to the order system).
 */
export function nameZipPairs(
  names: NameCandidate[],
  zips: PostcodeCandidate[],
  limit = 4,
): NameZipPair[] {
  const pairs: (NameZipPair & { rank: number })[] = [];
  for (const n of names)
    for (const z of zips) {
      // A code only a postcode looks like ("TN39 3QR") is as good as a cued one.
      const shaped = /[A-Z]/i.test(z.zip) && /\d/.test(z.zip);
      const rank = (n.cued ? 0 : 2) + (z.cued || shaped ? 0 : 1);
      pairs.push({ name: n.name, zip: z.zip, rank });
      // Spoken or typed without its accents, a name may be stored with them, or the reverse.
      const folded = n.name.normalize("NFKD").replace(/\p{M}/gu, "");
      if (folded !== n.name) pairs.push({ name: folded, zip: z.zip, rank: rank + 0.5 });
    }
  return pairs
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ name, zip }) => ({ name, zip }));
}
