/**
 * Speech-to-text writes what people say, not what they mean to type: "w four four seven one two
 * one oh", "double three", "rosa dot diaz at gmail dot com", "um", "uh". This turns those spoken
 * forms back into the written ones, so the same finders read a call and a chat alike.
 */
import { isCommonWord } from "./name-and-postcode";

const UNITS: Record<string, string> = {
  zero: "0",
  oh: "0",
  o: "0",
  nought: "0",
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
};
const TEENS: Record<string, string> = {
  ten: "10",
  eleven: "11",
  twelve: "12",
  thirteen: "13",
  fourteen: "14",
  fifteen: "15",
  sixteen: "16",
  seventeen: "17",
  eighteen: "18",
  nineteen: "19",
};
const TENS: Record<string, string> = {
  twenty: "2",
  thirty: "3",
  forty: "4",
  fifty: "5",
  sixty: "6",
  seventy: "7",
  eighty: "8",
  ninety: "9",
};
const REPEAT: Record<string, number> = { double: 2, triple: 3 };
const FILLERS = new Set(["um", "umm", "uh", "uhh", "uhm", "erm", "er", "hmm", "hm", "mm", "mmm"]);
const TOP_LEVEL = /^(?:com|net|org|edu|gov|io|co|uk|us|ca|de|fr|es|it|nl|au|info|biz|me|app)$/;

interface Piece {
  word: string;
  /** The separator that followed the word in the original text. */
  gap: string;
}

const NUMBER_WORD =
  "zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const HYPHENATED_NUMBER = new RegExp(`\\b(${NUMBER_WORD})-(${NUMBER_WORD})\\b`, "gi");

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  // "twenty-two" is two spoken numbers; "A-10293" stays one code.
  const spaced = text.replace(HYPHENATED_NUMBER, "$1 $2");
  for (const m of spaced.matchAll(/(\S+)(\s*)/g)) out.push({ word: m[1]!, gap: m[2]! });
  return out;
}

// Real words one slip from a number word ("for", "even", "tree"): never read as that number.
const NOT_SLIPS = new Set(["for", "fore", "to", "too", "on", "even", "seen", "tree", "fie", "sex"]);

/**
 * A number word typed or transcribed with one slip ("threee", "thre", "sevn", "fiev"): a doubled
 * letter, a dropped one or two swapped. Read as that digit only inside a figure already begun.
 */
function slippedUnit(word: string): string | undefined {
  if (word.length < 3 || NOT_SLIPS.has(word)) return undefined;
  for (const [unit, digit] of Object.entries(UNITS)) {
    if (unit.length < 3) continue;
    const doubled = word.length === unit.length + 1 && word.replace(/(.)\1/, "$1") === unit;
    const dropped =
      unit.length >= 4 &&
      word.length === unit.length - 1 &&
      [...unit].some((_, k) => unit.slice(0, k) + unit.slice(k + 1) === word);
    const swapped =
      word.length === unit.length &&
      [...unit].some(
        (_, k) =>
          k < unit.length - 1 &&
          unit.slice(0, k) + unit[k + 1] + unit[k] + unit.slice(k + 2) === word,
      );
    if (doubled || dropped || swapped) return digit;
  }
  return undefined;
}

