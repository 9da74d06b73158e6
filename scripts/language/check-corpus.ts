/**
 * `npx tsx scripts/language/check-corpus.ts [file…]`: every corpus file parses, ids are unique,
 * and the labels agree with each other (a billing dispute is a payment-dispute hard stop).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { CorpusFile } from "../../worker/test/language/corpus-format";

const folder = path.join(import.meta.dirname, "../../worker/test/language/corpus");
const files: string[] =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(folder)
        .filter((f) => f.endsWith(".json") && f !== "split.json")
        .map((f) => path.join(folder, f));

const seen = new Map<string, string>();
let problems = 0;
let count = 0;
for (const file of files) {
  const parsed = CorpusFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    problems++;
    console.error(
      `${file}: ${parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ")}`,
    );
    continue;
  }
  for (const m of parsed.data.messages) {
    count++;
    const where = `${path.basename(file)} ${m.id}`;
    const complain = (what: string) => {
      problems++;
      console.error(`${where}: ${what}`);
    };
    if (seen.has(m.id)) complain(`id also used in ${seen.get(m.id)}`);
    seen.set(m.id, path.basename(file));
    const dispute = m.intents.includes("billing_dispute");
    if (dispute !== (m.hardStop === "payment_dispute"))
      complain("billing_dispute intent and payment_dispute hard stop go together");
    if (m.kind === "request" && m.intents.length === 0 && m.hardStop === null)
      complain("a request names an intent or a hard stop");
    if (m.kind !== "request" && m.intents.length > 0) complain("only a request has intents");
    if ((m.slots.zip === undefined) !== (m.slots.name === undefined) && m.slots.zip !== undefined)
      complain("a zip is labelled only with the name it goes with");
  }
}
console.log(`${count} messages in ${files.length} files, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
