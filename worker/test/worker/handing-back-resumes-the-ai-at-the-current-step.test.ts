import { beforeEach, describe, expect, it } from "vitest";
import { readSessionContext, settle } from "./support/tenant";
import {
  CONVERSATION,
  controlAudit,
  customerWithTheAi,
  threadLog,
  transfer,
} from "./support/transfers";
import { migrate } from "./support/worker";

beforeEach(migrate);

describe("handing back", () => {
  it("returns the conversation to the AI at the step the workflow stood at", async () => {
    const { tenant, threadId } = await customerWithTheAi();
    const before = await readSessionContext(tenant, CONVERSATION);
    expect(before.workflow).not.toBeNull();

    expect((await transfer(tenant, threadId, { to: "human", mode: "cold" })).status).toBe(200);
    await settle(tenant);
    const back = await transfer(tenant, threadId, { to: "ai" });
    expect(back.status).toBe(200);
    await settle(tenant);

    const after = await readSessionContext(tenant, CONVERSATION);
    expect(after.control).toBe("ai");
    expect(after.workflow?.id).toBe(before.workflow!.id);
    expect(after.workflow?.currentStep).toBe(before.workflow!.currentStep);
    expect(after.workflow?.steps).toEqual(before.workflow!.steps);
    expect(after.workflow?.missing).toEqual(before.workflow!.missing);

    const log = await threadLog(tenant, threadId);
    expect(log.filter((e) => e.type === "workflow.started")).toHaveLength(1);
    expect(log.filter((e) => e.type.startsWith("ai.")).map((e) => e.type)).toEqual([
      "ai.left",
      "ai.joined",
    ]);
    expect(await controlAudit(tenant, threadId)).toEqual([
      "control.transferred human:agent-7 agent cold",
      "session.left system:live-session ai cold_transfer",
      "control.transferred human:agent-7 agent handback",
      "session.joined system:live-session ai handed_back",
    ]);
  });
});
