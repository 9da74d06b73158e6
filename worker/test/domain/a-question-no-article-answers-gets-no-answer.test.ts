import { describe, expect, it } from "vitest";
import { answerFrom, RELEVANCE_BAR } from "../../src/domain/knowledge/relevance";
import { searchWords } from "../../src/domain/knowledge/terms";
import { customerSays, replyOf } from "./agent-factories";
import { article, RETURNS_30, searched } from "./knowledge-factories";
import { threadWith } from "./agent-factories";

const SHIPPING = article({
  articleId: "502",
  title: "Shipping times",
  blocks: ["Standard delivery takes 3–5 business days; express takes 1–2."],
});

describe("the relevance bar", () => {
  it("answers a question an article covers, in any of several phrasings", () => {
    for (const question of [
      "How long does shipping take?",
      "what are your delivery times",
      "How many days for standard delivery?",
    ])
      expect(answerFrom(question, searched(question, [RETURNS_30, SHIPPING]))?.articleId).toBe(
        "502",
      );
  });

  it("gives no answer when the nearest article only shares a word with the question", () => {
    const question = "Do you sell gift cards for delivery to a friend?";
    const lookup = searched(question, [RETURNS_30, SHIPPING]);
    if (lookup.status !== "searched") throw new Error("searched");
    expect(lookup.passages[0]!.score).toBeGreaterThan(0);
    expect(lookup.passages[0]!.score).toBeLessThan(RELEVANCE_BAR);
    expect(answerFrom(question, lookup)).toBeNull();
  });

  it("hands the question to a person instead of answering from the nearest article", () => {
    const question = "Do you sell gift cards?";
    const { plan } = customerSays(threadWith({ level: "unknown" }), question, {
      knowledge: searched(question, [RETURNS_30, SHIPPING]),
    });
    expect(plan.handedOff).toBe("needs_person");
    expect(replyOf(plan)?.text).not.toContain("30 days");
    expect(plan.decisions.knowledge).toEqual({
      outcome: "none_found",
      source: "zendesk_help_center",
      category: "unclassified",
      language: "en",
      // What the admin reads on the metrics page as a gap to fill.
      question: "Do you sell gift cards?",
    });
  });

  it("leaves a greeting to the usual welcome: only questions are searched or handed over", () => {
    const { plan } = customerSays(threadWith({ level: "unknown" }), "Hello there", {
      knowledge: searched("Hello there", [RETURNS_30]),
    });
    expect(plan.handedOff).toBeNull();
    expect(replyOf(plan)?.text).toContain("What can I help you with today?");
  });

  it("does not take a follow-up with no subject for a general question, and sends no contact details", () => {
    expect(searchWords("Any news?")).toEqual([]);
    expect(searchWords("Can you help me?")).toEqual([]);
    // Contact details and long numbers are the customer's: they are never sent in a search.
    expect(
      searchWords("What's your return policy? my email is a.b@example.com, order 184221"),
    ).toEqual(["return", "email", "order"]);
  });
});
