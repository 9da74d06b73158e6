import { beforeEach, describe, expect, it } from "vitest";
import { chatQuestion, helpCenter } from "./support/help-center";
import { createTenant, readContext, sendChannelEvent, settle } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

const returnsIn = (days: number) =>
  helpCenter([
    {
      id: 600 + days,
      title: "Returns",
      paragraphs: [
        `You can return unused items within ${days} days of delivery for a full refund.`,
      ],
    },
  ]);

describe("each tenant's customers hear that tenant's policy", () => {
  it("answers 14 days for a tenant whose Help Center says 14, and 30 for one that says 30", async () => {
    const strict = await createTenant({ zendesk: { helpCenter: returnsIn(14) } });
    const demoLike = await createTenant({ zendesk: { helpCenter: returnsIn(30) } });
    for (const tenant of [strict, demoLike])
      await sendChannelEvent(tenant, chatQuestion("What's your return policy?"));
    await Promise.all([settle(strict), settle(demoLike)]);

    const strictReply = (await readContext(strict, "7701")).agent.replies.at(-1)?.text ?? "";
    expect(strictReply).toContain("within 14 days of delivery");
    expect(strictReply).not.toContain("30 days");
    const demoReply = (await readContext(demoLike, "7701")).agent.replies.at(-1)?.text ?? "";
    expect(demoReply).toContain("within 30 days of delivery");
  });
});
