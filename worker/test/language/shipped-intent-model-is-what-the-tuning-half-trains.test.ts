import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MODEL_FILE, trainModel } from "../../../scripts/language/train";
import { corpusHalves } from "./corpus";

describe("the shipped intent model", () => {
  it("is exactly what the tuning half trains: nothing hand-edited, nothing from the held-out half", () => {
    const shipped = JSON.parse(readFileSync(MODEL_FILE, "utf8")) as unknown;
    const { tuning } = corpusHalves();
    expect(trainModel(tuning)).toEqual(shipped);
  }, 60_000);
});
