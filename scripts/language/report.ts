/**
 * The language table `npm run eval` prints and writes into docs/agent.md: for the tuning half and
 * the held-out half (and the held-out hand-written messages alone), intent precision, recall and
 * F1 per workflow, macro-F1, hard-stop recall and precision, slot recall and precision, and false
 * order attachments against an order system that knows every figure in the corpus.
 */
import { WORKFLOW_IDS } from "../../worker/src/domain/intent";
import type { LabelledMessage } from "../../worker/test/language/corpus-format";
import { corpusHalves } from "../../worker/test/language/corpus";
import { measureIntents, measureSlots, type IntentReport, type SlotReport } from "./measure";

export const TARGETS = {
  macroF1: 0.95,
  hardStopRecall: 1,
  hardStopPrecision: 0.95,
  orderRecall: 0.99,
  falseOrderAttachments: 0,
  nameZipRecall: 0.95,
};

export interface LanguageResult {
  name: string;
  messages: number;
  intents: IntentReport;
  slots: SlotReport;
}

export type CorpusPart = "tuning" | "held-out" | "held-out, hand-written only";

export async function measureLanguage(
  parts: CorpusPart[] = ["tuning", "held-out", "held-out, hand-written only"],
): Promise<LanguageResult[]> {
  const { tuning, heldOut } = corpusHalves();
  const sets = (
    [
      ["tuning", tuning],
      ["held-out", heldOut],
      ["held-out, hand-written only", heldOut.filter((m) => !m.id.startsWith("tpl-"))],
    ] as [CorpusPart, LabelledMessage[]][]
  ).filter(([name]) => parts.includes(name));
  const results: LanguageResult[] = [];
  for (const [name, messages] of sets)
    results.push({
      name,
      messages: messages.length,
      intents: measureIntents(messages),
      slots: await measureSlots(messages),
    });
  return results;
}

const f = (n: number) => n.toFixed(2);
const f3 = (n: number) => n.toFixed(3);

export function languageTable(results: LanguageResult[]): string {
  const header = `| | ${results.map((r) => `${r.name} (${r.messages})`).join(" | ")} |`;
  const rule = `|---|${results.map(() => "---").join("|")}|`;
  const row = (label: string, cell: (r: LanguageResult) => string) =>
    `| ${label} | ${results.map(cell).join(" | ")} |`;
  const rows = [
    ...WORKFLOW_IDS.map((w) =>
      row(`intent ${w} (P / R / F1)`, (r) => {
        const x = r.intents.perWorkflow[w];
        return `${f(x.precision)} / ${f(x.recall)} / ${f(x.f1)}`;
      }),
    ),
    row("**intent macro-F1**", (r) => `**${f(r.intents.macroF1)}**`),
    row(
      "**hard stop, any (R / P)**",
      (r) => `**${f(r.intents.hardStop.recall)} / ${f(r.intents.hardStop.precision)}**`,
    ),
    ...["payment_dispute", "suspected_takeover", "regulated_advice"].map((code) =>
      row(`hard stop ${code} (R / P)`, (r) => {
        const x = r.intents.hardStopByCode[code];
        return x ? `${f(x.recall)} / ${f(x.precision)}` : "–";
      }),
    ),
    ...["order_id", "name_zip", "email", "phone", "serial_number", "address"].map((slot) =>
      row(`slot ${slot} (R / P)`, (r) => {
        const x = r.slots.perSlot[slot];
        return x ? `${f(x.recall)} / ${f(x.precision)}` : "–";
      }),
    ),
    row("**false order attachments**", (r) => `**${r.slots.falseOrderAttachments}**`),
  ];
  return [header, rule, ...rows].join("\n");
}

/** Which targets the held-out half meets (issue 16). */
export function targetsMet(
  heldOut: LanguageResult,
): { target: string; met: boolean; value: string }[] {
  const i = heldOut.intents;
  const s = heldOut.slots;
  return [
    {
      target: `intent macro-F1 ≥ ${TARGETS.macroF1}`,
      met: i.macroF1 >= TARGETS.macroF1,
      value: f3(i.macroF1),
    },
    {
      target: "hard-stop recall = 1.00",
      met: i.hardStop.recall >= TARGETS.hardStopRecall,
      value: f3(i.hardStop.recall),
    },
    {
      target: `hard-stop precision ≥ ${TARGETS.hardStopPrecision}`,
      met: i.hardStop.precision >= TARGETS.hardStopPrecision,
      value: f3(i.hardStop.precision),
    },
    {
      target: `order-id recall ≥ ${TARGETS.orderRecall}`,
      met: (s.perSlot.order_id?.recall ?? 0) >= TARGETS.orderRecall,
      value: f3(s.perSlot.order_id?.recall ?? 0),
    },
    {
      target: "false order attachments = 0",
      met: s.falseOrderAttachments === TARGETS.falseOrderAttachments,
      value: String(s.falseOrderAttachments),
    },
    {
      target: `name+zip recall ≥ ${TARGETS.nameZipRecall}`,
      met: (s.perSlot.name_zip?.recall ?? 0) >= TARGETS.nameZipRecall,
      value: f3(s.perSlot.name_zip?.recall ?? 0),
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measureLanguage();
  console.log(languageTable(results));
  for (const t of targetsMet(results[1]!))
    console.log(`${t.met ? "✓" : "✗"} ${t.target}: ${t.value}`);
}
