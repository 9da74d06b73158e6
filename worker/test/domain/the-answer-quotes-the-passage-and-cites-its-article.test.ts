import { describe, expect, it } from "vitest";
import { answerFrom, answeringSentences } from "../../src/domain/knowledge/relevance";
import { passagesOf } from "../../src/domain/knowledge/passages";
import { customerSays, replyOf, threadWith } from "./agent-factories";
import { article, searched } from "./knowledge-factories";

const WARRANTY = article({
  articleId: "703",
  title: "Warranty",
  blocks: [
    "Appliances have a 3-year manufacturer's warranty from the delivery date.",
    "Keep the invoice and the serial number.",
    "The warranty covers defects in materials and workmanship. It does not cover accidental damage.",
    "Our warehouse is in Ohio.",
  ],
});

describe("an answer from knowledge", () => {
  it("quotes only the sentences that answer, in the article's order", () => {
    const sentences = answeringSentences(
      "Does the warranty cover accidental damage?",
      passagesOf(WARRANTY)[0]!.text,
      "en-us",
    );
    expect(sentences).toEqual([
      "The warranty covers defects in materials and workmanship.",
      "It does not cover accidental damage.",
    ]);
  });

  it("links the article in the reply, at any identity level", () => {
    const question = "How long is the warranty?";
    const { plan } = customerSays(threadWith({ level: "unknown" }), question, {
      knowledge: searched(question, [WARRANTY]),
    });
    const text = replyOf(plan)?.text ?? "";
    expect(text).toContain("3-year manufacturer's warranty");
    expect(text).toContain(`"Warranty" ${WARRANTY.url}`);
    expect(plan.decisions.knowledge).toMatchObject({ outcome: "answered", articleId: "703" });
  });

  it("cuts long articles into passages that each keep the article's title and link", () => {
    const long = article({
      title: "Everything",
      blocks: Array.from({ length: 6 }, (_, i) => `Paragraph ${i} ${"words ".repeat(30)}`),
    });
    const passages = passagesOf(long);
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) expect(p).toMatchObject({ title: "Everything", url: long.url });
    expect(answerFrom("paragraph", searched("paragraph", [long]))?.url).toBe(long.url);
  });
});
