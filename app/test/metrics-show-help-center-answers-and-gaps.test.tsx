import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import NavBar from "../src/locations/NavBar";
import { aMetricsReport, metricsClient, serving } from "./metrics-factories";
import { renderWithClient } from "./render";

const knowledge = {
  window: { from: "2026-06-01", to: "2026-06-30" },
  rows: [
    { category: "unclassified", language: "en", answered: 12, noneFound: 3, unavailable: 0 },
    { category: "refund", language: "es", answered: 1, noneFound: 4, unavailable: 1 },
  ],
  articles: [
    { articleId: "501", url: "https://acme.zendesk.com/hc/en-us/articles/501", answers: 12 },
    { articleId: "502", url: "https://acme.zendesk.com/hc/es/articles/502", answers: 1 },
  ],
  unanswered: [
    {
      at: "2026-06-29T16:40:00Z",
      category: "refund",
      language: "es",
      question: "¿Aceptan bitcoin para el pedido W4••••10?",
    },
    {
      at: "2026-06-12T09:05:00Z",
      category: "unclassified",
      language: "en",
      question: "Do you sell gift cards?",
    },
  ],
};

describe("the metrics page's Help Center figures", () => {
  it("shows answered and unanswered general questions by category and language, and the articles used", async () => {
    renderWithClient(metricsClient(serving(aMetricsReport()), { knowledge }), <NavBar />);

    const section = await screen.findByTestId("knowledge-figures");
    const rows = within(section)
      .getAllByTestId("knowledge-row")
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ["Unclassified", "English", "12", "3", "0"],
      ["Refund", "Spanish", "1", "4", "1"],
    ]);
    const articles = within(section).getAllByTestId("knowledge-article");
    expect(articles[0]?.textContent).toContain("/hc/en-us/articles/501");
    expect(articles[0]?.textContent).toContain("12 answers");
    expect(articles[1]?.textContent).toContain("1 answer");
  });

  it("lists the newest questions that found nothing, as the Worker masked them, with category, language and time", async () => {
    renderWithClient(metricsClient(serving(aMetricsReport()), { knowledge }), <NavBar />);

    const section = await screen.findByTestId("knowledge-figures");
    const list = within(section).getByRole("list", {
      name: "Recent questions no article answered",
    });
    const questions = within(list).getAllByTestId("knowledge-unanswered");
    expect(questions.map((q) => q.querySelector("q")?.textContent)).toEqual([
      "¿Aceptan bitcoin para el pedido W4••••10?",
      "Do you sell gift cards?",
    ]);
    expect(questions[0]?.textContent).toContain("Refund");
    expect(questions[0]?.textContent).toContain("Spanish");
    expect(questions[0]?.querySelector("time")?.getAttribute("dateTime")).toBe(
      "2026-06-29T16:40:00Z",
    );
  });

  it("shows no list when every question found an article", async () => {
    renderWithClient(
      metricsClient(serving(aMetricsReport()), { knowledge: { ...knowledge, unanswered: [] } }),
      <NavBar />,
    );
    const section = await screen.findByTestId("knowledge-figures");
    expect(within(section).queryAllByTestId("knowledge-unanswered")).toEqual([]);
    expect(within(section).queryByText("Recent questions no article answered")).toBeNull();
  });

  it("leaves the rest of the page as it is when the figures cannot be read", async () => {
    renderWithClient(metricsClient(serving(aMetricsReport())), <NavBar />);
    await screen.findByTestId("group-fidelity");
    expect(screen.queryByTestId("knowledge-figures")).toBeNull();
  });
});
