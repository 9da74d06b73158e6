import { findConcepts, type ConceptHit } from "./concepts";
import { tokenize, type Speller, type Token } from "./tokens";

/** Words too common to say anything about what a customer wants on their own. */
const STOP = new Set([
  "the",
  "a",
  "an",
  "to",
  "of",
  "and",
  "or",
  "in",
  "on",
  "at",
  "for",
  "be",
  "it",
  "thi",
  "that",
  "i",
  "me",
  "so",
  "just",
  "with",
  "as",
  "from",
  "by",
  "am",
  "we",
  "our",
  "they",
  "them",
  "there",
  "here",
  "ha",
  "have",
  "do",
  "hi",
  "hello",
  "pleas",
  "thank",
  "thanks",
  "um",
  "uh",
  "like",
  "yeah",
  "ye",
  "oh",
  "ok",
]);
const QUESTION_OPENERS = new Set([
  "what",
  "where",
  "when",
  "how",
  "why",
  "which",
  "who",
  "can",
  "could",
  "do",
  "doe",
  "is",
  "be",
  "will",
  "would",
  "should",
  "ani",
]);

export interface Reading {
  tokens: Token[];
  concepts: ConceptHit[];
  /** The features the intent model weighs. */
  features: string[];
  question: boolean;
}

const WH_WORDS = new Set(["what", "where", "when", "how", "why", "which", "who"]);
const OPENING_FILLERS = new Set([
  "so",
  "hi",
  "hello",
  "hey",
  "um",
  "uh",
  "ok",
  "okay",
  "yeah",
  "ye",
  "well",
  "and",
  "but",
]);

/**
 * A question mark; a question word or auxiliary opening the message; or a question word right
 * after the fillers a speaker starts with ("so um what happens if…").
 */
function isQuestion(text: string, tokens: Token[]): boolean {
  if (text.includes("?") || QUESTION_OPENERS.has(tokens[0]?.stem ?? "")) return true;
  const first = tokens.find((t) => !OPENING_FILLERS.has(t.word));
  return WH_WORDS.has(first?.word ?? "");
}

/** Words a greeting is made of: a sentence of nothing else asks for nothing. */
const GREETING_WORDS = new Set([
  ...OPENING_FILLERS,
  "good",
  "morning",
  "afternoon",
  "evening",
  "day",
  "dear",
  "there",
  "team",
  "all",
  "everyone",
  "folks",
  "guys",
  "support",
  "yes",
]);

/**
 * The text without an opening sentence that only greets ("Hello team.", "Good morning!"): what a
 * customer wants is read from the rest, whatever greeting they chose.
 */
export function withoutGreeting(text: string): string {
  const match = text.match(/^\s*([^.!?\n]{1,40})[.!?\n]+\s*/);
  if (!match) return text;
  const greeting = match[1]!
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const rest = text.slice(match[0].length);
  return greeting.length > 0 && rest.trim() && greeting.every((w) => GREETING_WORDS.has(w))
    ? rest
    : text;
}

/** Read a text into tokens, concepts and the model's features. */
export function readText(text: string, speller?: Speller): Reading {
  const tokens = tokenize(text, speller);
  const concepts = findConcepts(tokens);
  const features = new Set<string>();
  tokens.forEach((t, i) => {
    const stem = /^\d+$/.test(t.stem) ? "#num" : t.stem;
    if (!STOP.has(stem)) features.add(`${t.negated ? "n" : "w"}:${stem}`);
    const next = tokens[i + 1];
    if (next && t.boundaryAfter === null) {
      const nextStem = /^\d+$/.test(next.stem) ? "#num" : next.stem;
      features.add(`b:${stem}_${nextStem}`);
    }
  });
  const question = isQuestion(text, tokens);
  if (question) features.add("q");
  const said = new Set<string>();
  for (const hit of concepts) {
    features.add(`${hit.negated ? "nc" : "c"}:${hit.concept}`);
    if (!hit.negated) said.add(hit.concept);
    if (question && !hit.negated) features.add(`qc:${hit.concept}`);
  }
  // Concepts said together ("address" with "change", "bank" with "money back").
  const together = [...said].sort();
  for (let i = 0; i < together.length; i++)
    for (let j = i + 1; j < together.length; j++) features.add(`cc:${together[i]}+${together[j]}`);
  return { tokens, concepts, features: [...features].sort(), question };
}
