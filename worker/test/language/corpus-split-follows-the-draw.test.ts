import { describe, expect, it } from "vitest";
import { halfOf } from "../../../scripts/language/split-corpus";
import { loadCorpus, loadSplit } from "./corpus";

describe("the corpus is split once, by a draw no one can steer", () => {
  const corpus = loadCorpus();
  const split = loadSplit();

  it("every message is in exactly one half", () => {
    const ids = corpus.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...split.tuning, ...split.heldOut].sort()).toEqual([...ids].sort());
    expect(split.tuning.filter((id) => split.heldOut.includes(id))).toEqual([]);
  });

  it("each message's half is the draw from its id, so none was moved to change a number", () => {
    for (const id of split.tuning) expect(halfOf(id), id).toBe("tuning");
    for (const id of split.heldOut) expect(halfOf(id), id).toBe("heldOut");
  });

  it("the halves are of a size and make-up alike", () => {
    const share = split.tuning.length / corpus.length;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
    const hand = (ids: string[]) => ids.filter((id) => !id.startsWith("tpl-")).length;
    expect(Math.abs(hand(split.tuning) - hand(split.heldOut))).toBeLessThan(
      0.1 * hand(corpus.map((m) => m.id)),
    );
  });
});
