import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { Journey, type Step } from "../../scripts/journeys/format";

/** What the preview adds to a journey: ticket subjects and one narrated chapter per contact. */
const PreviewExtras = z.object({
  customer: z.string(),
  tickets: z.record(
    z.string(),
    z.object({ subject: z.string(), description: z.string().optional() }),
  ),
  chapters: z.array(z.object({ title: z.string(), text: z.string() })).min(1),
});

export interface Chapter {
  title: string;
  text: string;
  /** One delivery first, then the checks that follow it in the journey. */
  steps: Step[];
}

export interface DemoTicket {
  id: string;
  requesterId: string;
  via: string;
  subject: string;
  description?: string;
}

export interface DemoJourney {
  journey: Journey;
  customer: string;
  tickets: DemoTicket[];
  chapters: Chapter[];
}

export const DEMO_JOURNEY_FILE = path.join(import.meta.dirname, "demo-journey.json");

const isDelivery = (step: Step) =>
  "channelEvent" in step || "zendeskEvent" in step || "suncoEvent" in step;

/** Steps the preview can play; the rest (scripted outages, code entry) belong to the journey runner. */
const PLAYABLE = ["channelEvent", "zendeskEvent", "suncoEvent", "expect", "expectNotes"];

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Every timestamp in the journey moved by the same whole number of days. */
export function shiftTimes<T>(value: T, days: number): T {
  if (days === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string" && ISO_TIME.test(v))
      return new Date(Date.parse(v) + days * 86_400_000).toISOString().replace(".000Z", "Z");
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** The newest event time the journey's deliveries carry. */
function lastEventTime(raw: unknown): number {
  let newest = 0;
  const walk = (v: unknown, key = ""): void => {
    if (typeof v === "string" && ISO_TIME.test(v) && ["occurredAt", "time"].includes(key))
      newest = Math.max(newest, Date.parse(v));
    else if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk((raw as { steps?: unknown }).steps);
  return newest;
}

/**
 * Read and check a demo journey. It stays a valid journey (`npm run journeys -- <file>` plays it)
 * with a `preview` section the journey runner ignores. Its dates move, in whole days, so that its
 * last contact happened today: a newcomer sees a live story, and the metrics page's default
 * window holds it.
 */
export function loadDemoJourney(file = DEMO_JOURNEY_FILE, now = Date.now()): DemoJourney {
  const stored = JSON.parse(readFileSync(file, "utf8")) as { preview?: unknown };
  const newest = lastEventTime(stored);
  const days = newest ? Math.floor((now - newest) / 86_400_000) : 0;
  const raw = shiftTimes(stored, days);
  const journey = Journey.parse(raw);
  const extras = PreviewExtras.parse(raw.preview);
  for (const step of journey.steps) {
    const kind = Object.keys(step)[0]!;
    if (!PLAYABLE.includes(kind))
      throw new Error(`${path.basename(file)}: the preview cannot play "${kind}" steps`);
  }
  const chapters: Chapter[] = [];
  for (const step of journey.steps) {
    if (isDelivery(step) || chapters.length === 0) {
      const narration = extras.chapters[chapters.length];
      if (!narration)
        throw new Error(
          `${path.basename(file)}: every delivery needs a chapter in preview.chapters`,
        );
      chapters.push({ ...narration, steps: [] });
    }
    chapters.at(-1)!.steps.push(step);
  }
  if (chapters.length !== extras.chapters.length)
    throw new Error(
      `${path.basename(file)}: ${extras.chapters.length} chapters for ${chapters.length} deliveries`,
    );
  const tickets = (journey.zendesk?.tickets ?? []).map((t) => {
    const extra = extras.tickets[t.id];
    return {
      id: t.id,
      requesterId: t.requester_id,
      via: t.via,
      subject: extra?.subject ?? `Ticket #${t.id}`,
      ...(extra?.description !== undefined && { description: extra.description }),
    };
  });
  return { journey, customer: extras.customer, tickets, chapters };
}