/** Digits a run of spoken number words starting at `i` stands for, and how many words it took. */
function digitRun(words: string[], i: number): { digits: string; taken: number } {
  let digits = "";
  let j = i;
  let numberWords = 0;
  while (j < words.length) {
    const w = words[j]!.toLowerCase().replace(/[.,!?;:]+$/, "");
    const next = words[j + 1]?.toLowerCase().replace(/[.,!?;:]+$/, "");
    const slipped = digits !== "" ? slippedUnit(w) : undefined;
    if (REPEAT[w] && next && (UNITS[next] || /^\d$/.test(next))) {
      digits += (UNITS[next] ?? next).repeat(REPEAT[w]!);
      j += 2;
      numberWords += 2;
    } else if (UNITS[w] && (w !== "o" || digits !== "")) {
      digits += UNITS[w];
      j++;
      numberWords++;
    } else if (slipped) {
      digits += slipped;
      j++;
      numberWords++;
    } else if (TEENS[w]) {
      digits += TEENS[w];
      j++;
      numberWords++;
    } else if (TENS[w]) {
      const unit = next ? UNITS[next] : undefined;
      digits += unit && unit !== "0" ? `${TENS[w]}${unit}` : `${TENS[w]}0`;
      j += unit && unit !== "0" ? 2 : 1;
      numberWords++;
    } else if (w === "hundred" && digits !== "") {
      digits += "00";
      j++;
    } else if (/^\d$/.test(w)) {
      digits += w;
      j++;
    } else if (
      w === "like" &&
      digits !== "" &&
      next &&
      (UNITS[next] || slippedUnit(next) || /^\d$/.test(next))
    ) {
      // "one four like seven three": a hesitation inside a figure read out.
      j++;
    } else break;
    // A run ends where the speaker's punctuation ends it.
    if (/[.,!?;:]$/.test(words[j - 1]!)) break;
  }
  // One or two number words are ordinary speech ("a new one", "twenty five dollars"); three or
  // more in a row are a figure read out digit by digit.
  const taken = j - i;
  const enough = taken >= 3 && numberWords + digits.length >= 3;
  return enough ? { digits, taken } : { digits: "", taken: 0 };
}

// Spoken hedges that carry nothing; "like" alone stays, people like things.
// "I mean" before a figure corrects it ("one eight four two two, i mean two seven"): kept.
const SPOKEN_HEDGES = new RegExp(
  `\\b(?:you know|so yeah|i mean(?!,?\\s*(?:#|[a-z]{0,4}-?\\d|(?:${NUMBER_WORD})\\b))|kind of like|sort of like),?\\s*`,
  "gi",
);

const STREET_WORD =
  /^(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|way|drive|dr|court|ct|place|pl|terrace|square|close|crescent|parade|parkway|highway|north|south|east|west)$/i;

/**
 * A house number read out before a street: "nine hundred", "two ten", "two twenty one",
 * "fourteen". Groups are written one after the other, as people read them.
 */
function houseNumber(words: string[], i: number): { digits: string; taken: number } | null {
  let j = i;
  let out = "";
  let group = "";
  const flush = () => {
    out += group;
    group = "";
  };
  while (j < words.length) {
    const w = words[j]!.toLowerCase();
    if (w === "hundred" && group) {
      group = String(Number(group) * 100);
      const rest = words[j + 1]?.toLowerCase() === "and" ? j + 2 : j + 1;
      const next = words[rest]?.toLowerCase() ?? "";
      const tail =
        TEENS[next] ??
        (TENS[next]
          ? `${TENS[next]}${UNITS[words[rest + 1]?.toLowerCase() ?? ""] ?? "0"}`
          : UNITS[next]);
      if (tail && next !== "oh") {
        group = String(Number(group) + Number(tail));
        j = rest + (TENS[next] && UNITS[words[rest + 1]?.toLowerCase() ?? ""] ? 2 : 1);
      } else j++;
      flush();
      continue;
    }
    if (TEENS[w]) {
      flush();
      group = TEENS[w];
    } else if (TENS[w]) {
      flush();
      const unit = UNITS[words[j + 1]?.toLowerCase() ?? ""];
      group = unit && unit !== "0" ? `${TENS[w]}${unit}` : `${TENS[w]}0`;
      if (unit && unit !== "0") j++;
    } else if (UNITS[w] && w !== "o") {
      flush();
      group = UNITS[w];
    } else break;
    j++;
  }
  flush();
  const taken = j - i;
  if (taken === 0) return null;
  // Only before a street: "a new one" stays words.
  const ahead = words.slice(j, j + 5);
  return ahead.some((w) => STREET_WORD.test(w.replace(/[.,]$/, "")))
    ? { digits: out, taken }
    : null;
}

