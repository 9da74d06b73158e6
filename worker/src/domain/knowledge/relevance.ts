import type { KnowledgeAnswer, KnowledgeLookup } from "./passage";
import { termsOf } from "./terms";

/**
 * The relevance bar: the share of the question's subject words a passage (with its article's
 * title) must contain before the agent answers from it. Measured, not guessed: `npm run
 * eval:knowledge` scores a labelled set of questions against the stand-in Help Center, tuned on one
 * half and reported on the other (docs/agent.md, "Knowledge"). Below the bar the agent says it
 * will check and leaves the question to a person.
 */
export const RELEVANCE_BAR = 0.55;

/** At most this many sentences are quoted: the answer, not the article. */
const MAX_SENTENCES = 2;

/**
 * How well a passage covers a question, 0–1: the share of the question's subject words found in
 * the passage or its title. A question of no subject words ("hi?") scores 0 against everything.
 */
export function relevance(
  question: string,
  passage: { title: string; text: string },
  locale: string,
): number {
  const asked = termsOf(question, locale);
  if (asked.length === 0) return 0;
  const held = new Set(termsOf(`${passage.title} ${passage.text}`, locale));
  return asked.filter((t) => held.has(t)).length / asked.length;
}

/** A passage's sentences, split where a sentence ends (not inside "3.5" or "e.g."). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?。])\s+(?=[\p{Lu}¿¡\d"“(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The sentences of a passage that answer the question: those sharing most of its subject words,
 * kept in the article's order. The title's words count as every sentence's (the title says what
 * the article is about), so a sentence that shares none of the question's own words still follows.
 */
export function answeringSentences(question: string, text: string, locale: string): string[] {
  const asked = termsOf(question, locale);
  const sentences = sentencesOf(text);
  const ranked = sentences
    .map((sentence, index) => {
      const held = new Set(termsOf(sentence, locale));
      return { index, hits: asked.filter((t) => held.has(t)).length };
    })
    .sort((a, b) => b.hits - a.hits || a.index - b.index);
  const best = ranked[0]?.hits ?? 0;
  const chosen = (best > 0 ? ranked.filter((r) => r.hits > 0) : ranked)
    .slice(0, MAX_SENTENCES)
    .sort((a, b) => a.index - b.index);
  return chosen.map((r) => sentences[r.index]!);
}

/**
 * The answer to give from a search, or null: only a passage that clears the bar answers, so a
 * question the Help Center does not cover gets no answer rather than the nearest article's.
 */
export function answerFrom(
  question: string,
  lookup: KnowledgeLookup,
  bar = RELEVANCE_BAR,
): KnowledgeAnswer | null {
  if (lookup.status !== "searched") return null;
  // Passages arrive best first (`scoredPassages`); the first one is the candidate.
  const best = lookup.passages[0];
  if (!best || best.score < bar) return null;
  return {
    source: lookup.source,
    articleId: best.articleId,
    title: best.title,
    url: best.url,
    locale: best.locale,
    sentences: answeringSentences(question, best.text, best.locale),
    passage: best.text,
    score: best.score,
  };
}
