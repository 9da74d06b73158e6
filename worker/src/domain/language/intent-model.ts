import { WORKFLOW_IDS, type WorkflowId } from "../intent";
import model from "./intent-model.json";
import { conceptWords } from "./concepts";
import { editDistance, Speller } from "./tokens";

/**
 * A linear classifier over a message's features (words, word pairs and concepts, each with its
 * negation): one logistic regression per workflow and per hard stop that words alone reveal. It
 * is trained from the tuning half of the corpus by `npm run train:language` and shipped as data
 * (intent-model.json); nothing is learned or fetched at run time.
 */
export const INTENT_CLASSES = [...WORKFLOW_IDS, "suspected_takeover", "regulated_advice"] as const;
export type IntentClass = (typeof INTENT_CLASSES)[number];

export interface IntentModelData {
  /** What the model was trained on, for the record. */
  trainedOn: { messages: number; corpusDigest: string };
  /** Words seen in training: a word outside it may be a typo of a concept word. */
  vocabulary: string[];
  bias: Record<IntentClass, number>;
  weights: Record<IntentClass, Record<string, number>>;
  /** A workflow counts as wanted at or above this probability. */
  threshold: number;
}

const data = model as unknown as IntentModelData;

/** Repairs typos towards the words that carry meaning, leaving alone every word training saw. */
export function spellerFor(vocabulary: Iterable<string>): Speller {
  const concepts = conceptWords();
  const words = [...vocabulary];
  // A word training saw that is itself a slip of a concept word ("pasword") is known, but never
  // a word to repair towards: it would tie with the concept word it misspells.
  const targets = [
    ...concepts,
    ...words.filter((w) => !concepts.some((c) => c[0] === w[0] && editDistance(w, c, 1) <= 1)),
  ];
  return new Speller(new Set([...words, ...concepts]), targets);
}

let speller: Speller | null = null;
/** The shipped model's speller, built once per isolate. */
export function modelSpeller(): Speller {
  speller ??= spellerFor(data.vocabulary);
  return speller;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function scoreWith(
  m: Pick<IntentModelData, "bias" | "weights">,
  features: string[],
): Record<IntentClass, number> {
  const scores = {} as Record<IntentClass, number>;
  for (const c of INTENT_CLASSES) {
    const w = m.weights[c] ?? {};
    let z = m.bias[c] ?? 0;
    for (const f of features) z += w[f] ?? 0;
    scores[c] = sigmoid(z);
  }
  return scores;
}

/** The probability of each workflow and word-revealed hard stop. */
export function scoreIntents(features: string[]): Record<IntentClass, number> {
  return scoreWith(data, features);
}

/** Below the threshold, the likeliest workflow still counts from here when nothing else does. */
const BEST_GUESS = 0.2;
/** A second request found in one clause counts from here, if the whole message hints at it. */
const IN_A_CLAUSE = 0.6;
/**
 * A clause this sure of a request stands on its own, however the rest of the message reads. At
 * 0.6 ("please replace it" beside a locked account) cross-validation on the tuning half gives the
 * same macro-F1 as 0.65 (0.917 either way) and loses no plain second request.
 */
const CLEAR_IN_A_CLAUSE = 0.6;
const HINT = 0.1;

/**
 * Workflows the customer asks for, most likely first: those at or above the threshold over the
 * whole message, else the likeliest if it is plausible; plus a second request that a clause of its
 * own makes clear.
 */
export function wantedWorkflows(
  scores: Record<IntentClass, number>,
  clauseScores: Record<IntentClass, number>[] = [],
  threshold = data.threshold,
): WorkflowId[] {
  const ranked = [...WORKFLOW_IDS].sort((a, b) => scores[b] - scores[a]);
  const wanted: WorkflowId[] = ranked.filter((w) => scores[w] >= threshold);
  if (wanted.length === 0 && scores[ranked[0]!] >= BEST_GUESS) wanted.push(ranked[0]!);
  for (const w of ranked) {
    if (wanted.includes(w)) continue;
    const best = Math.max(0, ...clauseScores.map((c) => c[w]));
    if (best >= CLEAR_IN_A_CLAUSE || (best >= IN_A_CLAUSE && scores[w] >= HINT)) wanted.push(w);
  }
  return wanted;
}