const letterOf = (p: Piece) => p.word.toLowerCase().replace(/[,.;:]$/, "");
const bareWord = (p: Piece) => p.word.toLowerCase().replace(/[^\p{L}]/gu, "");
const isLetter = (p: Piece) => /^\p{L}$/u.test(letterOf(p));
/** Words that lead into a spelling: "siobhan, that's s i o b h a n". */
const SPELLING_CUES = new Set(["thats", "spelt", "spelled", "spelling"]);
/** How far from the spelling the word it spells may be said: a name of two or three words. */
const ECHO_REACH = 4;
const JOINERS = new Set(["dash", "hyphen"]);
const SPELLING_NOTES = ["all one word", "one word", "no spaces", "no space"];

/** A spelling is an echo when it spells a word said just before or after it, or two in a row. */
function spellsANeighbour(spelt: string, parts: Piece[], start: number, end: number): boolean {
  // Words, not the letters of another spelling beside this one.
  const said = (p: Piece) => !isLetter(p) && !JOINERS.has(bareWord(p));
  const near = [
    ...parts.slice(0, start).filter(said).slice(-ECHO_REACH),
    ...parts.slice(end).filter(said).slice(0, ECHO_REACH),
  ].map(bareWord);
  return near.some((w, k) => w === spelt || (k > 0 && near[k - 1]! + w === spelt));
}

/**
 * Callers spell a word right after saying it ("priya, p r i y a, raghunathan"; "siobhan, that's
 * s i o b h a n"), just before ("p a t r i c k, patrick o'brien"), or a whole name at once: the
 * spelling says nothing new, and left in, its letters would read as a code.
 */
function withoutSpeltEchoes(parts: Piece[]): Piece[] {
  const dropped = new Set<number>();
  for (let i = 0; i < parts.length;) {
    if (!isLetter(parts[i]!)) {
      i++;
      continue;
    }
    let j = i;
    let spelt = "";
    while (j < parts.length && isLetter(parts[j]!)) spelt += letterOf(parts[j++]!);
    // Two letters run straight into figures open a postcode ("m y zero zero b b"), even when
    // they spell a word said nearby.
    const next = bareWord(parts[j] ?? { word: "", gap: "" });
    const opensCode =
      spelt.length <= 2 &&
      !/[.,!?;:]$/.test(parts[j - 1]!.word) &&
      (/^\d/.test(next) || next in UNITS);
    if (spelt.length >= 2 && !opensCode && spellsANeighbour(spelt, parts, i, j)) {
      for (let k = i; k < j; k++) dropped.add(k);
      // "…, all one word", "no spaces": how the spelling was meant, nothing more.
      const after = parts
        .slice(j, j + 3)
        .map(bareWord)
        .join(" ");
      const meant = SPELLING_NOTES.find((n) => after === n || after.startsWith(`${n} `));
      if (meant) for (let k = 0; k < meant.split(" ").length; k++) dropped.add(j + k);
      const cue = bareWord(parts[i - 1] ?? { word: "", gap: "" });
      if (SPELLING_CUES.has(cue)) dropped.add(i - 1);
      else if (cue === "is" && bareWord(parts[i - 2] ?? { word: "", gap: "" }) === "that")
        dropped.add(i - 1).add(i - 2);
    }
    i = j;
  }
  // "j e a n dash b a p t i s t e": the dash between two spellings is part of them.
  parts.forEach((p, k) => {
    if (dropped.has(k - 1) && dropped.has(k + 1) && JOINERS.has(bareWord(p))) dropped.add(k);
  });
  const kept = (k: number) => {
    while (k < parts.length && dropped.has(k)) k++;
    return parts[k];
  };
  const out: Piece[] = [];
  parts.forEach((p, k) => {
    if (dropped.has(k)) return;
    // "kofi asante, k o f i, asante": the name said again after its spelling is said once.
    if (dropped.has(k - 1) && out.length > 0 && bareWord(out[out.length - 1]!) === bareWord(p))
      return;
    if (!dropped.has(k + 1)) return void out.push(p);
    let last = k + 1;
    while (dropped.has(last + 1)) last++;
    // "tom, t o m, baker" reads "tom baker": the pauses were only for the spelling. Before a
    // common word ("lafleur, l a f l e u r, all one word") the pause ends the name.
    const next = kept(last + 1);
    const pause = parts[last]!.word.match(/[,;:.]$/)?.[0] ?? "";
    const ends = !next || isCommonWord(bareWord(next)) ? pause : "";
    out.push({ word: p.word.replace(/[,;:]$/, "") + ends, gap: parts[last]!.gap });
  });
  return out;
}

