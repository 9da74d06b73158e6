import type { Channel } from "../channel-event";
import { detectInjection, withoutInjections, type WorkflowId } from "../intent";
import { WORKFLOWS } from "../workflows";
import { splitEmail } from "./email-body";
import type { ConceptName } from "./concepts";
import { readText, withoutGreeting, type Reading } from "./features";
import { wordedHardStops, type WordedHardStop } from "./hard-stops";
import {
  modelSpeller,
  scoreIntents,
  scoreWith,
  spellerFor,
  wantedWorkflows,
  type IntentClass,
  type IntentModelData,
} from "./intent-model";
import { writtenForm } from "./spoken";
import type { Speller } from "./tokens";

/** What the customer wrote this time, apart from what they quoted and how they signed. */
export interface CustomerWords {
  /** The new text, with spoken figures and addresses in written form. */
  text: string;
  /** The sign-off and signature block, which say who is writing. */
  signature: string | null;
  /** Quoted history: earlier messages, never read as new requests. */
  quoted: string | null;
}

export function customerWords(raw: string, channel: Channel): CustomerWords {
  if (channel === "email") {
    const parts = splitEmail(raw);
    return {
      text: writtenForm(parts.body),
      signature: parts.signature && writtenForm(parts.signature),
      quoted: parts.quoted,
    };
  }
  // Other channels quote too ("> …" in a reply), and any of them may carry a transcript.
  const own = raw
    .split("\n")
    .filter((l) => !/^\s*>/.test(l))
    .join("\n");
  const quoted = raw
    .split("\n")
    .filter((l) => /^\s*>/.test(l))
    .join("\n");
  return { text: writtenForm(own), signature: null, quoted: quoted || null };
}

export interface MessageReading extends CustomerWords {
  reading: Reading;
  scores: Record<IntentClass, number>;
  /** Workflows the customer asks for, most likely first; empty when none is clear. */
  intents: WorkflowId[];
  /** Hard stops the words reveal, most serious first. */
  hardStops: WordedHardStop[];
}

/**
 * The concepts that by themselves say which workflow a customer means, from each workflow's
 * definition (`heard.core`). Training uses them to find, in a long message, the clause that
 * carries the request, and learns from that clause alone too: so a short, plain request ("please
 * replace it") is heard as well as one buried in a long email.
 */
export const CORE_CONCEPTS: [ConceptName, WorkflowId][] = Object.values(WORKFLOWS).flatMap((w) =>
  w.heard.core.map((c): [ConceptName, WorkflowId] => [c, w.id]),
);
/** Concepts that name one workflow and nothing else (`heard.named`), when the customer asks. */
const PLAIN_REQUESTS: [ConceptName, WorkflowId][] = Object.values(WORKFLOWS).flatMap((w) =>
  w.heard.named.map((c): [ConceptName, WorkflowId] => [c, w.id]),
);

/**
 * The parts of a message that may each ask for something: sentences, and what follows "also",
 * "another thing", "plus". A second request often hides in one of them, diluted in the whole.
 */
export function clauses(text: string): string[] {
  const parts = text
    .split(/(?<=[.!?\n])\s+|\s*\b(?:also|and also|another thing|separately|plus)\b[,:]?\s*/i)
    .filter((x) => x.trim().split(/\s+/).length >= 3);
  return parts.length > 1 ? parts : [];
}

// An agent run reads the same messages for the provider, the hard stops and the orders it cannot
// find: the shipped model's reading is kept for the last few hundred messages.
const recent = new Map<string, MessageReading>();
const RECENT_LIMIT = 256;

/** Read one customer message: the new words, what they want, and whether a person must step in. */
export function readMessage(
  raw: string,
  channel: Channel,
  /** Another model than the shipped one: cross-validation while training. */
  model?: IntentModelData,
): MessageReading {
  if (model) return read(raw, channel, model);
  const key = `${channel}\u0000${raw}`;
  let reading = recent.get(key);
  if (!reading) {
    if (recent.size >= RECENT_LIMIT) recent.clear();
    reading = read(raw, channel);
    recent.set(key, reading);
  }
  return reading;
}

/** A model under measurement keeps one speller, as the shipped one does. */
const spellers = new WeakMap<IntentModelData, Speller>();
function spellerOf(model: IntentModelData): Speller {
  let speller = spellers.get(model);
  if (!speller) spellers.set(model, (speller = spellerFor(model.vocabulary)));
  return speller;
}

function read(raw: string, channel: Channel, model?: IntentModelData): MessageReading {
  const words = customerWords(raw, channel);
  // What tries to instruct the agent ("you are now in developer mode") is flagged elsewhere and
  // asks for nothing here: what the customer wants is read without it.
  const asked = withoutGreeting(
    detectInjection(words.text) ? withoutInjections(words.text) : words.text,
  );
  const speller = model ? spellerOf(model) : modelSpeller();
  const reading = readText(asked, speller);
  const score = (features: string[]) =>
    model ? scoreWith(model, features) : scoreIntents(features);
  const scores = score(reading.features);
  const clauseScores = clauses(asked).map((c) => score(readText(c, speller).features));
  // "The refund came through, thanks!" reports something done and asks for nothing.
  const said = (c: ConceptName) => reading.concepts.some((h) => h.concept === c && !h.negated);
  const acknowledgement = said("done") && !said("asking") && !reading.question;
  let intents = acknowledgement ? [] : wantedWorkflows(scores, clauseScores, model?.threshold);
  // A plain request whose words name the workflow outright ("can you give me the tracking, please
  // help") is not lost to the noise around it.
  if (intents.length === 0 && said("asking") && !(said("policy") && reading.question)) {
    const named = PLAIN_REQUESTS.filter(([c]) => said(c)).map(([, w]) => w);
    if (named.length === 1) intents = named;
  }
  const hardStops = wordedHardStops(reading.concepts, reading.question, scores);
  // A dispute is a billing dispute whatever else the message asks for; and a billing dispute the
  // classifier saw without a hard stop behind it was a question about billing, not a dispute.
  const disputed = hardStops.includes("payment_dispute");
  // The money back a dispute asks for is the dispute itself, not a refund to arrange beside it.
  const wanted: WorkflowId[] = intents.filter(
    (w) => w !== "billing_dispute" && !(disputed && w === "refund"),
  );
  // "Has it shipped? If not, send it to my office": the status question is answered inside the
  // request to act (its workflow reads the order's state anyway), so the request leads.
  if (wanted.length > 1 && wanted[0] === "order_status") wanted.push(wanted.shift()!);
  if (disputed) wanted.unshift("billing_dispute");
  return { ...words, reading, scores, intents: wanted, hardStops };
}

/**
 * The workflow a message asks for, most likely first, or null when none is clear: what the rules
 * provider reads.
 */
export function classifyIntent(text: string, channel: Channel = "web_chat"): WorkflowId | null {
  return readMessage(text, channel).intents[0] ?? null;
}
