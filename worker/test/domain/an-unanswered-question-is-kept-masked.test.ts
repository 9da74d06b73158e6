import { describe, expect, it } from "vitest";
import { unansweredQuestion } from "../../src/domain/knowledge/unanswered-question";

describe("a question no article answered, as it is kept for the metrics page", () => {
  it("masks emails, phone numbers, order numbers and names, and keeps the rest of the words", () => {
    const kept = unansweredQuestion(
      "Hi, this is Rosa Diaz (rosa.diaz@example.com, +1 415 555 0100). Can I pay order #W4471210 with crypto?",
    );
    expect(kept).toBe(
      "Hi, this is Rosa … (r***@example.com, +1 ••• ••• 0100). Can I pay order W4••••10 with crypto?",
    );
  });

  it("masks a capitalised run the reader takes for a possible name, a place too: a name kept would cost more", () => {
    expect(unansweredQuestion("Do you have a store in San Francisco?")).toBe(
      "Do you have a store in San …?",
    );
  });

  it("leaves a question with nothing personal as written, on one line", () => {
    expect(unansweredQuestion("Do you sell\n gift cards?")).toBe("Do you sell gift cards?");
  });

  it("keeps a long question short", () => {
    const kept = unansweredQuestion(`Do you ${"really ".repeat(60)}sell gift cards?`);
    expect(kept.length).toBeLessThanOrEqual(200);
    expect(kept.endsWith("…")).toBe(true);
  });
});
