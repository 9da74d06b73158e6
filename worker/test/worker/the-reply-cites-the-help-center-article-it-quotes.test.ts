import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { chatQuestion, helpCenter } from "./support/help-center";
import { createTenant, readContext, sendChannelEvent, settle } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

const shipping = helpCenter([
  {
    id: 501,
    title: "Shipping times",
    paragraphs: [
      "Standard delivery takes 4–6 business days; express takes 2.",
      "We ship from our warehouse in Ohio.",
    ],
  },
  { id: 502, title: "Gift wrapping", paragraphs: ["Gift wrapping costs $4 per item."] },
]);

describe("an answer from the Help Center", () => {
  it("quotes the article's answering sentences, links it, shows it in the timeline, and records the search with the article", async () => {
    const tenant = await createTenant({ zendesk: { helpCenter: shipping } });
    await sendChannelEvent(tenant, chatQuestion("How long does shipping take?"));
    await settle(tenant);

    const context = await readContext(tenant, "7701");
    const reply = context.agent.replies.at(-1)?.text ?? "";
    // The sidebar's timeline names the article the AI relied on, whatever the excerpt cuts.
    expect(context.timeline.map((e) => e.text)).toContainEqual(
      expect.stringContaining('AI agent (draft), from the Help Center article "Shipping times"'),
    );
    // …and carries the article's link, so a person can open what the AI quoted.
    const timeline = context.timeline as { cites?: { title: string; url: string } }[];
    expect(timeline.flatMap((e) => (e.cites ? [e.cites] : []))).toEqual([
      { title: "Shipping times", url: expect.stringMatching(/\/hc\/en-us\/articles\/501$/) },
    ]);
    expect(reply).toContain("Standard delivery takes 4–6 business days");
    expect(reply).toContain('"Shipping times"');
    expect(reply).toMatch(/\/hc\/en-us\/articles\/501\b/);
    expect(reply).not.toContain("Gift wrapping");

    const audit = async (action: string) =>
      (
        await env.DB.prepare(
          "SELECT data FROM audit_log WHERE tenant_id = ?1 AND action = ?2 ORDER BY id",
        )
          .bind(tenant.tenantId, action)
          .all<{ data: string }>()
      ).results.map((r) => JSON.parse(r.data) as Record<string, unknown>);
    const search = (await audit("tool.called")).find((c) => c.tool === "zendesk_help_center");
    expect(search).toMatchObject({
      action: "search",
      outcome: "ok",
      knowledge: {
        locale: "en-us",
        articles: expect.arrayContaining([expect.objectContaining({ id: "501" })]),
      },
    });
    const decided = (await audit("agent.decided")).at(-1);
    expect(decided?.knowledge).toMatchObject({
      outcome: "answered",
      source: "zendesk_help_center",
      articleId: "501",
    });
  });
});