/** Turn spoken figures and addresses into written ones; drop hesitation sounds. */
export function writtenForm(text: string): string {
  const parts = withoutSpeltEchoes(
    pieces(text.replace(SPOKEN_HEDGES, "")).filter(
      (p) => !FILLERS.has(p.word.toLowerCase().replace(/[,.]$/, "")),
    ),
  );
  const words = parts.map((p) => p.word);
  const out: Piece[] = [];
  for (let i = 0; i < parts.length;) {
    const house = houseNumber(words, i);
    if (house) {
      out.push({ word: house.digits, gap: parts[i + house.taken - 1]!.gap });
      i += house.taken;
      continue;
    }
    const run = digitRun(words, i);
    if (run.taken > 0) {
      const last = parts[i + run.taken - 1]!;
      const trailing = last.word.match(/[.,!?;:]+$/)?.[0] ?? "";
      out.push({ word: run.digits + trailing, gap: last.gap });
      i += run.taken;
      continue;
    }
    out.push(parts[i]!);
    i++;
  }
  return spokenPlus(joinLetterPrefixes(joinSpeltCodes(spokenEmails(phoneGroups(out)))))
    .map((p) => p.word + p.gap)
    .join("")
    .trim();
}

/**
 * A phone number read out in groups with pauses ("four one five, five five five, oh one three
 * nine") is one number: its groups are written together so the phone finder sees it whole, and
 * its last group is never taken for an order.
 */
function phoneGroups(parts: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < parts.length; i++) {
    // Groups of figures, each but the last followed by a comma.
    let j = i;
    while (j < parts.length && /^\d{2,4}[,.!?;:]*$/.test(parts[j]!.word)) {
      j++;
      if (!parts[j - 1]!.word.endsWith(",")) break;
    }
    const groups = parts.slice(i, j).map((p) => p.word.replace(/[,.!?;:]+$/, ""));
    const whole = groups.join("");
    const phoneLength = whole.length === 10 || (whole.length === 11 && /^[01]/.test(whole));
    if (groups.length >= 3 && phoneLength) {
      const end = parts[j - 1]!;
      const stop = end.word.match(/[.!?;:]+$/)?.[0] ?? "";
      out.push({ word: groups.join(" ") + stop, gap: end.gap });
      i = j - 1;
      continue;
    }
    out.push(parts[i]!);
  }
  return out;
}

// Words that end the spoken local part of an email, reading back from "at".
const BEFORE_EMAIL = new Set([
  "is",
  "its",
  "it's",
  "my",
  "email",
  "e-mail",
  "mail",
  "address",
  "me",
  "the",
  "at",
  "on",
  "to",
  "was",
  "and",
  "or",
  "reach",
  "contact",
  "under",
  "use",
  "try",
  "account",
  "on",
  "it",
]);
const SEPARATORS: Record<string, string> = { dot: ".", underscore: "_", dash: "-", hyphen: "-" };
// How speech engines write the big mail providers.
const PROVIDERS: Record<string, string> = {
  "g mail": "gmail",
  "g male": "gmail",
  "gee mail": "gmail",
  "hot mail": "hotmail",
  "out look": "outlook",
  "proton mail": "protonmail",
  "i cloud": "icloud",
  "ya hoo": "yahoo",
  "a o l": "aol",
};

