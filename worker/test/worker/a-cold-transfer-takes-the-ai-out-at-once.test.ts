import { beforeEach, describe, expect, it } from "vitest";
import { attach, sessionToken } from "./support/live-session";
import { settle, suncoSent } from "./support/tenant";
import {
  CONVERSATION,
  controlAudit,
  customerWithTheAi,
  threadLog,
  transfer,
} from "./support/transfers";
import { migrate } from "./support/worker";

beforeEach(migrate);

describe("a cold transfer", () => {
  it("takes the AI out of the session at once; the person joins with the whole history", async () => {
    const { tenant, threadId } = await customerWithTheAi();
    const before = (await suncoSent(tenant, CONVERSATION)).messages.length;
    const sidebar = await attach(
      threadId,
      await sessionToken(tenant, threadId, { sessionId: CONVERSATION }),
    );
    await sidebar.until("the AI there", () =>
      Boolean(sidebar.presence()?.participants.some((p) => p.role === "ai")),
    );

    const answer = await transfer(tenant, threadId, { to: "human", mode: "cold" });
    expect(answer.status).toBe(200);
    await sidebar.until("the AI gone", () =>
      Boolean(sidebar.presence()?.participants.every((p) => p.role !== "ai")),
    );
    // The history is on the socket already: the customer's message came before the transfer.
    const types = sidebar.events().map((m) => m.event.type);
    expect(types.indexOf("message.received")).toBeLessThan(types.indexOf("control.transferred"));
    expect(types).toContain("ai.left");

    await settle(tenant);
    // The AI says nothing on its way out.
    expect((await suncoSent(tenant, CONVERSATION)).messages).toHaveLength(before);
    expect(
      (await threadLog(tenant, threadId)).filter((e) => e.type === "ai.left").map((e) => e.reason),
    ).toEqual(["cold_transfer"]);
    expect(await controlAudit(tenant, threadId)).toEqual([
      "control.transferred human:agent-7 agent cold",
      "session.left system:live-session ai cold_transfer",
    ]);
    sidebar.close();
  });
});
