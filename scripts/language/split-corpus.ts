/**
 * `npx tsx scripts/language/split-corpus.ts`: which half of the corpus each message is in.
 *
 * A message's half is drawn once from a hash of its id: random with respect to its text and labels,
 * fixed for good, and a message added later lands in a half by the same draw. The result is kept
 * in worker/test/language/corpus/split.json; a test checks it still follows the draw, so no one
 * can move a message from one half to the other to change a number.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { loadCorpus } from "../../worker/test/language/corpus";

export function halfOf(id: string): "tuning" | "heldOut" {
  const byte = createHash("sha256").update(`continuity-language-split:${id}`).digest()[0]!;
  return byte % 2 === 0 ? "tuning" : "heldOut";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const messages = loadCorpus();
  const split = { tuning: [] as string[], heldOut: [] as string[] };
  for (const m of messages) split[halfOf(m.id)].push(m.id);
  const file = path.join(import.meta.dirname, "../../worker/test/language/corpus/split.json");
  writeFileSync(file, `${JSON.stringify(split, null, 1)}\n`);
  console.log(`tuning ${split.tuning.length}, held out ${split.heldOut.length}`);
}
