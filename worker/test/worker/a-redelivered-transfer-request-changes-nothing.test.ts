import { beforeEach, describe, expect, it } from "vitest";
import { readSessionContext, settle, suncoSent } from "./support/tenant";
import { auditOf, CONVERSATION, customerWithTheAi, threadLog, transfer } from "./support/transfers";
import { migrate } from "./support/worker";

beforeEach(migrate);

describe("a transfer request sent again", () => {
  it("records one transfer, tells the customer once and answers like the first", async () => {
    const { tenant, threadId } = await customerWithTheAi();
    const expectedVersion = (await readSessionContext(tenant, CONVERSATION)).version;
    const request = { to: "human", requestId: "8f9e1c52-transfer", expectedVersion };
    const first = await transfer(tenant, threadId, request);
    expect(first.status).toBe(200);
    const firstView = (await first.json()) as { version: number; control: string };
    // A lost answer: the sidebar sends the same request again, with the version it acted on.
    for (let i = 0; i < 2; i++) {
      const again = await transfer(tenant, threadId, request);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({
        version: firstView.version,
        control: "human",
      });
    }
    await settle(tenant);

    expect(
      (await threadLog(tenant, threadId)).filter((e) => e.type === "control.transferred"),
    ).toHaveLength(1);
    expect(
      (await auditOf(tenant, threadId)).filter((e) => e.action === "control.transferred"),
    ).toHaveLength(1);
    const sent = await suncoSent(tenant, CONVERSATION);
    expect(sent.messages.filter((m) => m.content.text?.includes("is joining"))).toHaveLength(1);
    expect(sent.controls).toHaveLength(1);
  });
});