/** "ben dot carter ninety at g mail dot com" → "ben.carter90@gmail.com". */
function spokenEmails(parts: Piece[]): Piece[] {
  const clean = (w: string) => w.toLowerCase().replace(/[.,!?;:]+$/, "");
  const lower = parts.map((p) => clean(p.word));
  for (let at = 1; at < parts.length - 2; at++) {
    if (lower[at] !== "at") continue;
    // The domain: labels joined by "dot", ending in a known top-level domain (perhaps spelt).
    let end = at + 1;
    let label = lower[end]!;
    const two = `${lower[end]} ${lower[end + 1]}`;
    if (PROVIDERS[two]) {
      label = PROVIDERS[two];
      end++;
    }
    const domain = [label];
    while (lower[end + 1] === "dot" && lower[end + 2]) {
      let next = lower[end + 2]!;
      end += 2;
      // A top-level domain spelt out: "i t", "c o m".
      while (/^[a-z]$/.test(next) && /^[a-z]$/.test(lower[end + 1] ?? "") && next.length < 3) {
        next += lower[end + 1];
        end++;
      }
      domain.push(next);
    }
    if (domain.length < 2 || !TOP_LEVEL.test(domain[domain.length - 1]!)) continue;
    // The local part, read back from "at": letters spelt one by one, figures, words and separators.
    let start = at;
    let local = "";
    while (start > 0) {
      const w = lower[start - 1]!;
      if (BEFORE_EMAIL.has(w) && !SEPARATORS[w]) break;
      const piece =
        SEPARATORS[w] ??
        (/^[a-z]$/.test(w) ? w : undefined) ??
        UNITS[w] ??
        (TENS[w] ? `${TENS[w]}0` : (TEENS[w] ?? (/^[a-z0-9]+$/.test(w) ? w : null)));
      if (piece === null) break;
      // A whole word joins only by a separator or a figure ("ben dot carter ninety"), and figures
      // never run into a spelt letter ("o r d dash 41173 h dot patel"): past that is the sentence.
      const right = lower[start] ?? "";
      const joins = start === at || SEPARATORS[right] !== undefined || /^\d/.test(local);
      if (/^[a-z]{2,}$/.test(piece) && !joins) break;
      if (/^\d{3,}$/.test(piece) && /^[a-z][._-]?/.test(local) && !SEPARATORS[right]) break;
      local = piece + local;
      start--;
      if (local.length > 40) break;
    }
    local = local.replace(/(\d)0(\d)$/, "$1$2");
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(local)) continue;
    const trailing = parts[end]!.word.match(/[.,!?;:]+$/)?.[0] ?? "";
    const email: Piece = { word: `${local}@${domain.join(".")}${trailing}`, gap: parts[end]!.gap };
    return spokenEmails([...parts.slice(0, start), email, ...parts.slice(end + 1)]);
  }
  return parts;
}

/** "plus 447700900123" → "+447700900123": an international number read out. */
function spokenPlus(parts: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < parts.length; i++) {
    const next = parts[i + 1];
    if (parts[i]!.word.toLowerCase() === "plus" && next && /^\d{6,}/.test(next.word)) {
      out.push({ word: `+${next.word}`, gap: next.gap });
      i++;
    } else out.push(parts[i]!);
  }
  return out;
}

const SINGLE = /^(?:[a-z]|\d)$/i;
// The first half of a UK or Canadian postcode: "sw1a", "cf10", "m4c".
const OUTWARD_CODE = /^(?:[a-z]{1,2}\d[a-z\d]?|[a-z]\d[a-z])$/i;
const DASH = new Set(["dash", "hyphen"]);

/**
 * Whether characters read out one by one make a code: letters with three figures or more, a UK,
 * Canadian or Irish postcode ("s e one seven p b", "m five v three l nine", "d six w x y seven
 * two"), which have fewer figures, or a ZIP+4.
 */
const POSTCODE =
  /^(?:[a-z]{1,2}\d[a-z\d]?\d[a-z]{2}|[a-z]\d[a-z]\d[a-z]\d|[a-z]\d[\dw][a-z\d]{4})$/i;

function readsAsCode(code: string): boolean {
  const letters = (code.match(/[a-z]/gi) ?? []).length;
  const figures = (code.match(/\d/g) ?? []).length;
  return (
    (letters >= 1 && figures >= 3 && code.length >= 4) ||
    POSTCODE.test(code) ||
    /^\d{5}-\d{4}$/.test(code)
  );
}

