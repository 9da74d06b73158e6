import { stemmer } from "stemmer";

/**
 * A message as a sequence of word stems, the shape every reader of intent works on: case,
 * accents, contractions, chat shorthand and inflection are gone, so "refunded", "Refunds" and
 * "refnd" read alike, and each stem knows whether a negation governs it.
 */
export interface Token {
  /** The stem ("refund", "arriv", "charg"). */
  stem: string;
  /** The word as normalised, before stemming. */
  word: string;
  /** Inside the scope of a "not", "never", "no"… that this token does not itself begin. */
  negated: boolean;
  /** Punctuation right after this token: a clause break (",", ";") or a sentence end (".", "?"). */
  boundaryAfter: "clause" | "sentence" | null;
}

// Contractions and the apostrophe-less way people type them on phones.
const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan'?t\b/g, "can not"],
  [/\bwon'?t\b/g, "will not"],
  [/\bain'?t\b/g, "is not"],
  [/\bshan'?t\b/g, "shall not"],
  [
    /\b(do|does|did|is|are|was|were|have|has|had|could|would|should|must|need|might)n'?t\b/g,
    "$1 not",
  ],
  [/\bi'?m\b/g, "i am"],
  [/\b(i|you|we|they|who)'ve\b/g, "$1 have"],
  [/\b(i|you|we|they)ve\b/g, "$1 have"],
  [/\b(i|you|we|they|he|she|it|that|there)'ll\b/g, "$1 will"],
  [/\b(you|we|they|who)'re\b/g, "$1 are"],
  [/\b(i|you|we|they|he|she|it|that|there)'d\b/g, "$1 would"],
  [/\b(it|that|what|where|there|here|who|how|when|he|she|let)'s\b/g, "$1 is"],
  [/\b(\w+)'s\b/g, "$1"],
];

// Shorthand of chat and text messages, mapped to the word it stands for.
const SHORTHAND: Record<string, string> = {
  pls: "please",
  plz: "please",
  plox: "please",
  u: "you",
  ur: "your",
  thx: "thanks",
  thanx: "thanks",
  tnx: "thanks",
  ty: "thanks",
  tks: "thanks",
  rn: "now",
  idk: "i do not know",
  dunno: "do not know",
  b4: "before",
  msg: "message",
  acct: "account",
  acc: "account",
  pw: "password",
  pwd: "password",
  passwd: "password",
  addr: "address",
  pkg: "package",
  ord: "order",
  wanna: "want to",
  gonna: "going to",
  gotta: "have to",
  cuz: "because",
  bc: "because",
  coz: "because",
  tho: "though",
  yr: "your",
  wo: "without",
  abt: "about",
  smth: "something",
  sth: "something",
  nvm: "never mind",
  ppl: "people",
  info: "information",
  qty: "quantity",
  approx: "about",
  tmrw: "tomorrow",
  tmr: "tomorrow",
  hv: "have",
  cud: "could",
  wud: "would",
  shud: "should",
  im: "i am",
  ive: "i have",
  dont: "do not",
  didnt: "did not",
  doesnt: "does not",
  isnt: "is not",
  wasnt: "was not",
  werent: "were not",
  arent: "are not",
  havent: "have not",
  hasnt: "has not",
  hadnt: "had not",
  cant: "can not",
  couldnt: "could not",
  wouldnt: "would not",
  shouldnt: "should not",
  wont: "will not",
  aint: "is not",
  cannot: "can not",
  its: "it is",
  thats: "that is",
  whats: "what is",
  wheres: "where is",
  theres: "there is",
};

// Irregular forms the Porter stemmer leaves apart from their base.
const IRREGULAR: Record<string, string> = {
  got: "get",
  gotten: "get",
  sent: "send",
  broke: "break",
  broken: "break",
  paid: "pay",
  bought: "buy",
  came: "come",
  went: "go",
  gone: "go",
  took: "take",
  taken: "take",
  gave: "give",
  given: "give",
  told: "tell",
  was: "be",
  were: "be",
  is: "be",
  are: "be",
  am: "be",
  done: "do",
  does: "do",
  made: "make",
  left: "leave",
  lost: "lose",
  brought: "bring",
  stole: "steal",
  stolen: "steal",
  wrote: "write",
  written: "write",
  thought: "think",
  kept: "keep",
  spent: "spend",
  felt: "feel",
  heard: "hear",
  saw: "see",
  seen: "see",
  knew: "know",
  known: "know",
  ate: "eat",
  eaten: "eat",
  woke: "wake",
  shipped: "ship",
  charged: "charg",
  children: "child",
  kids: "kid",
  women: "woman",
  men: "man",
  people: "person",
};

const NEGATORS = new Set(["not", "no", "never", "without", "nor", "neither", "nothing", "none"]);
/** Words that end a negation's reach: "not a refund, just a replacement". */
const SCOPE_ENDERS = new Set([
  "but",
  "just",
  "only",
  "instead",
  "rather",
  "though",
  "however",
  "so",
  "because",
  "and",
  "or",
  "then",
  "also",
  "which",
  "since",
  "until",
  "if",
]);
const NEGATION_REACH = 4;
/** A new verb phrase ("my bank is…", "…will") starts a new clause: the negation stops there. */
const CLAUSE_VERBS = new Set(["be", "will", "would", "can", "could", "should", "ha", "have", "do"]);

/** Lower case, no accents, contractions written out. */
export function normaliseWords(text: string): string {
  let t = text
    // A sum written with its currency sign is money, whatever the figure.
    .replace(/[$£€¥](?=\s?\d)/g, " money ")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
  for (const [pattern, replacement] of CONTRACTIONS) t = t.replace(pattern, replacement);
  return t;
}

/** Edit distance with adjacent swaps (Damerau, optimal string alignment), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows, not a table: building the speller compares thousands of word pairs.
  let before = new Int32Array(b.length + 1);
  let previous = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = max + 1;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, before[j - 2]! + 1);
      row[j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    [before, previous, row] = [previous, row, before];
  }
  return previous[b.length]!;
}

/**
 * Spelling repair against a vocabulary: a word we do not know that is one slip away from exactly
 * one word that carries meaning, and starts with the same letter, is read as that word. Short
 * words are left alone: at four letters too many real words sit one slip apart. One slip only:
 * at two, real words turn into others ("shelving" into "swelling").
 */
const MEMO_LIMIT = 10_000;

export class Speller {
  private readonly byLength = new Map<number, string[]>();
  private readonly memo = new Map<string, string>();

  constructor(
    private readonly known: ReadonlySet<string>,
    /** Words worth repairing towards: the vocabulary that carries meaning. */
    targets: Iterable<string>,
  ) {
    for (const word of targets) {
      if (word.length < 5) continue;
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
  }

  repair(word: string): string {
    if (word.length < 5 || this.known.has(word) || /\d/.test(word)) return word;
    const cached = this.memo.get(word);
    if (cached !== undefined) return cached;
    const max = 1;
    let best: string | null = null;
    let bestDistance = max + 1;
    let ties = 0;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const target of this.byLength.get(len) ?? []) {
        // Five-letter words sit one slip apart too often ("stick", "stock"): repair towards longer.
        if (target[0] !== word[0] || target.length < 6) continue;
        const d = editDistance(word, target, max);
        if (d < bestDistance) {
          best = target;
          bestDistance = d;
          ties = 0;
        } else if (d === bestDistance && best !== target) ties++;
      }
    }
    const repaired = best !== null && bestDistance <= max && ties === 0 ? best : word;
    // Remembered per isolate, up to a bound: unknown words are endless (names, codes, typos).
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(word, repaired);
    return repaired;
  }
}

export function stem(word: string): string {
  return IRREGULAR[word] ?? stemmer(word);
}

type Boundary = Token["boundaryAfter"];

/** Words speech-to-text splits in two ("pass word", "e mail"). */
const SPLIT_WORDS: Record<string, string> = {
  "pass word": "password",
  "pass words": "passwords",
  "e mail": "email",
  "e mails": "emails",
  "user name": "username",
  "charge back": "chargeback",
  "some one": "someone",
  "some body": "somebody",
};

/** The normalised words of a text, shorthand expanded, with clause and sentence breaks marked. */
export function words(text: string): { word: string; boundaryAfter: Boundary }[] {
  const out: { word: string; boundaryAfter: Boundary }[] = [];
  for (const m of normaliseWords(text).matchAll(/([a-z]+|\d+)|([.!?\n]+)|([,;:()]|\s-\s)/g)) {
    const last = out[out.length - 1];
    if (m[2] !== undefined) {
      if (last) last.boundaryAfter = "sentence";
      continue;
    }
    if (m[3] !== undefined) {
      if (last && last.boundaryAfter !== "sentence") last.boundaryAfter = "clause";
      continue;
    }
    const expanded = SHORTHAND[m[1]!] ?? m[1]!;
    for (const word of expanded.split(" ")) {
      const previous = out[out.length - 1];
      // "the delivery charge back" is a charge, given back; "do a charge back" is a chargeback.
      const noun =
        previous?.word === "charge" &&
        /^(?:the|delivery|shipping|postage|that|this|my|service)$/.test(
          out[out.length - 2]?.word ?? "",
        );
      const joined =
        previous && !previous.boundaryAfter && !noun && SPLIT_WORDS[`${previous.word} ${word}`];
      if (joined) previous.word = joined;
      else out.push({ word, boundaryAfter: null });
    }
  }
  return out;
}

/** Stems with their negation scope: a negator reaches forward until a boundary or a turn. */
export function tokenize(text: string, speller?: Speller): Token[] {
  const tokens: Token[] = [];
  let reach = 0;
  for (const { word: raw, boundaryAfter } of words(text)) {
    const word = speller ? speller.repair(raw) : raw;
    const isNegator = NEGATORS.has(word);
    const stemmed = stem(word);
    if (
      SCOPE_ENDERS.has(word) ||
      (reach > 0 && reach < NEGATION_REACH && CLAUSE_VERBS.has(stemmed))
    )
      reach = 0;
    tokens.push({ stem: stemmed, word, negated: !isNegator && reach > 0, boundaryAfter });
    if (reach > 0) reach--;
    if (isNegator) reach = NEGATION_REACH;
    if (boundaryAfter) reach = 0;
  }
  return tokens;
}
