/**
 * The reading of customer text, measured on the corpus: intents, hard stops and (with a
 * grounding order system) slots, per half. `npm run eval` prints it; `--errors tuning` lists the
 * tuning half's mistakes (never the held-out half's: those are only counted).
 */
import { createHash } from "node:crypto";
import { RunOrderSystem, type OrderSystem } from "../../worker/src/connectors/orders";
import type { Order, OrderCustomer } from "../../worker/src/contracts/orders";
import type { WorkflowId } from "../../worker/src/domain/intent";
import { referencesIn } from "../../worker/src/domain/language/references";
import { PhoneSearch } from "../../worker/src/domain/language/contact-details";
import { findAddress, findSerial } from "../../worker/src/domain/slots";
import { aboutAnOrder, groundReferences } from "../../worker/src/ingest/grounding";
import { WORKFLOW_IDS } from "../../worker/src/domain/intent";
import type { IntentModelData } from "../../worker/src/domain/language/intent-model";
import { customerWords, readMessage } from "../../worker/src/domain/language/read-message";
import type { LabelledMessage } from "../../worker/test/language/corpus-format";
import { CHANNEL_OF } from "./train";

export interface Rates {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function rates(tp: number, fp: number, fn: number): Rates {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

export interface IntentReport {
  perWorkflow: Record<WorkflowId, Rates>;
  macroF1: number;
  hardStop: Rates;
  hardStopByCode: Record<string, Rates>;
  errors: { id: string; text: string; expected: string; got: string }[];
}

export function measureIntents(messages: LabelledMessage[], model?: IntentModelData): IntentReport {
  const counts = Object.fromEntries(
    WORKFLOW_IDS.map((w) => [w, { tp: 0, fp: 0, fn: 0 }]),
  ) as Record<WorkflowId, { tp: number; fp: number; fn: number }>;
  const stop = { tp: 0, fp: 0, fn: 0 };
  const byCode: Record<string, { tp: number; fp: number; fn: number }> = {};
  const errors: IntentReport["errors"] = [];
  for (const m of messages) {
    const r = readMessage(m.text, CHANNEL_OF[m.channel], model);
    const got = new Set(r.intents);
    const want = new Set(m.intents);
    for (const w of WORKFLOW_IDS) {
      if (got.has(w) && want.has(w)) counts[w].tp++;
      else if (got.has(w)) counts[w].fp++;
      else if (want.has(w)) counts[w].fn++;
    }
    const stops = r.hardStops;
    if (m.hardStop && stops.length > 0) stop.tp++;
    else if (stops.length > 0) stop.fp++;
    else if (m.hardStop) stop.fn++;
    // Per kind, the stop the agent acts on: the first, the most serious.
    const primary = stops[0];
    for (const code of new Set([
      ...(primary ? [primary] : []),
      ...(m.hardStop ? [m.hardStop] : []),
    ])) {
      byCode[code] ??= { tp: 0, fp: 0, fn: 0 };
      const g = primary === code;
      const e = m.hardStop === code;
      if (g && e) byCode[code].tp++;
      else if (g) byCode[code].fp++;
      else byCode[code].fn++;
    }
    const intentsRight = [...want].every((w) => got.has(w)) && [...got].every((w) => want.has(w));
    const stopRight = (m.hardStop === null) === (stops.length === 0);
    if (!intentsRight || !stopRight)
      errors.push({
        id: m.id,
        text: m.text,
        expected: `${[...want].join("+") || "-"} ${m.hardStop ?? ""}`,
        got: `${r.intents.join("+") || "-"} ${stops.join(",")} ${Object.entries(r.scores)
          .filter(([, s]) => s > 0.15)
          .map(([k, s]) => `${k}:${s.toFixed(2)}`)
          .join(" ")}`,
      });
  }
  const perWorkflow = Object.fromEntries(
    WORKFLOW_IDS.map((w) => [w, rates(counts[w].tp, counts[w].fp, counts[w].fn)]),
  ) as Record<WorkflowId, Rates>;
  return {
    perWorkflow,
    macroF1: WORKFLOW_IDS.reduce((s, w) => s + perWorkflow[w].f1, 0) / WORKFLOW_IDS.length,
    hardStop: rates(stop.tp, stop.fp, stop.fn),
    hardStopByCode: Object.fromEntries(
      Object.entries(byCode).map(([k, v]) => [k, rates(v.tp, v.fp, v.fn)]),
    ),
    errors,
  };
}

/**
 * The order system the slot measurement grounds against: it knows every order the labels name,
 * half of them stored with a leading '#', every labelled name and postcode as a customer, and,
 * to expose any figure we would wrongly take for an order, every other figure in the corpus as an
 * order of someone else. A price, a year or a postcode looked up as an order is found, and counted
 * as a false attachment.
 */
export function hostileOrderSystem(messages: LabelledMessage[]): OrderSystem {
  const orders = new Map<string, Order>();
  const customers: OrderCustomer[] = [];
  const order = (id: string, customerId: string): Order => ({
    id,
    customerId,
    status: "delivered",
    placedAt: "2026-01-01T00:00:00Z",
    items: [],
    total: 0,
    shipments: [],
  });
  const gold = new Set(messages.flatMap((m) => m.slots.order_ids ?? []));
  for (const m of messages) {
    for (const figure of `${m.text}`.match(/[A-Za-z]{0,4}-?\d{3,12}/g) ?? []) {
      const id = figure.toUpperCase();
      if (!gold.has(id)) orders.set(id, order(id, `decoy-${id}`));
    }
  }
  for (const id of gold) {
    const stored = createHash("sha256").update(id).digest()[0]! % 2 === 0 ? `#${id}` : id;
    orders.set(stored, order(stored, `owner-${id}`));
  }
  for (const m of messages) {
    if (m.slots.name && m.slots.zip)
      customers.push({
        id: `c-${m.id}`,
        name: m.slots.name,
        email: `${m.id}@example.com`,
        phones: [],
        zip: m.slots.zip,
      });
  }
  const flat = (z: string) => z.replace(/\s+/g, "").toUpperCase();
  return {
    customersByEmail: async () => [],
    customersByPhone: async () => [],
    customersByNameZip: async (name, zip) =>
      customers.filter(
        (c) => c.name.toLowerCase() === name.toLowerCase() && flat(c.zip) === flat(zip),
      ),
    ordersOf: async () => [],
    // Ids match exactly as stored, as a real order system's would.
    order: async (id) => orders.get(id) ?? null,
  };
}

export interface SlotReport {
  perSlot: Record<string, Rates>;
  falseOrderAttachments: number;
  errors: { id: string; slot: string; expected: string; got: string; text: string }[];
}

const fold = (s: string) =>
  s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

export async function measureSlots(messages: LabelledMessage[]): Promise<SlotReport> {
  const system = hostileOrderSystem(messages);
  const counts: Record<string, { tp: number; fp: number; fn: number }> = {};
  const errors: SlotReport["errors"] = [];
  const tally = (slot: string, m: LabelledMessage, want: string[], got: string[]) => {
    const c = (counts[slot] ??= { tp: 0, fp: 0, fn: 0 });
    const w = new Set(want);
    const g = new Set(got);
    for (const x of g) if (w.has(x)) c.tp++;
    const fp = [...g].filter((x) => !w.has(x));
    const fn = [...w].filter((x) => !g.has(x));
    c.fp += fp.length;
    c.fn += fn.length;
    if (fp.length + fn.length > 0)
      errors.push({
        id: m.id,
        slot,
        expected: [...w].join(","),
        got: [...g].join(","),
        text: m.text,
      });
  };
  for (const m of messages) {
    const channel = CHANNEL_OF[m.channel];
    const words = customerWords(m.text, channel);
    const refs = referencesIn(words, new PhoneSearch("US"));
    const reading = readMessage(m.text, channel);
    const grounded = await groundReferences(refs, new RunOrderSystem(system), {
      hasOrderSystem: true,
      aboutAnOrder: aboutAnOrder(reading.intents, reading.hardStops),
    });
    tally("order_id", m, m.slots.order_ids ?? [], grounded.orderIds);
    const pair = grounded.nameZip?.confirmed ? grounded.nameZip : null;
    const flatZip = (z: string) => z.replace(/\s+/g, "").toUpperCase();
    tally(
      "name_zip",
      m,
      m.slots.name && m.slots.zip ? [`${fold(m.slots.name)}|${flatZip(m.slots.zip)}`] : [],
      pair ? [`${fold(pair.name)}|${flatZip(pair.zip)}`] : [],
    );
    tally("email", m, m.slots.email ? [m.slots.email.toLowerCase()] : [], grounded.emails);
    tally("phone", m, m.slots.phone ? [m.slots.phone] : [], grounded.phones);
    const serial = findSerial(words.text);
    tally(
      "serial_number",
      m,
      m.slots.serial_number ? [m.slots.serial_number.toUpperCase()] : [],
      serial ? [serial] : [],
    );
    const address = findAddress(words.text);
    const wanted = m.slots.address ? fold(m.slots.address) : null;
    tally(
      "address",
      m,
      wanted ? [wanted] : [],
      address ? [wanted && fold(address).includes(wanted) ? wanted : fold(address)] : [],
    );
  }
  return {
    perSlot: Object.fromEntries(
      Object.entries(counts).map(([k, v]) => [k, rates(v.tp, v.fp, v.fn)]),
    ),
    falseOrderAttachments: counts.order_id?.fp ?? 0,
    errors,
  };
}
