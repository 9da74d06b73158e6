import { beforeEach, describe, expect, it } from "vitest";
import { act, readSessionContext, settle, suncoSent } from "./support/tenant";
import { CONVERSATION, customerWithTheAi, customerWrites, transfer } from "./support/transfers";
import { migrate } from "./support/worker";

beforeEach(migrate);

const actions = async (tenant: Parameters<typeof suncoSent>[0]) =>
  (await suncoSent(tenant, CONVERSATION)).controls.map((c) => c.action);

async function aiAnswersTheNextMessage(tenant: Parameters<typeof suncoSent>[0]) {
  const before = (await suncoSent(tenant, CONVERSATION)).messages.length;
  await customerWrites(
    tenant,
    "Thanks, so what happens now with the cracked mug?",
    "2026-03-11T07:30:00Z",
  );
  // What the stand-in holds is what the Worker posted: the AI answered.
  expect((await suncoSent(tenant, CONVERSATION)).messages.length).toBeGreaterThan(before);
}

describe("handing a messaging conversation back to the AI", () => {
  it("from the live session releases it from the agent workspace, once, and the AI answers again", async () => {
    const { tenant, threadId } = await customerWithTheAi();
    expect((await transfer(tenant, threadId, { to: "human", mode: "cold" })).status).toBe(200);
    await settle(tenant);
    expect(await actions(tenant)).toEqual(["passControl"]);

    expect((await transfer(tenant, threadId, { to: "ai" })).status).toBe(200);
    await settle(tenant);
    const { controls } = await suncoSent(tenant, CONVERSATION);
    expect(controls.map((c) => c.action)).toEqual(["passControl", "releaseControl"]);
    expect(controls[1]!.metadata).toMatchObject({ continuity_thread: threadId });
    expect((await readSessionContext(tenant, CONVERSATION)).control).toBe("ai");
    await aiAnswersTheNextMessage(tenant);
    expect(await actions(tenant)).toEqual(["passControl", "releaseControl"]);
  });

  it("from the sidebar's hand-back action does the same", async () => {
    const { tenant, threadId } = await customerWithTheAi();
    expect((await transfer(tenant, threadId, { to: "human", mode: "cold" })).status).toBe(200);
    await settle(tenant);
    const held = await readSessionContext(tenant, CONVERSATION);
    expect(held.control).toBe("human");
    const handed = await act(tenant, threadId, {
      action: "hand_back",
      expectedVersion: held.version,
      sessionId: CONVERSATION,
    });
    expect(handed.status).toBe(200);
    await settle(tenant);
    expect(await actions(tenant)).toEqual(["passControl", "releaseControl"]);
  });
});
