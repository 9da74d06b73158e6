import { beforeEach, describe, expect, it } from "vitest";
import { chatQuestion } from "./support/help-center";
import { createTenant, sendChannelEvent, settle } from "./support/tenant";
import { call, migrate } from "./support/worker";

beforeEach(migrate);

describe("the knowledge figures of the metrics page", () => {
  it("count answers from the Help Center and questions it had nothing for, by category and language, with the articles used", async () => {
    // The stand-in's demo Help Center (en-us and es).
    const tenant = await createTenant();
    await sendChannelEvent(tenant, chatQuestion("What's your return policy?", "7801"));
    await sendChannelEvent(tenant, chatQuestion("Is shipping free?", "7802"));
    await sendChannelEvent(tenant, chatQuestion("¿Venden tarjetas de regalo?", "7803"));
    await settle(tenant);

    const today = new Date().toISOString().slice(0, 10);
    const response = await call(`/v1/metrics/knowledge?from=${today}&to=${today}`, {
      headers: { authorization: `Bearer ${tenant.appSecret}` },
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      rows: { category: string; language: string; answered: number; noneFound: number }[];
      articles: { articleId: string; answers: number }[];
    };
    expect(report.rows).toEqual([
      { category: "unclassified", language: "en", answered: 2, noneFound: 0, unavailable: 0 },
      { category: "unclassified", language: "es", answered: 0, noneFound: 1, unavailable: 0 },
    ]);
    expect(report.articles.map((a) => a.articleId).sort()).toEqual([
      "360010000001",
      "360010000002",
    ]);
  });

  it("refuses a window that ends before it starts", async () => {
    const tenant = await createTenant();
    const response = await call("/v1/metrics/knowledge?from=2026-03-02&to=2026-03-01", {
      headers: { authorization: `Bearer ${tenant.appSecret}` },
    });
    expect(response.status).toBe(422);
  });
});
