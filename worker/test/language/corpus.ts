import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { CorpusFile, type LabelledMessage } from "./corpus-format";

const FOLDER = path.join(import.meta.dirname, "corpus");

/** Every labelled message, from every corpus file, in a stable order. */
export function loadCorpus(): LabelledMessage[] {
  return readdirSync(FOLDER)
    .filter((f) => f.endsWith(".json") && f !== "split.json")
    .sort()
    .flatMap(
      (f) => CorpusFile.parse(JSON.parse(readFileSync(path.join(FOLDER, f), "utf8"))).messages,
    );
}

export interface CorpusSplit {
  tuning: string[];
  heldOut: string[];
}

export function loadSplit(): CorpusSplit {
  return JSON.parse(readFileSync(path.join(FOLDER, "split.json"), "utf8")) as CorpusSplit;
}

/** The two halves: rules and training see only the tuning half. */
export function corpusHalves(): { tuning: LabelledMessage[]; heldOut: LabelledMessage[] } {
  const split = loadSplit();
  const byId = new Map(loadCorpus().map((m) => [m.id, m]));
  const take = (ids: string[]) => ids.map((id) => byId.get(id)!).filter(Boolean);
  return { tuning: take(split.tuning), heldOut: take(split.heldOut) };
}