/**
 * Codes read out character by character: "o r d dash 66219" → "ord-66219", "h 2 x 1 y 4" →
 * "h2x1y4", "hash 1077" → "#1077". A run needs a figure in it, so spelt names stay words.
 */
function joinSpeltCodes(parts: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i]!.word.toLowerCase();
    if (["hash", "hashtag"].includes(word) && /^\d{3,}[.,!?;:]*$/.test(parts[i + 1]?.word ?? "")) {
      out.push({ word: `#${parts[i + 1]!.word}`, gap: parts[i + 1]!.gap });
      i++;
      continue;
    }
    // "1080 x 1920" is a size, not the code "x1920".
    if (/^x$/i.test(parts[i]!.word) && /\d[.,]?$/.test(parts[i - 1]?.word ?? "")) {
      out.push(parts[i]!);
      continue;
    }
    let j = i;
    let code = "";
    // The longest run that reads as a code: "l e four nine j q i ordered" ends at the "q".
    let whole: { end: number; code: string } | null = null;
    while (j < parts.length) {
      const w = parts[j]!.word.replace(/[.,!?;:]+$/, "");
      const spoken = UNITS[w.toLowerCase()] ?? TEENS[w.toLowerCase()];
      // "…two oh one i want a refund": after the figures, "i" or "a" before a word starts the
      // next sentence rather than ending the code ("s w one a, two a a" goes on).
      const after = (parts[j + 1]?.word ?? "").toLowerCase().replace(/[.,!?;:]+$/, "");
      const sentence = /^[a-z]{2,}$/.test(after) && !UNITS[after] && !TEENS[after];
      if (/^[ai]$/i.test(w) && (/\d$/.test(code) || POSTCODE.test(code)) && sentence) break;
      if (SINGLE.test(w)) code += w;
      else if (spoken && w.length > 1) code += spoken;
      // "o r d like one four…": a hesitation between the letters and the figures.
      else if (w.toLowerCase() === "like" && /[a-z]$/i.test(code) && /^\d/.test(after)) {
        /* nothing to add */
      } else if (DASH.has(w.toLowerCase()) && code && /^\d{3,}/.test(parts[j + 1]?.word ?? ""))
        code += "-";
      else if (/^\d+$/.test(w) && code) code += w;
      else if (/^\d{3,}$/.test(w) && !code && DASH.has(parts[j + 1]?.word.toLowerCase() ?? ""))
        code += w;
      else break;
      j++;
      if (j - i >= 2 && readsAsCode(code)) whole = { end: j, code };
      // A postcode is read in two halves, and a transcript may put a comma between them
      // ("m four c, one b five").
      const halfway = /,$/.test(parts[j - 1]!.word) && OUTWARD_CODE.test(code);
      if (/[.,!?;:]$/.test(parts[j - 1]!.word) && !halfway) break;
    }
    if (whole) {
      const last = parts[whole.end - 1]!;
      const trailing = last.word.match(/[.,!?;:]+$/)?.[0] ?? "";
      out.push({ word: whole.code + trailing, gap: last.gap });
      i = whole.end - 1;
      continue;
    }
    out.push(parts[i]!);
  }
  return out;
}

/** "w as in william 4471210" and "w 4471210" → "w4471210": a spelt letter before a long figure. */
function joinLetterPrefixes(parts: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i]!.word;
    // Not "x" between two figures: "1080 x 1920" is a size.
    const times = /^x$/i.test(word) && /\d[.,]?$/.test(parts[i - 1]?.word ?? "");
    const isLetter = /^[a-z]$/i.test(word) && !/^[ai]$/i.test(word) && !times;
    if (isLetter) {
      const spelt =
        parts[i + 1]?.word.toLowerCase() === "as" &&
        ["in", "for"].includes(parts[i + 2]?.word.toLowerCase() ?? "")
          ? 3
          : 0;
      const figure = parts[i + 1 + spelt];
      const next = figure?.word;
      if (next && /^\d{4,}[.,!?;:]*$/.test(next)) {
        out.push({ word: `${word}${next}`, gap: figure.gap });
        i += 1 + spelt;
        continue;
      }
    }
    out.push(parts[i]!);
  }
  return out;
}
