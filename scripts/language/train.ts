/**
 * `npm run train:language`: train the intent model from the tuning half of the corpus and write
 * worker/src/domain/language/intent-model.json. Deterministic: the same corpus gives the same
 * file, and a test retrains and compares, so the shipped model is always the one the corpus makes.
 * The held-out half is never read here.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Channel } from "../../worker/src/domain/channel-event";
import { conceptPhrases } from "../../worker/src/domain/language/concepts";
import { readText } from "../../worker/src/domain/language/features";
import {
  INTENT_CLASSES,
  spellerFor,
  type IntentClass,
  type IntentModelData,
} from "../../worker/src/domain/language/intent-model";
import {
  clauses,
  CORE_CONCEPTS,
  customerWords,
} from "../../worker/src/domain/language/read-message";
import { words } from "../../worker/src/domain/language/tokens";
import type { LabelledMessage } from "../../worker/test/language/corpus-format";
import { corpusHalves } from "../../worker/test/language/corpus";

export const CHANNEL_OF: Record<LabelledMessage["channel"], Channel> = {
  chat: "web_chat",
  email: "email",
  voice: "voice",
  whatsapp: "whatsapp",
};

function classesOf(m: LabelledMessage): Set<IntentClass> {
  const out = new Set<IntentClass>(m.intents);
  if (m.hardStop === "suspected_takeover" || m.hardStop === "regulated_advice") out.add(m.hardStop);
  return out;
}

const ITERATIONS = 600;
const RATE = 0.5;
const L2 = 0.0005;
const MIN_COUNT = 2;
const DICTIONARY_WEIGHT = 0.1;
const CLAUSE_WEIGHT = 0.3;

export function trainModel(tuning: LabelledMessage[]): IntentModelData {
  const counts = new Map<string, number>();
  const texts = tuning.map((m) => customerWords(m.text, CHANNEL_OF[m.channel]).text);
  for (const text of texts)
    for (const w of new Set(words(text).map((x) => x.word)))
      if (/^[a-z]+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocabulary = [...counts]
    .filter(([, n]) => n >= MIN_COUNT)
    .map(([w]) => w)
    .sort();
  const speller = spellerFor(vocabulary);
  const examples = texts.map((text) => readText(text, speller).features);
  const labels = tuning.map(classesOf);
  // How much each example counts: messages fully, derived examples (below) less.
  const sampleWeights: number[] = tuning.map(() => 1);
  // The dictionary teaches too: each way of saying a workflow's core concept is a short example.
  for (const [concept, workflow] of CORE_CONCEPTS) {
    for (const phrase of conceptPhrases(concept)) {
      examples.push(readText(phrase, speller).features);
      labels.push(new Set([workflow]));
      sampleWeights.push(DICTIONARY_WEIGHT);
    }
  }
  // The clause of a one-request message that names the request's core concept is an example too.
  tuning.forEach((m, i) => {
    if (m.intents.length !== 1 || m.hardStop) return;
    const wanted = m.intents[0]!;
    const cores = CORE_CONCEPTS.filter(([, w]) => w === wanted).map(([c]) => c);
    for (const clause of clauses(texts[i]!)) {
      const reading = readText(clause, speller);
      if (reading.concepts.some((h) => !h.negated && cores.includes(h.concept))) {
        examples.push(reading.features);
        labels.push(new Set([wanted]));
        sampleWeights.push(CLAUSE_WEIGHT);
      }
    }
  });

  // Features seen in at least two messages; the rest cannot generalise.
  const featureCounts = new Map<string, number>();
  for (const fs of examples)
    for (const f of fs) featureCounts.set(f, (featureCounts.get(f) ?? 0) + 1);
  const features = [...featureCounts]
    .filter(([, n]) => n >= MIN_COUNT)
    .map(([f]) => f)
    .sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const rows = examples.map((fs) => fs.flatMap((f) => (index.has(f) ? [index.get(f)!] : [])));

  const bias = {} as Record<IntentClass, number>;
  const weights = {} as Record<IntentClass, Record<string, number>>;
  for (const c of INTENT_CLASSES) {
    const y = labels.map((l) => (l.has(c) ? 1 : 0));
    const w = new Float64Array(features.length);
    let b = 0;
    // Full-batch gradient descent with AdaGrad steps: deterministic, and quick at this size.
    const g2 = new Float64Array(features.length).fill(1e-8);
    let gb2 = 1e-8;
    for (let it = 0; it < ITERATIONS; it++) {
      const grad = new Float64Array(features.length);
      let gb = 0;
      for (let i = 0; i < rows.length; i++) {
        let z = b;
        for (const j of rows[i]!) z += w[j]!;
        const err = (1 / (1 + Math.exp(-z)) - y[i]!) * sampleWeights[i]!;
        gb += err;
        for (const j of rows[i]!) grad[j]! += err;
      }
      for (let j = 0; j < features.length; j++) {
        const g = grad[j]! / rows.length + L2 * w[j]!;
        g2[j]! += g * g;
        w[j]! -= (RATE * g) / Math.sqrt(g2[j]!);
      }
      gb /= rows.length;
      gb2 += gb * gb;
      b -= (RATE * gb) / Math.sqrt(gb2);
    }
    bias[c] = Number(b.toFixed(4));
    weights[c] = Object.fromEntries(
      features.flatMap((f, j) => (Math.abs(w[j]!) >= 0.01 ? [[f, Number(w[j]!.toFixed(4))]] : [])),
    );
  }
  const digest = createHash("sha256")
    .update(JSON.stringify(tuning.map((m) => [m.id, m.text, m.intents, m.hardStop])))
    .digest("hex")
    .slice(0, 16);
  return {
    trainedOn: { messages: tuning.length, corpusDigest: digest },
    vocabulary,
    bias,
    weights,
    threshold: 0.5,
  };
}

export const MODEL_FILE = path.join(
  import.meta.dirname,
  "../../worker/src/domain/language/intent-model.json",
);

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const model = trainModel(corpusHalves().tuning);
  writeFileSync(MODEL_FILE, `${JSON.stringify(model)}\n`);
  const size = Object.values(model.weights).reduce((n, w) => n + Object.keys(w).length, 0);
  console.log(
    `trained on ${model.trainedOn.messages} messages: ${size} weights, ${model.vocabulary.length} words, ${Date.now() - started} ms`,
  );
}
